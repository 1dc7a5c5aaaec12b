package org.opd.eta.topology;

import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.token.TokenEvent;

/** What changes a doctor's queue: a token event or a doctor (shift) event, merged onto one processor. */
sealed interface QueueInput {

    record TokenChange(TokenEvent event) implements QueueInput {
    }

    record ShiftChange(DoctorEvent event) implements QueueInput {
    }
}
