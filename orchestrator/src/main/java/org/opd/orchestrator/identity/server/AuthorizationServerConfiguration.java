package org.opd.orchestrator.identity.server;

import org.opd.orchestrator.identity.IdentityProperties;
import org.opd.security.LocalIssuer;
import org.opd.security.ServiceSecurity;
import org.opd.security.SignatureCheckedOnce;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.opd.orchestrator.identity.signin.SignInState;

/**
 * The embedded OAuth 2.0 / OpenID Connect issuer (Spring Authorization Server): discovery at
 * {@code /.well-known/openid-configuration}, keys at {@code /oauth2/jwks}, codes for signed-in
 * staff, client credentials for screens and hospital systems. Clients and authorizations live in
 * PostgreSQL, so refresh tokens outlive a restart and every instance sees the same ones.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String CONTINUE_SIGN_IN = "/sign-in/continue";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, ServiceSecurity security, AuthorizationServerSettings settings)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        security.headers(http)
                .securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults()))
                // Codes only for a finished sign-in; the other endpoints authenticate their clients themselves.
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(settings.getAuthorizationEndpoint()).hasAuthority(SignInState.SIGNED_IN)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new MediaTypeRequestMatcher(MediaType.TEXT_HTML))
                        // Signed in with the password but a step left: back to that step.
                        .accessDeniedHandler((request, response, denied) ->
                                response.sendRedirect(request.getContextPath() + CONTINUE_SIGN_IN)));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.load(properties.signingKey())));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> keys) {
        return new NimbusJwtEncoder(keys);
    }

    /**
     * This issuer's tokens, checked with its own keys and against revoked credentials: the signature on a
     * token's first use, expiry, issuer and revocation on every use.
     */
    @Bean
    LocalIssuer localIssuer(JWKSource<SecurityContext> keys, IdentityProperties properties, CredentialStatus status) {
        NimbusJwtDecoder signatureChecker = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        signatureChecker.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        JwtDecoder decoder = new SignatureCheckedOnce(signatureChecker, new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer().toString()), status));
        return new LocalIssuer(properties.issuer().toString(), decoder);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /** Passwords and client secrets: bcrypt, with the algorithm named in each hash so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
