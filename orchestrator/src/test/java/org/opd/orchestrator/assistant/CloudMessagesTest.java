package org.opd.orchestrator.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.assistant.Prompt.Buttons;
import org.opd.orchestrator.assistant.Prompt.Choice;
import org.opd.orchestrator.assistant.Prompt.Menu;
import org.opd.orchestrator.assistant.Prompt.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Cloud API's message bodies, as its reference gives them, and its length limits. */
class CloudMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTextIsATextMessage() {
        JsonNode message = json(new Text("Hello"));

        assertThat(message.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(message.path("recipient_type").asText()).isEqualTo("individual");
        assertThat(message.path("to").asText()).isEqualTo("919812345678");
        assertThat(message.path("type").asText()).isEqualTo("text");
        assertThat(message.path("text").path("body").asText()).isEqualTo("Hello");
    }

    @Test
    void buttonsAreReplyButtonsWithTitlesCutToTwentyCharacters() {
        JsonNode message = json(new Buttons("Choose", List.of(new Choice("menu:book", "Book an appointment now please"))));

        JsonNode interactive = message.path("interactive");
        assertThat(message.path("type").asText()).isEqualTo("interactive");
        assertThat(interactive.path("type").asText()).isEqualTo("button");
        assertThat(interactive.path("body").path("text").asText()).isEqualTo("Choose");
        JsonNode button = interactive.path("action").path("buttons").get(0);
        assertThat(button.path("type").asText()).isEqualTo("reply");
        assertThat(button.path("reply").path("id").asText()).isEqualTo("menu:book");
        assertThat(button.path("reply").path("title").asText()).hasSize(20).endsWith("…");
    }

    @Test
    void aMenuIsAListOfOneSectionWithRowTitlesAndDescriptionsCut() {
        JsonNode message = json(new Menu("Which doctor?", "Choose doctor", List.of(
                new Choice("doctor:1", "Dr. Venkataraman Subramaniam", "Next free: " + "x".repeat(80)),
                new Choice("doctor:2", "Dr. Asha Rao"))));

        JsonNode interactive = message.path("interactive");
        assertThat(interactive.path("type").asText()).isEqualTo("list");
        assertThat(interactive.path("action").path("button").asText()).isEqualTo("Choose doctor");
        JsonNode rows = interactive.path("action").path("sections").get(0).path("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("title").asText()).hasSize(24);
        assertThat(rows.get(0).path("description").asText()).hasSize(72);
        assertThat(rows.get(1).has("description")).isFalse();
    }

    private static JsonNode json(Prompt prompt) {
        return JSON.valueToTree(CloudMessages.of("919812345678", prompt));
    }
}
