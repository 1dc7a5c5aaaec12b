package org.opd.orchestrator.abdm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The facility's session at the ABDM gateway: {@code POST /v0.5/sessions} with its client id and secret
 * gives an {@code accessToken} valid {@code expiresIn}; it is kept and reused until shortly before then,
 * and fetched by one caller at a time, so concurrent callbacks share one fetch. ABDM's v0.5 specification
 * calls {@code expiresIn} minutes, the later ABDM schemas' examples are seconds (1200 for 20 minutes): it
 * is read as seconds, the shorter reading, which at worst fetches a session early.
 */
final class GatewaySession {

    /** Renewed this long (at most half the lifetime) before it expires, so a call never carries a token expiring on the way. */
    private static final Duration EARLY = Duration.ofSeconds(60);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(String accessToken, Long expiresIn) {
    }

    private final RestClient http;
    private final AbdmProperties.Callbacks callbacks;
    private final Clock clock;
    private String accessToken;
    private Instant renewAt = Instant.MIN;

    GatewaySession(RestClient http, AbdmProperties.Callbacks callbacks, Clock clock) {
        this.http = http;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    synchronized String accessToken() {
        if (accessToken == null || !clock.instant().isBefore(renewAt)) {
            Instant asked = clock.instant();
            Session session = http.post().uri("/v0.5/sessions").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("clientId", callbacks.clientId(), "clientSecret", callbacks.clientSecret()))
                    .retrieve().body(Session.class);
            if (session == null || session.accessToken() == null || session.accessToken().isBlank()) {
                throw new RestClientException("The ABDM gateway answered the session request without an accessToken");
            }
            Duration lifetime = Duration.ofSeconds(session.expiresIn() == null ? 0 : Math.max(0, session.expiresIn()));
            Duration early = EARLY.compareTo(lifetime.dividedBy(2)) < 0 ? EARLY : lifetime.dividedBy(2);
            accessToken = session.accessToken();
            renewAt = asked.plus(lifetime).minus(early);
        }
        return accessToken;
    }

    /** The gateway refused this token (revoked, or its clock runs ahead): the next call fetches a new one. */
    synchronized void forget(String rejected) {
        if (rejected.equals(accessToken)) {
            accessToken = null;
        }
    }
}
