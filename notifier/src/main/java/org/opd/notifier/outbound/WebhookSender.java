package org.opd.notifier.outbound;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * One signed POST of a delivery's body to its subscription's URL. Any 2xx answer delivers it; anything else,
 * or no answer within the request timeout, is a failed attempt. The receiver's body is never read into our
 * logs or tables: only its status code.
 */
final class WebhookSender {

    static final String EVENT_ID_HEADER = "OPD-Event-Id";
    static final String EVENT_TYPE_HEADER = "OPD-Event-Type";
    static final String DELIVERY_ID_HEADER = "OPD-Delivery-Id";
    static final String ATTEMPT_HEADER = "OPD-Delivery-Attempt";

    private final HttpClient http;
    private final Duration requestTimeout;

    WebhookSender(HttpClient http, Duration requestTimeout) {
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    AttemptOutcome send(ClaimedDelivery delivery) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(delivery.targetUrl())
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "OPD-Webhooks/1")
                .header(WebhookSignature.HEADER,
                        WebhookSignature.header(delivery.secret(), startedAt.getEpochSecond(), delivery.payload()))
                .header(EVENT_ID_HEADER, delivery.eventId().toString())
                .header(EVENT_TYPE_HEADER, delivery.eventType())
                .header(DELIVERY_ID_HEADER, delivery.deliveryId().toString())
                .header(ATTEMPT_HEADER, Integer.toString(delivery.attempt()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new AttemptOutcome(startedAt, took, status, status / 100 == 2 ? null : "Receiver answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new AttemptOutcome(startedAt, Duration.ofNanos(System.nanoTime() - started), null,
                    "No answer within " + requestTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return new AttemptOutcome(startedAt, Duration.ofNanos(System.nanoTime() - started), null,
                    "Cannot reach the receiver: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AttemptOutcome(startedAt, Duration.ofNanos(System.nanoTime() - started), null,
                    "Interrupted (notifier stopping)");
        }
    }
}
