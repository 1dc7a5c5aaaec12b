package org.opd.orchestrator.status;

import java.util.UUID;

/** A status link's token as it stands: its doctor (whose queue changes move it) and what the page shows. */
public record LinkedToken(UUID tokenId, UUID doctorId, PatientStatus status) {
}
