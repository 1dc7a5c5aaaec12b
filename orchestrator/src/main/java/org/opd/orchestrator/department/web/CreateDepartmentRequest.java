package org.opd.orchestrator.department.web;

import org.opd.orchestrator.department.NewDepartment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

record CreateDepartmentRequest(
        @NotBlank @Size(max = 100) String name,
        // Upper-case letters and digits: the code is the prefix of token numbers (CARD-045).
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9]{0,9}", message = "must be 1 to 10 upper-case letters or digits, starting with a letter") String code,
        @NotNull @Positive @Max(480) Integer avgConsultationMinutes,
        @PositiveOrZero @Max(120) Integer bufferMinutes,
        @Positive @Max(9_999) Integer maxTokensPerDay,
        @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "must be a colour like #007BFF") String colorCode,
        @Positive @Max(10) Integer priorityLevel) {

    NewDepartment toNewDepartment() {
        return new NewDepartment(name, code, avgConsultationMinutes, bufferMinutes, maxTokensPerDay, colorCode, priorityLevel);
    }
}
