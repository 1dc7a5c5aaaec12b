package org.opd.orchestrator.identity.patient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A signed-in patient's access token and what it covers. */
public record PatientSession(String accessToken, Instant expiresAt, Instant endsAt, UUID hospitalId, List<UUID> patientIds) {
}
