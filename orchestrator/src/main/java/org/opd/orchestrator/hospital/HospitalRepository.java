package org.opd.orchestrator.hospital;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.jdbc.Insert;
import org.opd.orchestrator.jdbc.PagedSelect;
import org.opd.orchestrator.jdbc.Sql;
import org.opd.orchestrator.jdbc.StatusUpdate;
import org.opd.orchestrator.jdbc.Where;
import org.opd.orchestrator.paging.Page;
import org.opd.orchestrator.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

@Repository
public class HospitalRepository {

    private static final StatusUpdate STATUS = new StatusUpdate("hospitals", "hospital_id", "hospital", true);

    private static final TypeReference<Map<String, OpeningHours>> OPERATING_HOURS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HospitalRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Hospital create(NewHospital hospital) {
        return Insert.into("hospitals")
                .value("name", hospital.name())
                .value("address", hospital.address())
                .value("latitude", hospital.location().latitude())
                .value("longitude", hospital.location().longitude())
                .valueOrDefault("geofence_radius", hospital.geofenceRadiusMeters())
                .valueOrDefault("timezone", hospital.zone() == null ? null : hospital.zone().getId())
                .valueOrDefault("operating_hours", hospital.operatingHours() == null ? null : Sql.jsonb(write(hospital.operatingHours())))
                .returning(jdbc, this::map);
    }

    public Optional<Hospital> find(UUID hospitalId) {
        return jdbc.sql("SELECT * FROM hospitals WHERE hospital_id = :id").param("id", hospitalId).query(this::map).optional();
    }

    public Hospital require(UUID hospitalId) {
        return find(hospitalId).orElseThrow(() -> new NotFoundException("hospital", hospitalId));
    }

    /** @param name part of the name, any case; null for all */
    public Page<Hospital> page(HospitalStatus status, String name, PageRequest page) {
        Where where = new Where()
                .optional("status = :status", "status", status == null ? null : status.name())
                .optional("name ILIKE '%' || :name || '%'", "name", name);
        return PagedSelect.run(jdbc, "SELECT *", "FROM hospitals", where, "name, hospital_id", this::map, page);
    }

    public Hospital updateStatus(UUID hospitalId, HospitalStatus status) {
        return STATUS.apply(jdbc, hospitalId, status, this::map);
    }

    private Hospital map(ResultSet rs, int row) throws SQLException {
        return new Hospital(
                Sql.uuid(rs, "hospital_id"),
                rs.getString("name"),
                rs.getString("address"),
                new Coordinates(rs.getDouble("latitude"), rs.getDouble("longitude")),
                rs.getInt("geofence_radius"),
                ZoneId.of(rs.getString("timezone")),
                read(rs.getString("operating_hours")),
                rs.getString("status"));
    }

    private String write(Map<String, OpeningHours> hours) {
        try {
            return json.writeValueAsString(hours);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Operating hours are not writable as JSON", e);
        }
    }

    private Map<String, OpeningHours> read(String hours) {
        try {
            return json.readValue(hours, OPERATING_HOURS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored operating hours are not readable", e);
        }
    }
}
