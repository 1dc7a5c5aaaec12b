package org.opd.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.DispatcherType;

/**
 * Makes a servlet service an OAuth 2.0 resource server of the trusted issuers. A service that
 * declares no {@link SecurityFilterChain} of its own gets one: health open, other actuator
 * endpoints for ADMIN / OPERATIONS, its {@link PublicPaths} open (and error pages of calls let through),
 * everything else authenticated.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    @Bean
    ServiceSecurity serviceSecurity(ServiceSecurityProperties properties, ObjectProvider<LocalIssuer> localIssuers,
                                    ObjectMapper json) {
        TrustedIssuers issuers = new TrustedIssuers(localIssuers.orderedStream().toList(), properties.trustedIssuers());
        return new ServiceSecurity(new JwtIssuerAuthenticationManagerResolver(issuers), new SecurityProblems(json),
                properties.corsAllowedOrigins());
    }

    /** Before Spring Security, so an oversized body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(ServiceSecurityProperties properties, ServiceSecurity security) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(properties.maxRequestSize().toBytes(), security.problems()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    @Order
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceApi(HttpSecurity http, ServiceSecurity security, ObjectProvider<PublicPaths> publicPaths)
            throws Exception {
        List<String> open = publicPaths.orderedStream().flatMap(p -> p.patterns().stream()).toList();
        return security.api(http)
                .authorizeHttpRequests(rules -> {
                    // The error page of a call already let through (a public path's 400) stays its answer, not a 401.
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    ServiceSecurity.actuator(rules);
                    if (!open.isEmpty()) {
                        rules.requestMatchers(open.toArray(String[]::new)).permitAll();
                    }
                    rules.anyRequest().authenticated();
                })
                .build();
    }
}
