package org.opd.orchestrator.token.web;

import jakarta.validation.constraints.Size;

/** Why the patient is out of the line (optional: "stepped out for the pharmacy", "called, not there"). */
record ParkRequest(@Size(max = 255) String reason) {
}
