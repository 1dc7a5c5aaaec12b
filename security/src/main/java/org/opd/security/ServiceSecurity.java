package org.opd.security;

import java.util.List;

import org.opd.schemas.identity.Role;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The rules every service's API shares: stateless, bearer JWTs of the trusted issuers only,
 * problem+json refusals, security headers, CORS closed unless origins are configured, health
 * open to probes and the other actuator endpoints to administrators and operations staff.
 */
public final class ServiceSecurity {

    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'";

    private final AuthenticationManagerResolver<HttpServletRequest> issuers;
    private final SecurityProblems problems;
    private final CorsConfigurationSource cors;

    ServiceSecurity(AuthenticationManagerResolver<HttpServletRequest> issuers, SecurityProblems problems,
                    List<String> corsAllowedOrigins) {
        this.issuers = issuers;
        this.problems = problems;
        this.cors = cors(corsAllowedOrigins);
    }

    /** A stateless API that takes bearer tokens; the caller adds its own request rules after. */
    public HttpSecurity api(HttpSecurity http) throws Exception {
        return headers(http)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(issuers)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /** Security headers and CORS, for every chain of a service, pages included. */
    public HttpSecurity headers(HttpSecurity http) throws Exception {
        return http
                .cors(c -> c.configurationSource(cors))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(Customizer.withDefaults()));
    }

    /** Health for probes, the rest of actuator (metrics) for administrators and operations. */
    public static void actuator(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAnyRole(Role.ADMIN.name(), Role.OPERATIONS.name());
    }

    public SecurityProblems problems() {
        return problems;
    }

    private static CorsConfigurationSource cors(List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!allowedOrigins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(allowedOrigins);
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match"));
            config.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }
}
