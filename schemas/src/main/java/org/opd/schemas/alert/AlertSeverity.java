package org.opd.schemas.alert;

public enum AlertSeverity {
    INFO,
    WARNING,
    CRITICAL
}
