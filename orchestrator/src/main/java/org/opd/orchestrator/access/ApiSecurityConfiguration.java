package org.opd.orchestrator.access;

import org.opd.security.ServiceSecurity;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.DispatcherType;

/**
 * The API's chain: bearer tokens of the trusted issuers, each call allowed by its rule in
 * {@link ApiAccess}; health open, the OpenAPI document open (it holds no data), unknown paths to any
 * signed-in caller (who is told 404), everything else refused.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, ServiceSecurity security, ScopeCheck scope,
                            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) throws Exception {
        return security.api(http)
                .authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    ServiceSecurity.actuator(rules);
                    rules.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    for (AccessRule rule : ApiAccess.RULES) {
                        rules.requestMatchers(rule.method(), rule.path()).access(new RuleAuthorization(rule, scope));
                    }
                    rules.requestMatchers(new UnmappedRequests(handlers)).authenticated();
                    rules.anyRequest().denyAll();
                })
                .build();
    }
}
