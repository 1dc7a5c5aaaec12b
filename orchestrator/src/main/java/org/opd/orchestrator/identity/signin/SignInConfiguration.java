package org.opd.orchestrator.identity.signin;

import org.opd.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The staff sign-in pages: the login form (e-mail and password, posted to Spring Security's form login), then the steps
 * of {@link SignInSteps}. A browser session with CSRF protection, apart from the stateless API.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, ServiceSecurity security, SignInSteps steps) throws Exception {
        security.headers(http)
                .securityMatcher("/login", "/logout", "/sign-in/**")
                .authorizeHttpRequests(rules -> rules.requestMatchers(LoginPage.PATH).permitAll()
                        .requestMatchers(AccountLinkPages.PATHS).permitAll().anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LoginPage.PATH).successHandler(steps))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
