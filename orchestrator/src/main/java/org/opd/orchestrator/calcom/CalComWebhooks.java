package org.opd.orchestrator.calcom;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.opd.orchestrator.booking.WebhookSignature;
import org.opd.orchestrator.calcom.CalComSync.Applied;
import org.opd.orchestrator.error.ProblemException;
import org.opd.orchestrator.error.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Cal.com's webhook for one hospital. Only a body whose {@code X-Cal-Signature-256} is the HMAC-SHA256
 * of it under the hospital's secret is read at all; anything else is refused with 401 before a row is
 * touched. A change is applied in one transaction, or, when it does not fit (unknown doctor or event
 * type, slot not free, …), rolled back whole and parked for an operator in a second one.
 */
@Service
public class CalComWebhooks {

    private static final Logger log = LoggerFactory.getLogger(CalComWebhooks.class);

    /** What a delivery did; {@code parkedId} when parked, {@code appointmentId} when an appointment mirrors it. */
    public record Result(String outcome, UUID appointmentId, UUID parkedId, String reasonCode) {
    }

    private final CalComRepository calCom;
    private final CalComSync sync;
    private final ParkedBookingRepository parked;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    CalComWebhooks(CalComRepository calCom, CalComSync sync, ParkedBookingRepository parked, TransactionTemplate transaction,
                   ObjectMapper json, MeterRegistry meters) {
        this.calCom = calCom;
        this.sync = sync;
        this.parked = parked;
        this.transaction = transaction;
        this.json = json;
        this.meters = meters;
    }

    public Result receive(UUID hospitalId, byte[] rawBody, String signature) {
        String secret = calCom.webhookSecret(hospitalId).orElse("");
        if (!WebhookSignature.matches(rawBody, signature, secret)) {
            count("REFUSED");
            throw new UnauthorizedException("bad-signature", "Bad signature",
                    "X-Cal-Signature-256 does not sign this body with the hospital's Cal.com webhook secret");
        }
        CalComBooking booking = CalComBooking.parse(json, rawBody);
        Attempt attempt = attempt(hospitalId, booking);
        if (attempt.mismatch() == null) {
            count(attempt.applied().outcome().name());
            return new Result(attempt.applied().outcome().name(), attempt.applied().appointmentId(), null, null);
        }
        BookingMismatch why = attempt.mismatch();
        UUID parkedId = transaction.execute(status -> parked.park(hospitalId, booking.trigger(), booking.uid(), why,
                new String(rawBody, StandardCharsets.UTF_8)));
        log.warn("Cal.com {} of booking {} parked as {} ({}): {}", booking.trigger(), booking.uid(), parkedId, why.code(),
                why.getMessage());
        count("PARKED");
        return new Result("PARKED", null, parkedId, why.code());
    }

    /** The change applied, or why it does not fit: nothing of a failed attempt stays. */
    Attempt attempt(UUID hospitalId, CalComBooking booking) {
        try {
            Applied applied = transaction.execute(status -> sync.apply(hospitalId, booking));
            log.info("Cal.com {} of booking {}: {} appointment {}", booking.trigger(), booking.uid(), applied.outcome(),
                    applied.appointmentId());
            return new Attempt(applied, null);
        } catch (BookingMismatch e) {
            return new Attempt(null, e);
        } catch (ProblemException e) {
            // The booking module refused it: the time is not a free slot of the doctor, or the appointment cannot move.
            String code = "slot-taken".equals(e.type()) ? "SLOT_NOT_FREE" : "NOT_BOOKABLE";
            return new Attempt(null, new BookingMismatch(code, e.detail()));
        }
    }

    CalComBooking parse(String payload) {
        return CalComBooking.parse(json, payload.getBytes(StandardCharsets.UTF_8));
    }

    private void count(String outcome) {
        Counter.builder("opd.calcom.deliveries").description("Cal.com webhook deliveries by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }

    record Attempt(Applied applied, BookingMismatch mismatch) {
    }
}
