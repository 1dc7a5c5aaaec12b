package org.opd.orchestrator.identity.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opd.orchestrator.identity.RoleColumns;
import org.opd.orchestrator.jdbc.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiClientRepository {

    private final JdbcClient jdbc;

    ApiClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiClient client) {
        jdbc.sql("""
                        INSERT INTO api_clients (credential_id, client_id, kind, name, hospital_id, dept_id, doctor_id, roles, created_by)
                        VALUES (:id, :clientId, :kind, :name, :hospitalId, :deptId, :doctorId, :roles::varchar[], :createdBy)
                        """)
                .param("id", client.credentialId())
                .param("clientId", client.clientId())
                .param("kind", client.kind().name())
                .param("name", client.name())
                .param("hospitalId", client.hospitalId())
                .param("deptId", client.deptId())
                .param("doctorId", client.doctorId())
                .param("roles", RoleColumns.literal(client.roles()))
                .param("createdBy", client.createdBy())
                .update();
    }

    Optional<ApiClient> findByClientId(String clientId) {
        return jdbc.sql("SELECT * FROM api_clients WHERE client_id = :clientId").param("clientId", clientId)
                .query(ApiClientRepository::map).optional();
    }

    Optional<ApiClient> find(UUID credentialId) {
        return jdbc.sql("SELECT * FROM api_clients WHERE credential_id = :id").param("id", credentialId)
                .query(ApiClientRepository::map).optional();
    }

    List<ApiClient> list(UUID hospitalId, ClientKind kind) {
        return jdbc.sql("""
                        SELECT * FROM api_clients
                        WHERE (CAST(:hospitalId AS uuid) IS NULL OR hospital_id = :hospitalId)
                          AND (CAST(:kind AS varchar) IS NULL OR kind = :kind)
                        ORDER BY created_at, client_id
                        """)
                .param("hospitalId", hospitalId)
                .param("kind", kind == null ? null : kind.name())
                .query(ApiClientRepository::map).list();
    }

    /** @return whether it was active until now */
    boolean revoke(UUID credentialId, Instant at) {
        return jdbc.sql("UPDATE api_clients SET revoked_at = :at WHERE credential_id = :id AND revoked_at IS NULL")
                .param("id", credentialId).param("at", Sql.timestamp(at)).update() == 1;
    }

    private static ApiClient map(ResultSet rs, int row) throws SQLException {
        return new ApiClient(
                Sql.uuid(rs, "credential_id"),
                rs.getString("client_id"),
                ClientKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                Sql.uuid(rs, "hospital_id"),
                Sql.uuid(rs, "dept_id"),
                Sql.uuid(rs, "doctor_id"),
                RoleColumns.read(rs.getArray("roles")),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "revoked_at"));
    }
}
