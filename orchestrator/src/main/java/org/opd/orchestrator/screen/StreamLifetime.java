package org.opd.orchestrator.screen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** How long a caller's live stream may stay open: until its access token expires (the page reconnects with a new one). */
public final class StreamLifetime {

    private static final Duration WITHOUT_EXPIRY = Duration.ofHours(1);
    private static final Duration AT_LEAST = Duration.ofSeconds(1);

    public static Duration untilExpiry(JwtAuthenticationToken caller, Clock clock) {
        Instant expiresAt = caller.getToken().getExpiresAt();
        Duration left = expiresAt == null ? WITHOUT_EXPIRY : Duration.between(clock.instant(), expiresAt);
        return left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left;
    }

    private StreamLifetime() {
    }
}
