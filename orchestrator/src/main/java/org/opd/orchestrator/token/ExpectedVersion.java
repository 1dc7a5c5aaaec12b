package org.opd.orchestrator.token;

import java.util.Map;

import org.opd.orchestrator.error.ConflictException;

/**
 * The version of a token a client last saw ({@code If-Match}). A move is refused when the token
 * has changed since, so two receptionists acting on one token get one success and one 409.
 *
 * @param version null when the client did not say: any version is accepted
 */
public record ExpectedVersion(Long version) {

    public static final ExpectedVersion ANY = new ExpectedVersion(null);

    void check(Token token) {
        if (version != null && version != token.version()) {
            throw new ConflictException("concurrent-modification", "Changed concurrently",
                    "Token " + token.booking().tokenId() + " is at version " + token.version() + ", not " + version
                            + "; read it again and retry",
                    Map.of("currentVersion", token.version(), "currentStatus", token.status().name()));
        }
    }
}
