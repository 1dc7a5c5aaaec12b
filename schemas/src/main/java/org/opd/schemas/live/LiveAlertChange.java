package org.opd.schemas.live;

import java.util.UUID;

/**
 * What is announced on {@link LiveStateKeys#ALERT_CHANGES_CHANNEL} when a hospital's alerts changed
 * in {@code system_alerts} (raised, updated, acknowledged or resolved), after the change was committed.
 * The alerts themselves stay in PostgreSQL; a subscriber reads the hospital's open ones.
 *
 * @param alertType BOTTLENECK, LONG_WAIT, DOCTOR_IDLE, DOCTOR_LATE, …
 */
public record LiveAlertChange(UUID hospitalId, String alertType) {
}
