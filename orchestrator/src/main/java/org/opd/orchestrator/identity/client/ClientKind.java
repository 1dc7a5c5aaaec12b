package org.opd.orchestrator.identity.client;

/** What a client credential is for. */
public enum ClientKind {
    /** A waiting-room screen: reads one hospital's or department's queues, masked names only. */
    DISPLAY,
    /** A hospital system or script acting with the roles it was given. */
    INTEGRATION
}
