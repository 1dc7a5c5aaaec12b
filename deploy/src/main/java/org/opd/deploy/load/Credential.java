package org.opd.deploy.load;

import java.time.Duration;

/**
 * A client's credentials and its current access token, signed in again before the token runs
 * out (a run lasts longer than a token's lifetime), as a long-running integration does.
 */
final class Credential {

    /** Sign in again when less than this is left, so no request carries a token that expires on the way. */
    private static final long RENEW_BEFORE = Duration.ofSeconds(60).toNanos();

    private final ApiClient api;
    private final String clientId;
    private final String clientSecret;
    private volatile ApiClient.AccessToken token;

    Credential(ApiClient api, String clientId, String clientSecret) {
        this.api = api;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.token = api.signIn(clientId, clientSecret);
    }

    String bearer() {
        ApiClient.AccessToken current = token;
        if (current.expiresAt() - System.nanoTime() < RENEW_BEFORE) {
            synchronized (this) {
                if (token == current) {
                    token = api.signIn(clientId, clientSecret);
                }
                current = token;
            }
        }
        return current.value();
    }
}
