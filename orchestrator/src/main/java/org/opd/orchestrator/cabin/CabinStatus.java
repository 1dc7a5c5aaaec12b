package org.opd.orchestrator.cabin;

public enum CabinStatus {
    AVAILABLE,
    OCCUPIED,
    MAINTENANCE
}
