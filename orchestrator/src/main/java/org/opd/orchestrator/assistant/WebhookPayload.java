package org.opd.orchestrator.assistant;

import java.util.ArrayList;
import java.util.List;

import org.opd.orchestrator.assistant.Answer.Chosen;
import org.opd.orchestrator.assistant.Answer.Typed;
import org.opd.orchestrator.assistant.Answer.Unreadable;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the messages of a WhatsApp Cloud API webhook ({@code object: whatsapp_business_account}):
 * {@code entry[].changes[].value} with {@code metadata.phone_number_id} and {@code messages[]}, each
 * with {@code id}, {@code from} and its {@code type}: {@code text} ({@code text.body}) or
 * {@code interactive} ({@code button_reply.id} or {@code list_reply.id}). Status updates of sent
 * messages ({@code value.statuses}) carry no answer and are passed over.
 */
final class WebhookPayload {

    private WebhookPayload() {
    }

    static List<InboundMessage> messages(JsonNode webhook) {
        List<InboundMessage> found = new ArrayList<>();
        for (JsonNode entry : webhook.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String number = value.path("metadata").path("phone_number_id").asText("");
                for (JsonNode message : value.path("messages")) {
                    String id = message.path("id").asText("");
                    String from = message.path("from").asText("");
                    if (!number.isBlank() && !id.isBlank() && !from.isBlank()) {
                        found.add(new InboundMessage(id, number, from, answer(message)));
                    }
                }
            }
        }
        return found;
    }

    private static Answer answer(JsonNode message) {
        String type = message.path("type").asText("");
        if (type.equals("text")) {
            return new Typed(message.path("text").path("body").asText(""));
        }
        JsonNode interactive = message.path("interactive");
        JsonNode reply = interactive.has("button_reply") ? interactive.path("button_reply") : interactive.path("list_reply");
        if (type.equals("interactive") && reply.hasNonNull("id")) {
            return new Chosen(reply.path("id").asText());
        }
        return new Unreadable();
    }
}
