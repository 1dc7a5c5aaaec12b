package org.opd.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * An HTTP server on loopback that speaks Razorpay's Payment Links API ({@code POST /v1/payment_links},
 * JSON body, basic auth with key id and secret, the payment link entity as the answer) and builds the
 * {@code payment_link.paid} webhook Razorpay would send for a link, signed as Razorpay signs it
 * (hex HMAC-SHA256 of the raw body with the webhook secret). See {@link LocalProviderServer} for faults.
 */
public final class LocalRazorpayServer extends LocalProviderServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CANCEL = Pattern.compile("/v1/payment_links/(plink_[A-Za-z0-9]+)/cancel");

    /** A link as created: Razorpay's entity (id, short_url, amount, currency, expire_by, reference_id, status …). */
    public record CreatedLink(JsonNode entity) {

        public String id() {
            return entity.path("id").asText();
        }
    }

    /** One webhook delivery: Razorpay keeps the event id when it retries. */
    public record WebhookEvent(String eventId, String body) {
    }

    private final String keyId;
    private final String keySecret;
    private final List<CreatedLink> created = new CopyOnWriteArrayList<>();
    private final Map<String, CreatedLink> byId = new ConcurrentHashMap<>();

    public LocalRazorpayServer(String keyId, String keySecret) {
        super("/v1/");
        this.keyId = keyId;
        this.keySecret = keySecret;
    }

    public List<CreatedLink> created() {
        return List.copyOf(created);
    }

    /** The {@code payment_link.paid} event for a link created here, as if the patient paid it in full. */
    public WebhookEvent paidEvent(String linkId) {
        CreatedLink link = byId.get(linkId);
        if (link == null) {
            throw new IllegalArgumentException("No link " + linkId + " was created here");
        }
        if (!"created".equals(link.entity().path("status").asText())) {
            throw new IllegalStateException("Link " + linkId + " is " + link.entity().path("status").asText() + ", not payable");
        }
        ObjectNode entity = link.entity().deepCopy();
        entity.put("status", "paid");
        entity.put("amount_paid", entity.path("amount").asInt());
        ObjectNode event = JSON.createObjectNode();
        event.put("entity", "event");
        event.put("account_id", "acc_" + keyId);
        event.put("event", "payment_link.paid");
        event.putArray("contains").add("payment_link").add("payment");
        ObjectNode payload = event.putObject("payload");
        payload.putObject("payment_link").set("entity", entity);
        ObjectNode payment = payload.putObject("payment").putObject("entity");
        payment.put("id", "pay_" + code());
        payment.put("entity", "payment");
        payment.put("amount", entity.path("amount").asInt());
        payment.put("currency", entity.path("currency").asText());
        payment.put("status", "captured");
        event.put("created_at", Instant.now().getEpochSecond());
        return new WebhookEvent("evt_" + code(), event.toString());
    }

    /** The {@code X-Razorpay-Signature} of a body. */
    public static String signature(String body, String webhookSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher cancel = CANCEL.matcher(path);
        if (!"POST".equals(exchange.getRequestMethod()) || !("/v1/payment_links".equals(path) || cancel.matches())) {
            respond(exchange, 404, error("BAD_REQUEST_ERROR", "The requested URL was not found on the server."));
            return;
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, error("BAD_REQUEST_ERROR", "The api key provided is invalid"));
            return;
        }
        if (answeredWithFault(exchange)) {
            return;
        }
        if (cancel.matches()) {
            cancel(exchange, cancel.group(1));
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String problem = problemOf(request);
        if (problem != null) {
            respond(exchange, 400, error("BAD_REQUEST_ERROR", problem));
            return;
        }
        String code = code();
        ObjectNode entity = ((ObjectNode) request).deepCopy();
        entity.put("id", "plink_" + code);
        entity.put("short_url", baseUrl() + "/i/" + code);
        entity.put("status", "created");
        entity.put("amount_paid", 0);
        entity.put("created_at", Instant.now().getEpochSecond());
        entity.put("user_id", "");
        CreatedLink link = new CreatedLink(entity);
        created.add(link);
        byId.put(link.id(), link);
        respond(exchange, 200, entity.toString());
    }

    /** {@code POST /v1/payment_links/{id}/cancel}: only a link not yet paid can be cancelled. */
    private void cancel(HttpExchange exchange, String linkId) throws IOException {
        CreatedLink link = byId.get(linkId);
        if (link == null) {
            respond(exchange, 400, error("BAD_REQUEST_ERROR", "The id provided does not exist"));
            return;
        }
        ObjectNode entity = (ObjectNode) link.entity();
        if (!"created".equals(entity.path("status").asText())) {
            respond(exchange, 400, error("BAD_REQUEST_ERROR", "Payment Link cannot be cancelled as it is already "
                    + entity.path("status").asText()));
            return;
        }
        entity.put("status", "cancelled");
        entity.put("cancelled_at", Instant.now().getEpochSecond());
        respond(exchange, 200, entity.toString());
    }

    @Override
    protected String errorBody(int status) {
        return error(status >= 500 ? "SERVER_ERROR" : "BAD_REQUEST_ERROR", "The server encountered an error");
    }

    /** Razorpay's own checks of a standard link's required fields. */
    private static String problemOf(JsonNode request) {
        if (!request.path("amount").isInt() || request.path("amount").asInt() < 100) {
            return "The amount must be atleast INR 1.00";
        }
        if (!request.path("currency").isTextual()) {
            return "The currency field is required.";
        }
        if (request.has("expire_by") && request.path("expire_by").asLong() <= Instant.now().getEpochSecond()) {
            return "expire_by should be a future timestamp";
        }
        if (request.path("reference_id").asText("").length() > 40) {
            return "The reference id may not be greater than 40 characters.";
        }
        return null;
    }

    private static String error(String code, String description) {
        return "{\"error\":{\"code\":\"" + code + "\",\"description\":\"" + description
                + "\",\"source\":\"NA\",\"step\":\"NA\",\"reason\":\"NA\",\"metadata\":{}}}";
    }

    private static String code() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }
}
