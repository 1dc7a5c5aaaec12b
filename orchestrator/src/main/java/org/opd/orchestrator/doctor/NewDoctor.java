package org.opd.orchestrator.doctor;

import java.util.UUID;

/** A doctor to create; null optional values take the schema's defaults. */
public record NewDoctor(
        String empCode,
        String name,
        String specialization,
        UUID primaryDeptId,
        String phone,
        String email,
        Integer avgConsultationMinutes,
        Integer maxTokensPerSession) {
}
