package org.opd.notifier.outbound;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.appointment.ReminderKind;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of one webhook call: the event's own id (the same on every retry and replay, so a receiver drops
 * duplicates by it), its type, when it happened, the hospital and the event's data.
 *
 * <p>What leaves the hospital is chosen field by field: ids, statuses and times, never a patient's name,
 * phone number, visit reason or priority (an emergency is health data), and no alert texts (they may name
 * people); the receiver looks people up by id in its own records.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookEvent(UUID id, String type, Instant occurredAt, UUID hospitalId, Object data) {

    static WebhookEvent of(TokenEvent event) {
        return new WebhookEvent(event.eventId(), event.type().name(), event.occurredAt(), event.hospitalId(),
                new TokenData(event.tokenId(), event.tokenNumber(), event.patientId(), event.doctorId(), event.deptId(),
                        event.cabinId(), event.previousStatus(), event.newStatus(), event.bookingType(),
                        event.scheduledTime(), event.checkInTime(), event.calledTime(), event.consultationStartTime(),
                        event.consultationEndTime(), event.fromDoctorId(), event.toDoctorId(), event.expectedWaitMinutes()));
    }

    static WebhookEvent of(AppointmentEvent event) {
        return new WebhookEvent(event.eventId(), event.type().name(), event.occurredAt(), event.hospitalId(),
                new AppointmentData(event.appointmentId(), event.patientId(), event.doctorId(), event.startsAt(), event.endsAt(),
                        event.previousStartsAt(), event.holdExpiresAt(), event.paymentRequired(), event.holdLapsed(),
                        event.waitlistEntryId(), event.reminderKind()));
    }

    static WebhookEvent of(OperationsAlert alert) {
        return new WebhookEvent(alert.eventId(), WebhookEventTypes.of(alert), alert.occurredAt(), alert.hospitalId(),
                new AlertData(alert.type(), alert.severity(), alert.entityType(), alert.entityId(), alert.deptId(),
                        alert.metadata(), alert.resolved()));
    }

    /** A token's change; {@code patientId} is our id, for a receiver that registered the patient with us. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenData(UUID tokenId, String tokenNumber, UUID patientId, UUID doctorId, UUID deptId, UUID cabinId,
                     TokenStatus previousStatus, TokenStatus newStatus, BookingType bookingType, Instant scheduledTime,
                     Instant checkInTime, Instant calledTime, Instant consultationStartTime, Instant consultationEndTime,
                     UUID fromDoctorId, UUID toDoctorId, Integer expectedWaitMinutes) {
    }

    /**
     * An appointment booked ahead changed, was offered from the waitlist or is due a reminder; its visit reason and
     * the cancel reason stay inside (free text that may name people or conditions).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppointmentData(UUID appointmentId, UUID patientId, UUID doctorId, Instant startsAt, Instant endsAt,
                           Instant previousStartsAt, Instant holdExpiresAt, boolean paymentRequired, boolean holdLapsed,
                           UUID waitlistEntryId, ReminderKind reminderKind) {
    }

    /** An operations alert raised or resolved; {@code metadata} holds its figures (counts, minutes). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AlertData(AlertType alertType, AlertSeverity severity, String entityType, UUID entityId, UUID deptId,
                     Map<String, Object> metadata, boolean resolved) {
    }
}
