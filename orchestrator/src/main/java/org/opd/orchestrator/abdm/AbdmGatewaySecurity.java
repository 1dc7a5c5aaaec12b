package org.opd.orchestrator.abdm;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.opd.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The ABDM gateway's own chain for {@code /abdm/**}: only a bearer JWT signed by the gateway's key,
 * unexpired, of the configured issuer and client, is let through. It is a chain of its own because
 * the gateway is no trusted issuer of the API: its tokens prove nothing anywhere else.
 */
@Configuration(proxyBeanMethods = false)
class AbdmGatewaySecurity {

    static final String PATHS = "/abdm/**";

    @Bean
    @Order(2)
    SecurityFilterChain abdmGateway(HttpSecurity http, ServiceSecurity security, AbdmProperties properties) throws Exception {
        JwtDecoder decoder = gatewayDecoder(properties);
        return security.headers(http)
                .securityMatcher(PATHS)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder))
                        .authenticationEntryPoint(security.problems()).accessDeniedHandler(security.problems()))
                .exceptionHandling(e -> e.authenticationEntryPoint(security.problems()).accessDeniedHandler(security.problems()))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .build();
    }

    static JwtDecoder gatewayDecoder(AbdmProperties properties) {
        NimbusJwtDecoder decoder;
        if (!properties.gatewayJwksUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.gatewayJwksUri()).build();
        } else if (!properties.gatewayPublicKey().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(properties.gatewayPublicKey())).build();
        } else {
            return token -> {
                throw new BadJwtException("ABDM gateway keys are not configured");
            };
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(new JwtTimestampValidator(),
                clientValidator(properties.clientId())));
        if (!properties.gatewayIssuer().isBlank()) {
            validators.add(new JwtIssuerValidator(properties.gatewayIssuer()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** ABDM's gateway tokens name their client in {@code clientId} (Keycloak's) or {@code azp}. */
    private static OAuth2TokenValidator<Jwt> clientValidator(String clientId) {
        return jwt -> {
            String client = jwt.hasClaim("clientId") ? jwt.getClaimAsString("clientId") : jwt.getClaimAsString("azp");
            return !clientId.isBlank() && clientId.equals(client) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Not a token of the ABDM gateway client", null));
        };
    }

    private static RSAPublicKey publicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("opd.orchestrator.abdm.gateway-public-key is not a PEM RSA public key", e);
        }
    }
}
