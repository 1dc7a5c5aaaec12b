package org.opd.orchestrator.redistribution.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** @param planVersion the {@code planVersion} of the previewed plan */
record ApplyPlanRequest(@NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be the planVersion of a preview") String planVersion) {
}
