package org.opd.orchestrator.department;

import java.util.UUID;

/**
 * @param code        short upper-case code, unique per hospital; prefix of the department's token numbers
 * @param bufferMinutes gap between two consultations (sanitisation, paperwork)
 */
public record Department(
        UUID deptId,
        UUID hospitalId,
        String name,
        String code,
        int avgConsultationMinutes,
        int bufferMinutes,
        int maxTokensPerDay,
        String colorCode,
        int priorityLevel,
        String status) {
}
