package org.opd.orchestrator.calcom;

/** The Cal.com webhook triggers the sync applies; others (MEETING_ENDED, …) are acknowledged and ignored. */
public enum CalComTrigger {
    BOOKING_CREATED,
    BOOKING_RESCHEDULED,
    BOOKING_CANCELLED
}
