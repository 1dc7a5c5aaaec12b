package org.opd.orchestrator.booking;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Razorpay's webhook: a {@code payment_link.paid} event confirms the held appointment of the link.
 * Only a body signed with the webhook secret is read; each event id is handled once, so a replay or
 * a retry changes nothing. A payment for a hold already let go is recorded as PAID_LATE, to refund.
 */
@Service
public class RazorpayWebhooks {

    static final String PROVIDER = "razorpay";
    static final String PAID = "payment_link.paid";

    /** What the event did. */
    public enum Outcome { CONFIRMED, PAID_LATE, ALREADY_HANDLED, IGNORED }

    private static final Logger log = LoggerFactory.getLogger(RazorpayWebhooks.class);

    private final BookingProperties.Razorpay razorpay;
    private final WebhookEventRepository events;
    private final PaymentLinkRepository links;
    private final AppointmentRepository appointments;
    private final AppointmentEvents appointmentEvents;
    private final ObjectMapper json;
    private final Clock clock;

    RazorpayWebhooks(BookingProperties properties, WebhookEventRepository events, PaymentLinkRepository links,
                     AppointmentRepository appointments, AppointmentEvents appointmentEvents, ObjectMapper json, Clock clock) {
        this.razorpay = properties.razorpay();
        this.events = events;
        this.links = links;
        this.appointments = appointments;
        this.appointmentEvents = appointmentEvents;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Outcome handle(byte[] rawBody, String signature, String eventId) {
        if (!WebhookSignature.matches(rawBody, signature, razorpay.webhookSecret())) {
            throw new InvalidInputException("X-Razorpay-Signature", "does not sign this body with the webhook secret");
        }
        if (eventId == null || eventId.isBlank() || eventId.length() > 100) {
            throw new InvalidInputException("X-Razorpay-Event-Id", "must be the event's id (1 to 100 characters)");
        }
        JsonNode event = parse(rawBody);
        String type = event.path("event").asText("");
        if (!events.recordFirst(PROVIDER, eventId, type)) {
            return Outcome.ALREADY_HANDLED;
        }
        if (!PAID.equals(type)) {
            return Outcome.IGNORED;
        }
        String linkId = event.path("payload").path("payment_link").path("entity").path("id").asText("");
        String paymentId = event.path("payload").path("payment").path("entity").path("id").asText(null);
        return links.appointmentOf(linkId).map(appointmentId -> paid(appointmentId, paymentId)).orElse(Outcome.IGNORED);
    }

    private Outcome paid(UUID appointmentId, String paymentId) {
        Appointment held = appointments.findForUpdate(appointmentId).orElseThrow();
        try (LogContext ignored = LogContext.doctor(held.doctorId())) {
            if (held.status() != AppointmentStatus.SCHEDULED) {
                links.markPaid(appointmentId, "PAID_LATE", paymentId, clock.instant());
                log.warn("Appointment {} paid after its hold was let go ({}): payment {} to refund", appointmentId,
                        held.status(), paymentId);
                return Outcome.PAID_LATE;
            }
            Appointment confirmed = held.confirm();
            appointments.update(confirmed);
            appointmentEvents.moved(confirmed);
            links.markPaid(appointmentId, "PAID", paymentId, clock.instant());
            log.info("Appointment {} paid (payment {}), confirmed", appointmentId, paymentId);
            return Outcome.CONFIRMED;
        }
    }

    private JsonNode parse(byte[] rawBody) {
        try {
            return json.readTree(rawBody);
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not a JSON event");
        }
    }
}
