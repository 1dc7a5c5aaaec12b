package org.opd.orchestrator.department;

/** A department to create; null optional values take the schema's defaults. */
public record NewDepartment(
        String name,
        String code,
        int avgConsultationMinutes,
        Integer bufferMinutes,
        Integer maxTokensPerDay,
        String colorCode,
        Integer priorityLevel) {
}
