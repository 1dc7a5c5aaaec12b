package org.opd.notifier.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends SMS through Twilio's Messages API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}
 * with the form fields {@code To}, {@code From} and {@code Body}, authenticated with HTTP basic
 * auth (account sid : auth token). A 2xx answer carries the message's {@code sid}; any other
 * answer carries {@code code} and {@code message}, which become the failure reason.
 */
public final class TwilioSmsProvider implements SmsProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON_LENGTH = 300;

    private final HttpClient http;
    private final URI messagesUri;
    private final String authorization;
    private final String fromNumber;
    private final Duration requestTimeout;

    public TwilioSmsProvider(SmsProperties properties, HttpClient http) {
        this.http = http;
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        this.messagesUri = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(properties.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        // Sent with the first request: Twilio's API does not rely on a challenge round trip.
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (properties.accountSid() + ":" + properties.authToken()).getBytes(StandardCharsets.UTF_8));
        this.fromNumber = properties.fromNumber();
        this.requestTimeout = properties.requestTimeout();
    }

    /** A client suitable for this provider: HTTP/1.1, bounded connection time, no redirects to follow. */
    public static HttpClient httpClient(SmsProperties properties) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String send(String to, String body) throws SmsSendException {
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form("To", to) + "&" + form("From", fromNumber) + "&" + form("Body", body)))
                .build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 == 2) {
            return messageSid(response);
        }
        throw refusal(response);
    }

    private HttpResponse<String> exchange(HttpRequest request) throws SmsSendException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new SmsSendException("Twilio did not answer in time (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new SmsSendException("Cannot reach Twilio at " + messagesUri.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsSendException("Interrupted while waiting for Twilio; the message may or may not have gone out", e);
        }
    }

    private static String messageSid(HttpResponse<String> response) throws SmsSendException {
        String sid = parse(response.body()).path("sid").asText("");
        if (sid.isBlank()) {
            throw new SmsSendException(response.statusCode(), null,
                    "Twilio answered HTTP " + response.statusCode() + " without a message sid");
        }
        return sid;
    }

    private static SmsSendException refusal(HttpResponse<String> response) {
        JsonNode error = parse(response.body());
        String code = error.hasNonNull("code") ? error.get("code").asText() : null;
        String message = error.hasNonNull("message") ? error.get("message").asText() : plainText(response.body());
        return new SmsSendException(response.statusCode(), code,
                "Twilio answered HTTP " + response.statusCode() + ": " + message
                        + (code == null ? "" : " (Twilio error " + code + ")"));
    }

    /** The answer as JSON, or an empty node when it is not JSON (a proxy's HTML error page, say). */
    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String plainText(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return "no details given";
        }
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
