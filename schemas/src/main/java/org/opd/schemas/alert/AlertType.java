package org.opd.schemas.alert;

public enum AlertType {
    BOTTLENECK,
    LONG_WAIT,
    DOCTOR_IDLE,
    DOCTOR_LATE
}
