package org.opd.orchestrator.consultation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code consultation_notes} and {@code consultation_diagnoses}: insert and read, nothing else (V35 refuses the rest). */
@Repository
class ConsultationNoteRepository {

    private final JdbcClient jdbc;

    ConsultationNoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int currentVersion(UUID tokenId) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM consultation_notes WHERE token_id = :token")
                .param("token", tokenId).query(Integer.class).single();
    }

    /** Inserts the version and its diagnoses; a version that exists already fails on the primary key. */
    void insert(ConsultationNote note) {
        jdbc.sql("""
                        INSERT INTO consultation_notes (token_id, version, hospital_id, patient_id, doctor_id, subjective,
                                                        objective, assessment, plan, source, amendment_reason, written_by, written_at)
                        VALUES (:token, :version, :hospital, :patient, :doctor, :subjective, :objective, :assessment, :plan,
                                :source, :reason, :writtenBy, :writtenAt)
                        """)
                .param("token", note.tokenId()).param("version", note.version())
                .param("hospital", note.hospitalId()).param("patient", note.patientId()).param("doctor", note.doctorId())
                .param("subjective", note.subjective()).param("objective", note.objective())
                .param("assessment", note.assessment()).param("plan", note.plan())
                .param("source", note.source().name()).param("reason", note.amendmentReason())
                .param("writtenBy", note.writtenBy()).param("writtenAt", Sql.timestamp(note.writtenAt()))
                .update();
        int position = 1;
        for (Diagnosis diagnosis : note.diagnoses()) {
            jdbc.sql("""
                            INSERT INTO consultation_diagnoses (token_id, version, position, code, description)
                            VALUES (:token, :version, :position, :code, :description)
                            """)
                    .param("token", note.tokenId()).param("version", note.version()).param("position", position++)
                    .param("code", diagnosis.code()).param("description", diagnosis.description())
                    .update();
        }
    }

    /** Every version of the token's note, the first first. */
    List<ConsultationNote> versions(UUID tokenId) {
        Map<Integer, List<Diagnosis>> diagnoses = jdbc.sql("""
                        SELECT version, code, description FROM consultation_diagnoses
                        WHERE token_id = :token ORDER BY version, position
                        """)
                .param("token", tokenId)
                .query((rs, row) -> Map.entry(rs.getInt("version"), new Diagnosis(rs.getString("code"), rs.getString("description"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("SELECT * FROM consultation_notes WHERE token_id = :token ORDER BY version")
                .param("token", tokenId)
                .query((rs, row) -> new ConsultationNote(Sql.uuid(rs, "token_id"), rs.getInt("version"),
                        Sql.uuid(rs, "hospital_id"), Sql.uuid(rs, "patient_id"), Sql.uuid(rs, "doctor_id"),
                        rs.getString("subjective"), rs.getString("objective"), rs.getString("assessment"), rs.getString("plan"),
                        diagnoses.getOrDefault(rs.getInt("version"), List.of()), NoteSource.valueOf(rs.getString("source")),
                        rs.getString("amendment_reason"), rs.getString("written_by"), Sql.instant(rs, "written_at")))
                .list();
    }
}
