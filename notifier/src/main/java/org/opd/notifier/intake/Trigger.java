package org.opd.notifier.intake;

import java.util.UUID;

import org.opd.schemas.notification.NotificationType;

/**
 * Why a patient should hear from us, from a token event or a notification request.
 *
 * @param position     place in line when the type speaks of it, else null
 * @param etaMinutes   median wait the patient is told, else null
 * @param delayMinutes how far the ETA slipped, for DOCTOR_DELAYED
 */
record Trigger(UUID tokenId, NotificationType type, Integer position, Integer etaMinutes, Integer delayMinutes) {
}
