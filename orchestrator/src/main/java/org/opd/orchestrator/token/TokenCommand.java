package org.opd.orchestrator.token;

import java.util.UUID;

/**
 * Who asks to move which token, having seen which version of it.
 *
 * @param changedBy the staff member acting, kept in the token's history; null when unknown or the system itself
 */
public record TokenCommand(UUID tokenId, ExpectedVersion expectedVersion, UUID changedBy) {

    /** A move the orchestrator makes by rule (the automatic no-show). */
    static TokenCommand bySystem(UUID tokenId) {
        return new TokenCommand(tokenId, ExpectedVersion.ANY, null);
    }
}
