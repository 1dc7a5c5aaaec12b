package org.opd.eta.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.eta.estimate.ShiftState;
import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.alert.OperationsAlert;

/**
 * The alerts about one doctor and its tokens: DOCTOR_LATE, DOCTOR_IDLE and LONG_WAIT. Each is
 * raised once when its condition starts to hold and resolved once when it stops.
 */
final class DoctorAlerts {

    private final Duration idleAfter;
    private final Duration lateAfter;

    DoctorAlerts(Duration idleAfter, Duration lateAfter) {
        this.idleAfter = idleAfter;
        this.lateAfter = lateAfter;
    }

    record Outcome(DoctorQueue queue, List<OperationsAlert> alerts) {
    }

    Outcome evaluate(DoctorQueue queue) {
        Instant now = queue.asOf();
        Map<String, OperationsAlert> holding = holding(queue, now);
        List<OperationsAlert> changes = new ArrayList<>();
        for (OperationsAlert alert : holding.values()) {
            if (!queue.openAlerts().contains(alert.key())) {
                changes.add(alert);
            }
        }
        for (String open : queue.openAlerts()) {
            if (!holding.containsKey(open)) {
                changes.add(resolved(queue, open, now));
            }
        }
        return new Outcome(queue.withOpenAlerts(List.copyOf(holding.keySet())), changes);
    }

    private Map<String, OperationsAlert> holding(DoctorQueue queue, Instant now) {
        Map<String, OperationsAlert> alerts = new LinkedHashMap<>();
        ShiftState shift = queue.shift();
        List<TrackedToken> inLine = queue.inLine();
        if (shift.awaitingStart() && now.isAfter(shift.plannedStart().plus(lateAfter))) {
            long late = Duration.between(shift.plannedStart(), now).toMinutes();
            add(alerts, alert(queue, AlertType.DOCTOR_LATE, AlertSeverity.WARNING, "DOCTOR", queue.doctorId(),
                    "Doctor has not started; the shift was due " + late + " min ago",
                    Map.of("minutesLate", late, "tokensInLine", inLine.size()), now));
        }
        if (shift.known() && shift.working() && queue.current().isEmpty() && !inLine.isEmpty()
                && inLine.stream().allMatch(token -> token.calledTime() == null)) {
            Instant idleSince = latest(queue.lastActiveAt(), inLine.stream()
                    .map(token -> token.checkInTime() != null ? token.checkInTime() : token.lastEventAt())
                    .min(Instant::compareTo).orElseThrow());
            if (!now.isBefore(idleSince.plus(idleAfter))) {
                long idle = Duration.between(idleSince, now).toMinutes();
                add(alerts, alert(queue, AlertType.DOCTOR_IDLE, AlertSeverity.WARNING, "DOCTOR", queue.doctorId(),
                        "Doctor on shift without a consultation for " + idle + " min while " + inLine.size() + " wait",
                        Map.of("idleMinutes", idle, "tokensInLine", inLine.size()), now));
            }
        }
        for (TrackedToken token : inLine) {
            if (token.calledTime() == null && token.longWaitAt() != null && now.isAfter(token.longWaitAt())) {
                long waited = token.checkInTime() == null ? 0 : Duration.between(token.checkInTime(), now).toMinutes();
                add(alerts, alert(queue, AlertType.LONG_WAIT, AlertSeverity.WARNING, "TOKEN", token.tokenId(),
                        "Token " + token.tokenNumber() + " has waited " + waited + " min, past the P90 shown at check-in",
                        Map.of("waitedMinutes", waited, "tokenNumber", String.valueOf(token.tokenNumber()),
                                "doctorId", String.valueOf(queue.doctorId())), now));
            }
        }
        return alerts;
    }

    private static void add(Map<String, OperationsAlert> alerts, OperationsAlert alert) {
        alerts.put(alert.key(), alert);
    }

    private static OperationsAlert alert(DoctorQueue queue, AlertType type, AlertSeverity severity, String entityType, UUID entityId,
            String message, Map<String, Object> metadata, Instant now) {
        return new OperationsAlert(OperationsAlert.SCHEMA_VERSION, UUID.randomUUID(), type, severity, entityType, entityId,
                queue.deptId(), queue.hospitalId(), message, metadata, false, now);
    }

    private static OperationsAlert resolved(DoctorQueue queue, String key, Instant now) {
        int colon = key.indexOf(':');
        AlertType type = AlertType.valueOf(key.substring(0, colon));
        UUID entityId = UUID.fromString(key.substring(colon + 1));
        String entityType = type == AlertType.LONG_WAIT ? "TOKEN" : "DOCTOR";
        return new OperationsAlert(OperationsAlert.SCHEMA_VERSION, UUID.randomUUID(), type, AlertSeverity.INFO, entityType, entityId,
                queue.deptId(), queue.hospitalId(), type + " cleared", Map.of(), true, now);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return a.isAfter(b) ? a : b;
    }
}
