package org.opd.orchestrator.doctor;

/** Whether a doctor works: only an ACTIVE doctor gets tokens. (Not the live AVAILABLE / BUSY / OFFLINE of the queue.) */
public enum DutyStatus {
    ACTIVE,
    ON_LEAVE,
    INACTIVE
}
