package org.opd.orchestrator.identity;

/**
 * A credential stopped being good (client revoked, account disabled, password changed): the
 * tokens already issued to {@code subject} are refused from now on.
 */
public record CredentialRevoked(String subject) {
}
