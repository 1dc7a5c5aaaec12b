package org.opd.orchestrator.operations;

import java.util.UUID;

/**
 * A department of spec 004's bottleneck query: more patients in line today than the threshold.
 *
 * @param averageWaitMinutes          average minutes the patients in line have waited since check-in
 * @param averageEstimatedWaitMinutes average of the stored {@code estimated_wait_time}; null while none is stored
 * @param activeDoctors               doctors with patients in line
 */
public record Bottleneck(
        UUID deptId,
        String code,
        String name,
        int pendingCount,
        double averageWaitMinutes,
        Double averageEstimatedWaitMinutes,
        int activeDoctors) {
}
