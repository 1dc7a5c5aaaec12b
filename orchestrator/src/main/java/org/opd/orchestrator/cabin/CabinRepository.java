package org.opd.orchestrator.cabin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
import org.opd.orchestrator.jdbc.UniqueConstraints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

@Repository
public class CabinRepository {

    private static final StatusUpdate STATUS = new StatusUpdate("cabins", "cabin_id", "cabin", false);

    private static final TypeReference<List<String>> EQUIPMENT = new TypeReference<>() {
    };
    private static final UniqueConstraints UNIQUE = new UniqueConstraints(Map.of(
            "cabins_dept_id_cabin_number_key",
            new UniqueConstraints.Field("cabinNumber", "The department already has a cabin with this number")));

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CabinRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Cabin create(UUID deptId, NewCabin cabin) {
        try {
            return Insert.into("cabins")
                    .value("dept_id", deptId)
                    .value("cabin_number", cabin.cabinNumber())
                    .value("floor_number", cabin.floorNumber())
                    .valueOrDefault("equipment", cabin.equipment() == null ? null : Sql.jsonb(json.writeValueAsString(cabin.equipment())))
                    .returning(jdbc, this::map);
        } catch (DuplicateKeyException e) {
            throw UNIQUE.translate(e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Equipment is not writable as JSON", e);
        }
    }

    public Optional<Cabin> find(UUID cabinId) {
        return jdbc.sql("SELECT * FROM cabins WHERE cabin_id = :id").param("id", cabinId).query(this::map).optional();
    }

    public Cabin require(UUID cabinId) {
        return find(cabinId).orElseThrow(() -> new NotFoundException("cabin", cabinId));
    }

    Page<Cabin> page(UUID deptId, CabinStatus status, Integer floorNumber, PageRequest page) {
        Where where = new Where()
                .is("dept_id = :deptId", "deptId", deptId)
                .optional("status = :status", "status", status == null ? null : status.name())
                .optional("floor_number = :floorNumber", "floorNumber", floorNumber);
        return PagedSelect.run(jdbc, "SELECT *", "FROM cabins", where, "cabin_number, cabin_id", this::map, page);
    }

    Cabin updateStatus(UUID cabinId, CabinStatus status) {
        return STATUS.apply(jdbc, cabinId, status, this::map);
    }

    private Cabin map(ResultSet rs, int row) throws SQLException {
        try {
            return new Cabin(
                    Sql.uuid(rs, "cabin_id"),
                    Sql.uuid(rs, "dept_id"),
                    rs.getString("cabin_number"),
                    Sql.integer(rs, "floor_number"),
                    rs.getInt("capacity"),
                    json.readValue(rs.getString("equipment"), EQUIPMENT),
                    rs.getString("status"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored equipment of a cabin is not a list of names", e);
        }
    }
}
