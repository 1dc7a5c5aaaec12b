package org.opd.orchestrator.leave;

/** Why a doctor is away (spec 004's {@code chk_exception_type}). */
public enum ExceptionType {
    PLANNED_LEAVE,
    UNPLANNED_LEAVE,
    EMERGENCY,
    TRAINING,
    SURGERY
}
