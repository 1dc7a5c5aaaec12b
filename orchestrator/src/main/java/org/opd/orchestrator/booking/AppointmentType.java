package org.opd.orchestrator.booking;

/** Spec 001's appointment types. */
public enum AppointmentType {
    CONSULTATION,
    FOLLOW_UP,
    PROCEDURE,
    EMERGENCY
}
