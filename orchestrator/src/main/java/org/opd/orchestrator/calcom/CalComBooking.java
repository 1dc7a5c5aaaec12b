package org.opd.orchestrator.calcom;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import org.opd.orchestrator.error.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the sync reads of a Cal.com webhook delivery ({@code {"triggerEvent", "createdAt", "payload": {…}}}).
 *
 * @param uid           the booking's uid (after a reschedule: the new booking's)
 * @param rescheduledFrom for BOOKING_RESCHEDULED, the uid of the booking it replaces ({@code rescheduleUid},
 *                      or {@code fromReschedule}); null when Cal.com kept the uid
 * @param organizerId   the Cal.com user id of the organizer: names the doctor
 * @param attendeePhone the first attendee's phone ({@code attendees[0].phoneNumber}, or the
 *                      booking form's {@code attendeePhoneNumber} answer); null when neither is there
 */
record CalComBooking(
        String trigger,
        String uid,
        String rescheduledFrom,
        Long bookingId,
        String organizerId,
        String eventTypeId,
        Instant startTime,
        Instant endTime,
        String attendeeName,
        String attendeeEmail,
        String attendeePhone,
        String notes,
        String cancellationReason) {

    private static final int MAX_UID = 100;

    Optional<CalComTrigger> known() {
        for (CalComTrigger t : CalComTrigger.values()) {
            if (t.name().equals(trigger)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The uid whose appointment a reschedule moves. */
    String originalUid() {
        return rescheduledFrom != null ? rescheduledFrom : uid;
    }

    static CalComBooking parse(ObjectMapper json, byte[] rawBody) {
        JsonNode root;
        try {
            root = json.readTree(rawBody);
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not a JSON webhook delivery");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "is not a JSON webhook delivery");
        }
        String trigger = root.path("triggerEvent").asText("");
        JsonNode p = root.path("payload");
        String uid = text(p.path("uid"));
        if (Arrays.stream(CalComTrigger.values()).noneMatch(t -> t.name().equals(trigger))) {
            // PING (the dashboard's test delivery), MEETING_ENDED, …: acknowledged, nothing read.
            return new CalComBooking(trigger, uid, null, null, null, null, null, null, null, null, null, null, null);
        }
        if (uid == null || uid.length() > MAX_UID) {
            throw new InvalidInputException("payload.uid", "must be the booking's uid (1 to " + MAX_UID + " characters)");
        }
        JsonNode attendee = p.path("attendees").path(0);
        String phone = text(attendee.path("phoneNumber"));
        if (phone == null) {
            phone = text(p.path("responses").path("attendeePhoneNumber").path("value"));
        }
        String from = text(p.path("rescheduleUid"));
        if (from == null) {
            from = text(p.path("fromReschedule"));
        }
        return new CalComBooking(
                trigger,
                uid,
                from,
                p.path("bookingId").canConvertToLong() ? p.path("bookingId").asLong() : null,
                text(p.path("organizer").path("id")),
                text(p.path("eventTypeId")),
                instant(p.path("startTime"), "payload.startTime"),
                instant(p.path("endTime"), "payload.endTime"),
                text(attendee.path("name")),
                text(attendee.path("email")),
                phone,
                text(p.path("additionalNotes")),
                text(p.path("cancellationReason")));
    }

    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO 8601 time with an offset");
        }
    }
}
