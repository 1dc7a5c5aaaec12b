package org.opd.orchestrator.abdm.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param hipId the facility's HIP id in ABDM's registry; counterCode: the code of the counter's Scan & Share QR */
record AbdmCounterRequest(@NotBlank @Size(max = 50) String hipId, @NotBlank @Size(max = 50) String counterCode) {
}
