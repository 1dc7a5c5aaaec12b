package org.opd.orchestrator.doctor;

/** What operators tune on a doctor: the consultation time the queue plans with and the session's size. */
public record DoctorSettings(String specialization, int avgConsultationMinutes, int maxTokensPerSession) {
}
