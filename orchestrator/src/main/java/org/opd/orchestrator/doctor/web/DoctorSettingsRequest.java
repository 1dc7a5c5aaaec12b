package org.opd.orchestrator.doctor.web;

import org.opd.orchestrator.doctor.DoctorSettings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Every setting, as on creation, all required: a PUT replaces them as a whole. */
record DoctorSettingsRequest(
        @NotBlank @Size(max = 100) String specialization,
        @NotNull @Positive @Max(480) Integer avgConsultationMinutes,
        @NotNull @Positive @Max(500) Integer maxTokensPerSession) {

    DoctorSettings toSettings() {
        return new DoctorSettings(specialization, avgConsultationMinutes, maxTokensPerSession);
    }
}
