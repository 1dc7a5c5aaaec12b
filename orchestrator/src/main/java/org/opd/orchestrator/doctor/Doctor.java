package org.opd.orchestrator.doctor;

import java.util.UUID;

/**
 * @param avgConsultationMinutes the doctor's own average, which overrides the department's
 */
public record Doctor(
        UUID doctorId,
        UUID hospitalId,
        String empCode,
        String name,
        String specialization,
        UUID primaryDeptId,
        String phone,
        String email,
        int avgConsultationMinutes,
        int maxTokensPerSession,
        String status) {
}
