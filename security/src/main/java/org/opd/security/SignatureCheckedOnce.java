package org.opd.security;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Checks a token's signature on its first use and its claims on every use. A client sends the same
 * access token with each request for the token's whole life, and verifying the RSA signature and
 * parsing the JSON every time was a sixth of the orchestrator's CPU under load. Expiry, issuer and
 * revocation are still validated on every request, so a token stops working exactly when it would
 * without this cache; a token whose signature fails is never kept.
 */
public final class SignatureCheckedOnce implements JwtDecoder {

    /** Tokens kept: more than the screens, staff and systems of a large hospital use at once. */
    static final int KEPT_TOKENS = 20_000;

    private final JwtDecoder signatureChecker;
    private final OAuth2TokenValidator<Jwt> claimsValidator;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(KEPT_TOKENS)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    /**
     * @param signatureChecker decodes and checks the signature only (its own validator accepts any claims)
     * @param claimsValidator  checks the claims of each use
     */
    public SignatureCheckedOnce(JwtDecoder signatureChecker, OAuth2TokenValidator<Jwt> claimsValidator) {
        this.signatureChecker = signatureChecker;
        this.claimsValidator = claimsValidator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token, signatureChecker::decode);
        OAuth2TokenValidatorResult result = claimsValidator.validate(jwt);
        if (result.hasErrors()) {
            // The message NimbusJwtDecoder gives, so callers see the same refusal with or without the cache.
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors());
        }
        return jwt;
    }
}
