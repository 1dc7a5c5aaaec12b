package org.opd.orchestrator.assistant;

/**
 * One message a patient sent to a booking number, as the Cloud API webhook delivers it.
 *
 * @param messageId     WhatsApp's id of the message (a wamid), the same on every redelivery
 * @param phoneNumberId the booking number it was sent to ({@code metadata.phone_number_id})
 * @param waId          the sender's WhatsApp id ({@code from}); never logged
 */
public record InboundMessage(String messageId, String phoneNumberId, String waId, Answer answer) {
}
