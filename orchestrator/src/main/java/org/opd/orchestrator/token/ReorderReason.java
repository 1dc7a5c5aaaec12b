package org.opd.orchestrator.token;

/** Why a token went ahead of others already waiting in a doctor's line. */
public enum ReorderReason {
    /** A senior or emergency arrival, within its head start of those it overtook. */
    PRIORITY,
    /** A parked patient came back and staff put them at the front. */
    RECALLED_TO_FRONT,
    /** A token transferred into the line took a place ahead of others. */
    TRANSFERRED
}
