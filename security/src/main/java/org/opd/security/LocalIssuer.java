package org.opd.security;

import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * An issuer that runs inside this service (the orchestrator's embedded authorization server):
 * its tokens are checked with the keys at hand, without fetching its own discovery document.
 *
 * @param issuer  the {@code iss} its tokens carry
 * @param decoder checks signature, expiry, issuer and anything else the issuer knows (revocation)
 */
public record LocalIssuer(String issuer, JwtDecoder decoder) {
}
