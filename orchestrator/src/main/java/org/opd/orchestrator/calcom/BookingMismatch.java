package org.opd.orchestrator.calcom;

/**
 * A Cal.com booking that does not fit our data: parked for an operator with the reason, not dropped.
 * Codes: UNKNOWN_DOCTOR, UNKNOWN_EVENT_TYPE, SLOT_NOT_FREE, UNKNOWN_BOOKING, NO_ATTENDEE_PHONE, NOT_BOOKABLE.
 */
class BookingMismatch extends RuntimeException {

    private final String code;

    BookingMismatch(String code, String reason) {
        super(reason);
        this.code = code;
    }

    String code() {
        return code;
    }
}
