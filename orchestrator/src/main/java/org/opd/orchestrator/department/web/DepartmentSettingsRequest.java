package org.opd.orchestrator.department.web;

import org.opd.orchestrator.department.DepartmentSettings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Every setting, as on creation, all required: a PUT replaces them as a whole. */
record DepartmentSettingsRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Positive @Max(480) Integer avgConsultationMinutes,
        @NotNull @PositiveOrZero @Max(120) Integer bufferMinutes,
        @NotNull @Positive @Max(9_999) Integer maxTokensPerDay,
        @NotNull @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "must be a colour like #007BFF") String colorCode,
        @NotNull @Positive @Max(10) Integer priorityLevel) {

    DepartmentSettings toSettings() {
        return new DepartmentSettings(name, avgConsultationMinutes, bufferMinutes, maxTokensPerDay, colorCode, priorityLevel);
    }
}
