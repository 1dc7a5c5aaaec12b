package org.opd.orchestrator.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The embedded authorization server and sign-in ({@code opd.orchestrator.identity}). Secrets
 * come from the environment only; the local runner makes them for one machine.
 *
 * @param issuer              the {@code iss} of every token and the base of the discovery document
 * @param signingKey          RSA private key (PKCS#8 PEM) that signs tokens; blank makes one at
 *                            start, so tokens do not outlive the process (fine for one machine)
 * @param secretKey           seals TOTP secrets at rest; at least 32 characters
 * @param accessTokenLifetime how long a staff, screen or client access token is good for
 * @param refreshTokenLifetime how long a refresh token of a confidential client is good for
 * @param consoleRedirectUris where the staff console (client {@code opd-console}) gets its code;
 *                            empty registers no console
 * @param consoleClientSecret  makes the console a confidential client, given refresh tokens (a
 *                            console that exchanges its codes on a server); blank: public, PKCE only
 */
@Validated
@ConfigurationProperties("opd.orchestrator.identity")
public record IdentityProperties(
        @NotNull URI issuer,
        String signingKey,
        @NotBlank @Size(min = 32) String secretKey,
        @NotNull @DefaultValue("10m") Duration accessTokenLifetime,
        @NotNull @DefaultValue("8h") Duration refreshTokenLifetime,
        @NotNull @DefaultValue List<URI> consoleRedirectUris,
        String consoleClientSecret,
        @Valid @NotNull @DefaultValue Lockout lockout,
        @Valid @NotNull @DefaultValue PatientSession patientSession,
        @Valid @NotNull @DefaultValue Bootstrap bootstrap) {

    /** After {@code maxFailures} wrong passwords or codes in a row, an account is locked for {@code lockFor}. */
    public record Lockout(@Min(1) @DefaultValue("5") int maxFailures, @NotNull @DefaultValue("15m") Duration lockFor) {
    }

    /** A patient's token lasts {@code idle} and is renewed while in use, up to {@code absolute} from the sign-in. */
    public record PatientSession(@NotNull @DefaultValue("15m") Duration idle, @NotNull @DefaultValue("1h") Duration absolute) {
    }

    /**
     * What exists on first start, so that someone can sign in at all. The administrator must change
     * the password at first sign-in; the client is for scripts (client credentials), to be revoked
     * once the hospital has its own.
     */
    public record Bootstrap(String adminEmail, String adminPassword, String clientId, String clientSecret) {

        public boolean hasAdmin() {
            return adminEmail != null && !adminEmail.isBlank() && adminPassword != null && !adminPassword.isBlank();
        }

        public boolean hasClient() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }
    }
}
