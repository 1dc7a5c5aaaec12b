package org.opd.schemas.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to tell one patient about their token, on {@code opd.notification-requests}
 * (key: doctor id). Ids only; the notifier looks up contact details and opt-ins.
 *
 * @param requestId     unique per request; the notifier's log is keyed by (token, type, channel)
 * @param etaMinutesP50 the median wait the patient is told, when the type speaks of one
 * @param delayMinutes  for {@link NotificationType#DOCTOR_DELAYED}: how far the ETA slipped
 */
public record NotificationRequest(
        int schemaVersion,
        UUID requestId,
        NotificationType type,
        Instant occurredAt,
        UUID tokenId,
        String tokenNumber,
        UUID patientId,
        UUID doctorId,
        UUID deptId,
        UUID cabinId,
        Integer queuePosition,
        Integer etaMinutesP50,
        Integer delayMinutes) {

    public static final int SCHEMA_VERSION = 1;
}
