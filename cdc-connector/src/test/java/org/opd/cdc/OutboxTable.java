package org.opd.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.opd.schemas.doctor.DoctorEvent;
import org.opd.schemas.doctor.DoctorEventType;
import org.opd.schemas.kafka.JsonSerde;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;
import org.opd.testsupport.TestDatabase;

/** Writes outbox rows the way the orchestrator does: one token event per row, in its own transaction. */
final class OutboxTable {

    private final TestDatabase database;

    OutboxTable(TestDatabase database) {
        this.database = database;
    }

    /** Commits one TOKEN_ISSUED event of the doctor and returns it. */
    TokenEvent commitEventOf(UUID doctorId) throws SQLException {
        return commitEvent(Topics.TOKEN_AGGREGATE, doctorId);
    }

    TokenEvent commitEvent(String aggregateType, UUID doctorId) throws SQLException {
        try (Connection connection = database.connect()) {
            return insertEventOf(connection, aggregateType, doctorId);
        }
    }

    /** An event committed on its own, and the WAL position written just before its transaction's commit. */
    record CommittedEvent(TokenEvent event, String walBeforeCommit) {
    }

    /**
     * Commits one event and notes the WAL position inside its transaction, after the insert: a slot that
     * confirmed no further than that has not been told the event was consumed.
     */
    CommittedEvent commitEventNotingWal(String aggregateType, UUID doctorId) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            TokenEvent event = insertEventOf(connection, aggregateType, doctorId);
            String walBeforeCommit;
            try (PreparedStatement select = connection.prepareStatement("SELECT pg_current_wal_insert_lsn()");
                 ResultSet result = select.executeQuery()) {
                result.next();
                walBeforeCommit = result.getString(1);
            }
            connection.commit();
            return new CommittedEvent(event, walBeforeCommit);
        }
    }

    /** Inserts one event on the caller's connection (committed at once in auto-commit mode) and returns it. */
    static TokenEvent insertEventOf(Connection connection, String aggregateType, UUID doctorId) throws SQLException {
        TokenEvent event = tokenIssued(doctorId);
        insert(connection, aggregateType, event.eventId(), event.doctorId(), event.type().name(), event.schemaVersion(),
                event);
        return event;
    }

    /** Commits one SHIFT_STARTED event of the doctor the way the orchestrator writes doctor events, and returns it. */
    DoctorEvent commitShiftStartOf(UUID doctorId) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DoctorEvent event = new DoctorEvent(DoctorEvent.SCHEMA_VERSION, UUID.randomUUID(), DoctorEventType.SHIFT_STARTED,
                now, doctorId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                LocalDate.now(ZoneOffset.UTC), now.minusSeconds(600), now.plusSeconds(4 * 3600), now, null, null, 12, 3, List.of());
        try (Connection connection = database.connect()) {
            insert(connection, Topics.DOCTOR_AGGREGATE, event.eventId(), doctorId, event.type().name(),
                    event.schemaVersion(), event);
        }
        return event;
    }

    long rowCount() throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM outbox");
             ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Writes events of the doctor in one transaction that is then rolled back, and returns them. */
    TokenEvent[] rollBackEventsOf(UUID doctorId, int count) throws SQLException {
        TokenEvent[] events = new TokenEvent[count];
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                events[i] = insertEventOf(connection, Topics.TOKEN_AGGREGATE, doctorId);
            }
            connection.rollback();
        }
        return events;
    }

    /** The event's JSON as PostgreSQL renders it once stored as jsonb (the row itself is gone after capture). */
    String asStoredJsonb(Object event) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT ?::jsonb::text")) {
            select.setString(1, JsonSerde.MAPPER.writeValueAsString(event));
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(Connection connection, String aggregateType, UUID eventId, UUID doctorId, String type,
                               int schemaVersion, Object event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox"
                + " (id, aggregatetype, aggregateid, type, schema_version, payload) VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            insert.setObject(1, eventId);
            insert.setString(2, aggregateType);
            insert.setString(3, doctorId.toString());
            insert.setString(4, type);
            insert.setInt(5, schemaVersion);
            insert.setString(6, JsonSerde.MAPPER.writeValueAsString(event));
            insert.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TOKEN_ISSUED event of the doctor, not written anywhere. */
    TokenEvent sampleEventOf(UUID doctorId) {
        return tokenIssued(doctorId);
    }

    private static TokenEvent tokenIssued(UUID doctorId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), TokenEventType.TOKEN_ISSUED, now,
                UUID.randomUUID(), "CARD-001", UUID.randomUUID(), doctorId, UUID.randomUUID(), UUID.randomUUID(), null,
                null, TokenStatus.BOOKED, 1, BookingType.WALK_IN, now.plusSeconds(3600), null, null, null, null, 12, 3);
    }
}
