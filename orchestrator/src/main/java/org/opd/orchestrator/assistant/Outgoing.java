package org.opd.orchestrator.assistant;

import java.util.UUID;

/** A reply to send: from the booking number, to the patient's WhatsApp id, in the conversation of {@code sessionId}. */
public record Outgoing(UUID sessionId, String phoneNumberId, String waId, Prompt prompt) {
}
