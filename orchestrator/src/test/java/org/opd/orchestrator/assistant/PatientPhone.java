package org.opd.orchestrator.assistant;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.support.Api;
import org.opd.schemas.whatsapp.HubSignature;
import org.opd.testsupport.LocalWhatsAppServer;
import org.opd.testsupport.LocalWhatsAppServer.SentMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A patient's WhatsApp writing to a booking number: each message goes to the assistant's webhook as Meta
 * delivers it (signed with the app secret), and the replies are read from the local Cloud API.
 */
final class PatientPhone {

    static final String WEBHOOK = "/whatsapp-webhooks/booking";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one message got back: the webhook's answer and the replies the Cloud API was asked to send. */
    record Exchange(Api.Reply webhook, List<JsonNode> replies) {

        /** The body text of the last reply. */
        String lastBody() {
            return body(replies.size() - 1);
        }

        String body(int index) {
            JsonNode reply = replies.get(index);
            return reply.path("type").asText().equals("text") ? reply.path("text").path("body").asText()
                    : reply.path("interactive").path("body").path("text").asText();
        }

        /** The ids the last reply offers, as reply buttons or list rows. */
        List<String> offered() {
            return replies.get(replies.size() - 1).path("interactive").path("action").findValuesAsText("id");
        }
    }

    private final Api api;
    private final LocalWhatsAppServer cloud;
    private final String appSecret;
    final String phoneNumberId;
    final String waId;

    PatientPhone(Api api, LocalWhatsAppServer cloud, String appSecret, String phoneNumberId, String phone) {
        this.api = api;
        this.cloud = cloud;
        this.appSecret = appSecret;
        this.phoneNumberId = phoneNumberId;
        this.waId = phone.replaceFirst("^\\+", "");
    }

    Exchange type(String text) {
        return deliver(message(newId(), Map.of("type", "text", "text", Map.of("body", text))), appSecret);
    }

    Exchange tap(String choiceId) {
        return deliver(tapMessage(newId(), choiceId), appSecret);
    }

    /** A tap with a given message id, as Meta delivers it again after a timeout. */
    Exchange tap(String messageId, String choiceId) {
        return deliver(tapMessage(messageId, choiceId), appSecret);
    }

    /** The webhook body of a tap, signed with {@code secret}. */
    Exchange deliver(String body, String secret) {
        int before = repliesSoFar().size();
        Api.Reply reply = api.anonymous().postRaw(WEBHOOK, body,
                Api.headers(HubSignature.HEADER, HubSignature.of(secret, body.getBytes(StandardCharsets.UTF_8))));
        List<JsonNode> all = repliesSoFar();
        return new Exchange(reply, all.subList(before, all.size()));
    }

    String tapMessage(String messageId, String choiceId) {
        return message(messageId, Map.of("type", "interactive",
                "interactive", Map.of("type", "list_reply", "list_reply", Map.of("id", choiceId, "title", "chosen"))));
    }

    List<JsonNode> repliesSoFar() {
        return cloud.sent().stream()
                .filter(m -> m.phoneNumberId().equals(phoneNumberId) && m.to().equals(waId))
                .map(SentMessage::request).toList();
    }

    private String message(String messageId, Map<String, Object> content) {
        Map<String, Object> message = new HashMap<>(content);
        message.putAll(Map.of("from", waId, "id", messageId, "timestamp", Long.toString(System.currentTimeMillis() / 1000)));
        Map<String, Object> webhook = Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", "WABA",
                "changes", List.of(Map.of("field", "messages", "value", Map.of("messaging_product", "whatsapp",
                        "metadata", Map.of("display_phone_number", "918000000000", "phone_number_id", phoneNumberId),
                        "contacts", List.of(Map.of("profile", Map.of("name", "Patient"), "wa_id", waId)),
                        "messages", List.of(message)))))));
        try {
            return JSON.writeValueAsString(webhook);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        return "wamid." + UUID.randomUUID().toString().replace("-", "");
    }
}
