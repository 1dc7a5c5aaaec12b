package org.opd.orchestrator.assistant;

import java.util.List;

/**
 * A message the assistant sends: plain text, up to three reply buttons, or a list of up to ten rows
 * (the WhatsApp Cloud API's text and interactive {@code button} / {@code list} messages).
 */
public sealed interface Prompt {

    /** One answer offered: its id comes back in the reply; {@code description} is shown under a list row's title. */
    record Choice(String id, String title, String description) {

        public Choice(String id, String title) {
            this(id, title, null);
        }
    }

    String body();

    record Text(String body) implements Prompt {
    }

    record Buttons(String body, List<Choice> choices) implements Prompt {

        public static final int MAX = 3;

        public Buttons {
            if (choices.isEmpty() || choices.size() > MAX) {
                throw new IllegalArgumentException("Reply buttons take 1 to " + MAX + " choices, not " + choices.size());
            }
            choices = List.copyOf(choices);
        }
    }

    /** @param button the label of the button that opens the list */
    record Menu(String body, String button, List<Choice> choices) implements Prompt {

        public static final int MAX = 10;

        public Menu {
            if (choices.isEmpty() || choices.size() > MAX) {
                throw new IllegalArgumentException("A list takes 1 to " + MAX + " rows, not " + choices.size());
            }
            choices = List.copyOf(choices);
        }
    }
}
