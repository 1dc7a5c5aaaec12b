package org.opd.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How a service checks its callers ({@code opd.security}).
 *
 * @param trustedIssuers     OIDC issuers whose JWTs are accepted, found through their discovery
 *                           documents; a hospital's Keycloak or Azure AD goes here. The embedded
 *                           issuer of the orchestrator is one of them for the other services.
 * @param corsAllowedOrigins browser origins allowed to call cross-origin; empty keeps CORS closed
 * @param maxRequestSize     larger request bodies are refused with 413 before they are read
 */
@Validated
@ConfigurationProperties("opd.security")
public record ServiceSecurityProperties(
        @NotNull @DefaultValue List<URI> trustedIssuers,
        @NotNull @DefaultValue List<String> corsAllowedOrigins,
        @NotNull @DefaultValue("256KB") DataSize maxRequestSize) {
}
