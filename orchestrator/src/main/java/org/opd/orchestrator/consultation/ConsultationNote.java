package org.opd.orchestrator.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a consultation's note. Versions are never changed: an amendment is the next
 * version, whole, with its reason.
 *
 * @param writtenBy the subject of the doctor's access token
 */
public record ConsultationNote(UUID tokenId, int version, UUID hospitalId, UUID patientId, UUID doctorId,
                               String subjective, String objective, String assessment, String plan,
                               List<Diagnosis> diagnoses, NoteSource source, String amendmentReason,
                               String writtenBy, Instant writtenAt) {
}
