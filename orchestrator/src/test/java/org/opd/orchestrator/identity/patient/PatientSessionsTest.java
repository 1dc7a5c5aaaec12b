package org.opd.orchestrator.identity.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.error.UnauthorizedException;
import org.opd.orchestrator.identity.IdentityProperties;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/** A patient session: 15 minutes per token, renewed while in use, never past an hour from the sign-in. */
class PatientSessionsTest {

    private static final Instant SIGN_IN = Instant.parse("2026-12-02T04:00:00Z");
    private final RSAKey key = key();
    private final NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) publicKey()).build();

    @Test
    void aTokenLastsFifteenMinutesAndARenewalKeepsTheSignInTime() {
        PatientSession first = sessions(SIGN_IN).start(UUID.randomUUID(), List.of(UUID.randomUUID()));
        assertThat(first.expiresAt()).isEqualTo(SIGN_IN.plus(Duration.ofMinutes(15)));
        assertThat(first.endsAt()).isEqualTo(SIGN_IN.plus(Duration.ofHours(1)));

        PatientSession renewed = sessions(SIGN_IN.plus(Duration.ofMinutes(50))).renew(read(first, SIGN_IN.plusSeconds(60)));

        // Ten minutes before the hour: the renewed token ends with the session, not fifteen minutes later
        assertThat(renewed.expiresAt()).isEqualTo(SIGN_IN.plus(Duration.ofHours(1)));
        assertThat(renewed.patientIds()).isEqualTo(first.patientIds());
    }

    @Test
    void noRenewalOnceTheHourIsOver() {
        PatientSession first = sessions(SIGN_IN).start(UUID.randomUUID(), List.of(UUID.randomUUID()));
        Jwt token = read(first, SIGN_IN.plusSeconds(60));

        assertThatThrownBy(() -> sessions(SIGN_IN.plus(Duration.ofMinutes(60))).renew(token))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("at most 60 minutes");
    }

    private PatientSessions sessions(Instant now) {
        IdentityProperties properties = new IdentityProperties(URI.create("http://opd.test"), null, "x".repeat(32),
                Duration.ofMinutes(10), Duration.ofHours(8), List.of(), null, new IdentityProperties.Lockout(5, Duration.ofMinutes(15)),
                new IdentityProperties.PatientSession(Duration.ofMinutes(15), Duration.ofHours(1)),
                new IdentityProperties.Bootstrap(null, null, null, null));
        return new PatientSessions(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))), properties,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The token as the resource server reads it, at a time it is still good. */
    private Jwt read(PatientSession session, Instant at) {
        decoder.setJwtValidator(jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        Jwt jwt = decoder.decode(session.accessToken());
        assertThat(jwt.getExpiresAt()).isAfter(at);
        return jwt;
    }

    private java.security.PublicKey publicKey() {
        try {
            return key.toPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).keyID("test").build();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
