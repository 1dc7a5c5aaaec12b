package org.opd.orchestrator.alert;

import java.util.UUID;

import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;

/** Which alerts to list; each null part does not filter. {@code open} true: unresolved only, false: resolved only. */
public record AlertFilter(Boolean open, UUID hospitalId, AlertType type, AlertSeverity severity, UUID entityId) {
}
