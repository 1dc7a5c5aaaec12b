package org.opd.orchestrator.doctor.web;

import java.util.UUID;

import org.opd.orchestrator.doctor.NewDoctor;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

record CreateDoctorRequest(
        @NotBlank @Size(max = 50) String empCode,
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 100) String specialization,
        UUID primaryDeptId,
        @NotBlank @Pattern(regexp = "\\+?[0-9]{6,14}", message = "must be a phone number of 6 to 14 digits, optionally after +") String phone,
        @Email @Size(max = 255) String email,
        @Positive @Max(480) Integer avgConsultationMinutes,
        @Positive @Max(500) Integer maxTokensPerSession) {

    NewDoctor toNewDoctor() {
        return new NewDoctor(empCode, name, specialization, primaryDeptId, phone, email, avgConsultationMinutes,
                maxTokensPerSession);
    }
}
