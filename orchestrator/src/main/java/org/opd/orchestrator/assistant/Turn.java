package org.opd.orchestrator.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one answer did: the conversation's new state and the messages to send, in order.
 *
 * @param booked the appointment this answer booked for good (a free one confirmed, a paid one found paid), or null
 */
public record Turn(ConversationState state, List<Prompt> prompts, UUID booked) {

    public Turn {
        prompts = List.copyOf(prompts);
    }

    /** The same turn with {@code before} sent ahead of its messages. */
    public Turn withBefore(List<Prompt> before) {
        List<Prompt> all = new ArrayList<>(before);
        all.addAll(prompts);
        return new Turn(state, all, booked);
    }
}
