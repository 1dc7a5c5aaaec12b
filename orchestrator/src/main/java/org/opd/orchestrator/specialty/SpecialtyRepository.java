package org.opd.orchestrator.specialty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.jdbc.Insert;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.jdbc.UniqueConstraints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code specialties} lookup and each doctor's place in it ({@code doctors.specialty_id}). */
@Repository
public class SpecialtyRepository {

    private static final UniqueConstraints UNIQUE = new UniqueConstraints(Map.of(
            "specialties_slug_key", new UniqueConstraints.Field("slug", "A specialty with this slug exists already")));

    private final JdbcClient jdbc;

    SpecialtyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Specialty create(String slug, String nameEn, String nameHi, String icon) {
        try {
            return Insert.into("specialties").value("slug", slug).value("name_en", nameEn).value("name_hi", nameHi)
                    .valueOrDefault("icon", icon).returning(jdbc, SpecialtyRepository::map);
        } catch (DuplicateKeyException e) {
            throw UNIQUE.translate(e);
        }
    }

    /** By English name. */
    List<Specialty> all() {
        return jdbc.sql("SELECT * FROM specialties ORDER BY name_en, slug").query(SpecialtyRepository::map).list();
    }

    public Optional<Specialty> findBySlug(String slug) {
        return jdbc.sql("SELECT * FROM specialties WHERE slug = :slug").param("slug", slug).query(SpecialtyRepository::map).optional();
    }

    Specialty require(UUID specialtyId) {
        return jdbc.sql("SELECT * FROM specialties WHERE specialty_id = :id").param("id", specialtyId)
                .query(SpecialtyRepository::map).optional()
                .orElseThrow(() -> new NotFoundException("specialty", specialtyId));
    }

    /** @return whether the doctor exists */
    boolean assign(UUID doctorId, UUID specialtyId) {
        return jdbc.sql("UPDATE doctors SET specialty_id = :specialtyId, updated_at = now() WHERE doctor_id = :doctorId")
                .param("specialtyId", specialtyId).param("doctorId", doctorId).update() == 1;
    }

    public static Specialty map(ResultSet rs, int row) throws SQLException {
        return new Specialty(Sql.uuid(rs, "specialty_id"), rs.getString("slug"), rs.getString("name_en"), rs.getString("name_hi"),
                rs.getString("icon"));
    }
}
