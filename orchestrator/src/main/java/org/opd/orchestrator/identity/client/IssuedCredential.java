package org.opd.orchestrator.identity.client;

/** A new client credential with its secret, shown this once and never stored in the clear. */
public record IssuedCredential(ApiClient client, String clientSecret) {
}
