package org.opd.orchestrator.assistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opd.orchestrator.assistant.Prompt.Buttons;
import org.opd.orchestrator.assistant.Prompt.Choice;
import org.opd.orchestrator.assistant.Prompt.Menu;
import org.opd.orchestrator.assistant.Prompt.Text;

/**
 * A prompt as the body of a Cloud API {@code POST /{phone-number-id}/messages}: {@code type: text}, or
 * {@code type: interactive} with an {@code interactive.type} of {@code button} (reply buttons) or
 * {@code list} (one section of rows). Texts longer than the API takes are cut with an ellipsis: 20
 * characters for a button's or the list button's title, 24 for a row's title, 72 for its description,
 * 1024 for an interactive body, 4096 for a text.
 */
final class CloudMessages {

    private CloudMessages() {
    }

    static Map<String, Object> of(String to, Prompt prompt) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messaging_product", "whatsapp");
        message.put("recipient_type", "individual");
        message.put("to", to);
        if (prompt instanceof Text text) {
            message.put("type", "text");
            message.put("text", Map.of("preview_url", true, "body", cut(text.body(), 4096)));
            return message;
        }
        message.put("type", "interactive");
        message.put("interactive", prompt instanceof Buttons buttons ? buttons(buttons) : list((Menu) prompt));
        return message;
    }

    private static Map<String, Object> buttons(Buttons buttons) {
        List<Map<String, Object>> replies = buttons.choices().stream()
                .map(c -> Map.<String, Object>of("type", "reply", "reply", Map.of("id", c.id(), "title", cut(c.title(), 20))))
                .toList();
        return Map.of("type", "button", "body", Map.of("text", cut(buttons.body(), 1024)), "action", Map.of("buttons", replies));
    }

    private static Map<String, Object> list(Menu menu) {
        List<Map<String, Object>> rows = menu.choices().stream().map(CloudMessages::row).toList();
        return Map.of("type", "list", "body", Map.of("text", cut(menu.body(), 1024)),
                "action", Map.of("button", cut(menu.button(), 20), "sections", List.of(Map.of("rows", rows))));
    }

    private static Map<String, Object> row(Choice choice) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", choice.id());
        row.put("title", cut(choice.title(), 24));
        if (choice.description() != null) {
            row.put("description", cut(choice.description(), 72));
        }
        return row;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
