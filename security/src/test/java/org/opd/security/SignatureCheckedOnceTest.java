package org.opd.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

class SignatureCheckedOnceTest {

    private static final Instant ISSUED = Instant.parse("2026-12-03T09:00:00Z");

    private final KeyPair keys = rsaKeys();
    private final AtomicInteger signaturesChecked = new AtomicInteger();
    private Clock now = Clock.fixed(ISSUED.plusSeconds(60), ZoneOffset.UTC);

    @Test
    void aTokenUsedAgainIsAcceptedWithoutCheckingItsSignatureAgain() {
        JwtDecoder decoder = decoder();
        String token = token(keys, Duration.ofMinutes(10));

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);

        assertThat(again.getSubject()).isEqualTo(first.getSubject()).isEqualTo("screen-1");
        assertThat(signaturesChecked).hasValue(1);
    }

    @Test
    void aKeptTokenStopsWorkingWhenItExpires() {
        JwtDecoder decoder = decoder();
        String token = token(keys, Duration.ofMinutes(10));
        decoder.decode(token);

        now = Clock.fixed(ISSUED.plus(Duration.ofMinutes(20)), ZoneOffset.UTC);

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired at");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEveryTime() {
        JwtDecoder decoder = decoder();
        String forged = token(rsaKeys(), Duration.ofMinutes(10));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(signaturesChecked).hasValue(2);
    }

    private JwtDecoder decoder() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        JwtDecoder counting = token -> {
            signaturesChecked.incrementAndGet();
            return nimbus.decode(token);
        };
        // The validator reads the clock of the moment of each use.
        return new SignatureCheckedOnce(counting, jwt -> {
            JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
            timestamps.setClock(now);
            return timestamps.validate(jwt);
        });
    }

    private static String token(KeyPair signing, Duration lifetime) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) signing.getPublic()).privateKey((RSAPrivateKey) signing.getPrivate()).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("screen-1").issuedAt(ISSUED).expiresAt(ISSUED.plus(lifetime)).build();
        return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
