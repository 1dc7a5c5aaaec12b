package org.opd.orchestrator.consultation.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.consultation.ConsultationNote;
import org.opd.orchestrator.consultation.Diagnosis;
import org.opd.orchestrator.consultation.NoteSource;
import org.opd.orchestrator.jdbc.Sql;

/**
 * A consultation's note with its history: {@code versions} from the first to the current one (the
 * last); an earlier version is what the record said until the next one amended it.
 */
record NoteResponse(UUID tokenId, UUID patientId, UUID doctorId, int currentVersion, List<Version> versions) {

    /** @param source {@code TYPED}: no speech model drafted it */
    record Version(int version, String subjective, String objective, String assessment, String plan,
                   List<DiagnosisResponse> diagnoses, NoteSource source, String amendmentReason, String writtenBy,
                   OffsetDateTime writtenAt) {
    }

    /** @param code as clinicians write it: {@code E11.9} */
    record DiagnosisResponse(String code, String description) {

        static DiagnosisResponse of(Diagnosis diagnosis) {
            return new DiagnosisResponse(diagnosis.dottedCode(), diagnosis.description());
        }
    }

    static NoteResponse of(List<ConsultationNote> versions) {
        ConsultationNote current = versions.get(versions.size() - 1);
        return new NoteResponse(current.tokenId(), current.patientId(), current.doctorId(), current.version(),
                versions.stream().map(note -> new Version(note.version(), note.subjective(), note.objective(),
                        note.assessment(), note.plan(), note.diagnoses().stream().map(DiagnosisResponse::of).toList(),
                        note.source(), note.amendmentReason(), note.writtenBy(), Sql.timestamp(note.writtenAt()))).toList());
    }
}
