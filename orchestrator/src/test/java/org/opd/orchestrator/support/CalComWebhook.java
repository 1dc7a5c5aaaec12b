package org.opd.orchestrator.support;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opd.orchestrator.booking.WebhookSignature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Cal.com's side of the webhook: deliveries shaped as Cal.com sends them, signed with X-Cal-Signature-256. */
public final class CalComWebhook {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CalComWebhook() {
    }

    /** A delivery of the attendee Meera Iyer (+91 98000 00077), with fields the sync does not read, as Cal.com sends them. */
    public static String delivery(String trigger, String uid, String rescheduleUid, String organizerId, String eventTypeId,
                                  OffsetDateTime start, OffsetDateTime end) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "consultation");
        payload.put("title", "Consultation between Dr. Asha Rao and Meera Iyer");
        payload.put("bookingId", Math.abs(uid.hashCode()));
        payload.put("uid", uid);
        if (rescheduleUid != null) {
            payload.put("rescheduleUid", rescheduleUid);
        }
        payload.put("eventTypeId", Integer.parseInt(eventTypeId));
        payload.put("startTime", start.withOffsetSameInstant(ZoneOffset.UTC).toString());
        payload.put("endTime", end.withOffsetSameInstant(ZoneOffset.UTC).toString());
        payload.put("organizer", Map.of("id", Integer.parseInt(organizerId), "name", "Dr. Asha Rao",
                "email", "asha@hospital.test", "timeZone", "Asia/Kolkata"));
        payload.put("attendees", List.of(Map.of("name", "Meera Iyer", "email", "meera@example.test",
                "timeZone", "Asia/Kolkata", "phoneNumber", "+91 98000 00077")));
        payload.put("status", "BOOKING_CANCELLED".equals(trigger) ? "CANCELLED" : "ACCEPTED");
        try {
            return JSON.writeValueAsString(Map.of("triggerEvent", trigger, "createdAt", OffsetDateTime.now().toString(),
                    "payload", payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the body to the hospital's webhook, signed with the secret. */
    public static Api.Reply deliver(Api api, String hospitalId, String body, String secret) {
        return api.anonymous().postRaw("/cal-com-webhooks/" + hospitalId, body,
                Api.headers("X-Cal-Signature-256", WebhookSignature.of(body.getBytes(StandardCharsets.UTF_8), secret)));
    }
}
