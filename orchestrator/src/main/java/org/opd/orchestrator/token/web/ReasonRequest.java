package org.opd.orchestrator.token.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff take a token out of the queue (no-show, cancel). */
record ReasonRequest(@NotBlank @Size(max = 255) String reason) {
}
