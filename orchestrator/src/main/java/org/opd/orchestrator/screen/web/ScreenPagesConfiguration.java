package org.opd.orchestrator.screen.web;

import org.opd.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The screens' pages, scripts and styles (static files under {@code /screens}, libraries under
 * {@code /webjars}) are open: they hold no data. Everything they show comes from the API, with the access token the page got.
 */
@Configuration(proxyBeanMethods = false)
class ScreenPagesConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain screenPages(HttpSecurity http, ServiceSecurity security) throws Exception {
        security.headers(http)
                .securityMatcher("/screens/**", "/webjars/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
        return http.build();
    }
}
