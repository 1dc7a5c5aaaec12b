package org.opd.orchestrator.assistant;

/** What the patient sent: text they typed, or the id of a list row or reply button they tapped. */
public sealed interface Answer {

    record Typed(String text) implements Answer {
    }

    record Chosen(String id) implements Answer {
    }

    /** A message of a kind the assistant does not read (an image, a location, a sticker). */
    record Unreadable() implements Answer {
    }
}
