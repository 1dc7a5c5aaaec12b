package org.opd.orchestrator.department;

/** What operators tune on a department; its code, the prefix of its token numbers, stays. */
public record DepartmentSettings(String name, int avgConsultationMinutes, int bufferMinutes, int maxTokensPerDay,
                                 String colorCode, int priorityLevel) {
}
