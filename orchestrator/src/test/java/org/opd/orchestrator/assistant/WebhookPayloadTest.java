package org.opd.orchestrator.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.assistant.Answer.Chosen;
import org.opd.orchestrator.assistant.Answer.Typed;
import org.opd.orchestrator.assistant.Answer.Unreadable;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Messages of the Cloud API's webhook, in the shape Meta documents. */
class WebhookPayloadTest {

    private static final String WEBHOOK = """
            {"object": "whatsapp_business_account", "entry": [{"id": "WABA_ID", "changes": [{"field": "messages", "value": {
              "messaging_product": "whatsapp",
              "metadata": {"display_phone_number": "918000000000", "phone_number_id": "106540352242922"},
              "contacts": [{"profile": {"name": "Meera"}, "wa_id": "919812345678"}],
              "messages": [
                {"from": "919812345678", "id": "wamid.text", "timestamp": "1733300000", "type": "text", "text": {"body": "123456"}},
                {"from": "919812345678", "id": "wamid.button", "timestamp": "1733300001", "type": "interactive",
                 "interactive": {"type": "button_reply", "button_reply": {"id": "lang:EN", "title": "English"}}},
                {"from": "919812345678", "id": "wamid.list", "timestamp": "1733300002", "type": "interactive",
                 "interactive": {"type": "list_reply", "list_reply": {"id": "slot:1733300000", "title": "09:00"}}},
                {"from": "919812345678", "id": "wamid.image", "timestamp": "1733300003", "type": "image", "image": {"id": "1"}}
              ]}}, {"field": "messages", "value": {"metadata": {"phone_number_id": "106540352242922"},
                    "statuses": [{"id": "wamid.sent", "status": "delivered"}]}}]}]}
            """;

    @Test
    void readsTextsButtonRepliesAndListRepliesAndPassesOverStatuses() throws Exception {
        var messages = WebhookPayload.messages(new ObjectMapper().readTree(WEBHOOK));

        assertThat(messages).extracting(InboundMessage::messageId)
                .containsExactly("wamid.text", "wamid.button", "wamid.list", "wamid.image");
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.phoneNumberId()).isEqualTo("106540352242922");
            assertThat(m.waId()).isEqualTo("919812345678");
        });
        assertThat(messages).extracting(InboundMessage::answer).containsExactly(
                new Typed("123456"), new Chosen("lang:EN"), new Chosen("slot:1733300000"), new Unreadable());
    }
}
