package org.opd.orchestrator.consultation.web;

import java.util.List;

import org.opd.orchestrator.consultation.NoteDraft;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One version of a consultation's note, typed by the doctor.
 *
 * @param version   1 for the first; to amend, one more than the current version (a stale one is a 409)
 * @param diagnoses ICD-10-CM codes, the principal diagnosis first
 */
record WriteNoteRequest(
        @NotNull @Min(1) @Max(10_000) Integer version,
        @Size(max = 20_000) String subjective,
        @Size(max = 20_000) String objective,
        @Size(max = 20_000) String assessment,
        @Size(max = 20_000) String plan,
        @Size(max = 20) List<@NotNull @Valid DiagnosisRequest> diagnoses,
        @Size(max = 1000) String amendmentReason) {

    record DiagnosisRequest(@NotNull @Size(max = 10) String code) {
    }

    NoteDraft toDraft() {
        List<String> codes = diagnoses == null ? List.of() : diagnoses.stream().map(DiagnosisRequest::code).toList();
        return new NoteDraft(version, subjective, objective, assessment, plan, codes, amendmentReason);
    }
}
