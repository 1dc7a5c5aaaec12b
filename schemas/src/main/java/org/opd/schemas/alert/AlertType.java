package org.opd.schemas.alert;

public enum AlertType {
    BOTTLENECK,
    LONG_WAIT,
    DOCTOR_IDLE,
    DOCTOR_LATE,
    /** Records a consumer could not read or handle, set aside on a dead-letter topic to be replayed. */
    DEAD_LETTERS
}
