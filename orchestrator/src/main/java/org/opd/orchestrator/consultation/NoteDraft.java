package org.opd.orchestrator.consultation;

import java.util.List;

/**
 * What a doctor writes as one version of a consultation's note.
 *
 * @param version         the version this becomes: 1 for the first, one more than the current to amend it
 * @param diagnosisCodes  ICD-10-CM codes as written (with or without the dot), the principal one first
 * @param amendmentReason why an earlier version is amended; none for the first
 */
public record NoteDraft(int version, String subjective, String objective, String assessment, String plan,
                        List<String> diagnosisCodes, String amendmentReason) {
}
