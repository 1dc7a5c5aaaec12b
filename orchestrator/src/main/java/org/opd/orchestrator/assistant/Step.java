package org.opd.orchestrator.assistant;

/** Which question a conversation waits to have answered, in the order a booking goes through them. */
public enum Step {
    LANGUAGE,
    /** The one-time code sent to the phone by SMS, typed back. */
    CODE,
    /** Several patients are registered with the phone: whom to book for. */
    PATIENT,
    MENU,
    SPECIALTY,
    DOCTOR,
    DAY,
    SLOT,
    CONFIRM,
    /** A paid booking holds its slot until its payment link is paid. */
    PAYMENT
}
