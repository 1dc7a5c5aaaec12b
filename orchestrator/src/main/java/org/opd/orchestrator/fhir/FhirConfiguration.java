package org.opd.orchestrator.fhir;

import java.util.List;

import org.opd.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.DispatcherType;

/**
 * FHIR R4 at {@code /fhir} (docs/fhir.md): HAPI's model and JSON parser behind Spring MVC controllers,
 * a security chain of its own with the same bearer tokens as {@code /api/v1} and the roles of
 * {@link FhirAccess}, and every refusal as an {@code OperationOutcome}.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    static final String BASE = "/fhir";

    /** Building a context reads HAPI's model of every R4 type: once, for the whole application. */
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    FhirErrors fhirErrors(FhirContext fhir) {
        return new FhirErrors(fhir);
    }

    @Bean
    WebMvcConfigurer fhirJson(FhirContext fhir) {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.add(0, new FhirJsonConverter(fhir));
            }
        };
    }

    /** Before the API's catch-all chain: {@code /fhir/**} only. The capability statement is open, as FHIR clients expect. */
    @Bean
    @Order(2)
    SecurityFilterChain fhir(HttpSecurity http, ServiceSecurity security, FhirErrors errors) throws Exception {
        return security.api(http)
                .securityMatcher(BASE + "/**", BASE)
                .oauth2ResourceServer(o -> o.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    rules.requestMatchers(org.springframework.http.HttpMethod.GET, BASE + "/metadata").permitAll();
                    for (FhirAccess.Rule rule : FhirAccess.RULES) {
                        rules.requestMatchers(rule.method(), rule.path()).access(rule);
                    }
                    // Anything else (an unknown type, a wrong method): a signed-in caller is told 404 / 405.
                    rules.anyRequest().authenticated();
                })
                .build();
    }
}
