package org.opd.orchestrator.calcom;

import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.calcom.CalComWebhooks.Attempt;
import org.opd.orchestrator.error.IllegalTransitionException;
import org.opd.orchestrator.error.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The operator's side of parked Cal.com deliveries: list, retry once the cause is fixed, or dismiss. */
@Service
public class ParkedBookings {

    private static final int LIST_LIMIT = 200;

    private final ParkedBookingRepository parked;
    private final CalComWebhooks webhooks;
    private final TransactionTemplate transaction;

    ParkedBookings(ParkedBookingRepository parked, CalComWebhooks webhooks, TransactionTemplate transaction) {
        this.parked = parked;
        this.webhooks = webhooks;
        this.transaction = transaction;
    }

    @Transactional(readOnly = true)
    public List<ParkedBooking> list(UUID hospitalId, String status) {
        return parked.list(hospitalId, status, LIST_LIMIT);
    }

    @Transactional(readOnly = true)
    public ParkedBooking require(UUID parkedId) {
        return parked.find(parkedId).orElseThrow(() -> new NotFoundException("parked Cal.com booking", parkedId));
    }

    /**
     * Applies the stored delivery again (its signature was checked when it arrived): RESOLVED with the
     * appointment when it fits now, still OPEN with the new reason when it does not.
     */
    public ParkedBooking retry(UUID parkedId, UUID operator) {
        ParkedBooking open = requireOpen(parkedId, "retry");
        // Dismissed or resolved by another operator meanwhile: refused like any move from a closed state.
        String payload = transaction.execute(status -> parked.openPayloadForUpdate(parkedId).orElseThrow(() ->
                new IllegalTransitionException("parked Cal.com booking", parkedId, require(parkedId).status(), "retry")));
        Attempt attempt = webhooks.attempt(open.hospitalId(), webhooks.parse(payload));
        transaction.executeWithoutResult(status -> {
            if (attempt.mismatch() == null) {
                parked.close(parkedId, "RESOLVED", operator, attempt.applied().appointmentId());
            } else {
                parked.retried(parkedId, attempt.mismatch());
            }
        });
        return require(parkedId);
    }

    @Transactional
    public ParkedBooking dismiss(UUID parkedId, UUID operator) {
        requireOpen(parkedId, "dismiss");
        parked.close(parkedId, "DISMISSED", operator, null);
        return require(parkedId);
    }

    private ParkedBooking requireOpen(UUID parkedId, String action) {
        ParkedBooking found = require(parkedId);
        if (!"OPEN".equals(found.status())) {
            throw new IllegalTransitionException("parked Cal.com booking", parkedId, found.status(), action);
        }
        return found;
    }
}
