package org.opd.schemas.appointment;

/** The reminders each confirmed appointment gets, each once. */
public enum ReminderKind {
    DAY_BEFORE,
    HOUR_BEFORE
}
