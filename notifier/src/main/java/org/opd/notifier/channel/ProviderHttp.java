package org.opd.notifier.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What every provider client does the same way: one HTTP exchange, its failures, its answer. */
public final class ProviderHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final int MAX_REASON_LENGTH = 300;

    private ProviderHttp() {
    }

    /** A client for one provider: HTTP/1.1, bounded connection time, no redirects to follow. */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the request; no answer at all becomes a {@link SendException} naming the provider. */
    private static HttpResponse<String> exchange(HttpClient http, HttpRequest request, String provider)
            throws SendException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw SendException.noAnswer(provider + " did not answer in time (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw SendException.noAnswer("Cannot reach " + provider + " at " + request.uri().getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendException.noAnswer("Interrupted while waiting for " + provider
                    + "; the message may or may not have gone out", e);
        }
    }

    /**
     * POSTs {@code body} as JSON with a bearer token, as Meta's and Google's APIs take it, and returns
     * the 2xx answer; an error answer becomes the refusal read from its {@code error} object, whose
     * {@code codeField} names the provider's error code.
     */
    public static JsonNode postJson(HttpClient http, URI uri, String accessToken, Duration timeout, Object body,
            String provider, String codeField) throws SendException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = exchange(http, request, provider);
        JsonNode answer = json(response.body());
        if (!succeeded(response)) {
            JsonNode error = answer.path("error");
            throw refusal(response, provider, text(error, codeField), text(error, "message"));
        }
        return answer;
    }

    /**
     * POSTs a form, as Twilio's API and OAuth token endpoints take it, and returns the 2xx answer;
     * an error answer becomes the refusal read from its top-level {@code codeField} and {@code messageField}.
     *
     * @param authorization the {@code Authorization} header, or null
     */
    public static JsonNode postForm(HttpClient http, URI uri, String authorization, Duration timeout, String form,
            String provider, String codeField, String messageField) throws SendException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = exchange(http, request.build(), provider);
        JsonNode answer = json(response.body());
        if (!succeeded(response)) {
            throw refusal(response, provider, text(answer, codeField), text(answer, messageField));
        }
        return answer;
    }

    /** The provider's id of an accepted message, which a 2xx answer must carry. */
    public static String messageId(JsonNode idNode, String provider) throws SendException {
        String id = idNode.asText("");
        if (id.isBlank()) {
            throw SendException.refused(200, null, null, provider + " accepted the message without giving its id");
        }
        return id;
    }

    private static boolean succeeded(HttpResponse<?> response) {
        return response.statusCode() / 100 == 2;
    }

    /** The refusal of a provider that answered with an error status, with its Retry-After. */
    private static SendException refusal(HttpResponse<String> response, String provider, String code, String message) {
        String text = message == null || message.isBlank() ? plainText(response.body()) : message;
        return SendException.refused(response.statusCode(), code, retryAfter(response),
                provider + " answered HTTP " + response.statusCode() + ": " + text
                        + (code == null ? "" : " (" + provider + " error " + code + ")"));
    }

    /** The answer as JSON, or an empty node when it is not JSON (a proxy's HTML error page, say). */
    public static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    /** The text of a JSON field, or null when absent. */
    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String jsonBody(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a provider request", e);
        }
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110); null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String plainText(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return "no details given";
        }
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "…";
    }
}
