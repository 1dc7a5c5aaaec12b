package org.opd.notifier;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.appointment.AppointmentEventType;
import org.opd.schemas.appointment.ReminderKind;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.status.StatusLinks;
import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.token.BookingType;
import org.opd.schemas.token.TokenEvent;
import org.opd.schemas.token.TokenEventType;
import org.opd.schemas.token.TokenStatus;
import org.opd.testsupport.TestDatabase;

/**
 * A hospital in India with one cardiology department, one cabin and one doctor, written straight
 * into the orchestrator's tables, plus the patients and tokens a test adds, and the events the
 * orchestrator would publish about them.
 */
final class Hospital {

    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    /** The sign-in code key of this test run, the orchestrator's and the notifier's (OPD_OTP_MESSAGE_KEY). */
    static final String MESSAGE_KEY = OneTimeCodeSeal.newKey();

    /** The status link key of this test run, the orchestrator's and the notifier's (OPD_STATUS_LINK_KEY). */
    static final String STATUS_LINK_KEY = StatusLinks.newKey();

    /** The status page of a token, as the orchestrator at {@code https://opd.example.org} opens it. */
    static String statusPage(Token token) {
        return StatusLinks.withKey(STATUS_LINK_KEY).pageOf(URI.create("https://opd.example.org"), token.tokenId()).toString();
    }

    record Token(UUID tokenId, String tokenNumber, UUID patientId, String phone, Instant scheduledTime) {
    }

    /** An appointment booked ahead; {@code holdExpiresAt} while it is a hold, else null. */
    record Appointment(UUID appointmentId, UUID patientId, String phone, Instant startsAt, Instant holdExpiresAt) {
    }

    private final TestDatabase database;
    final UUID hospitalId;
    final UUID deptId;
    final UUID cabinId;
    final UUID doctorId;
    private int tokens;

    private Hospital(TestDatabase database) throws SQLException {
        this.database = database;
        hospitalId = insert("""
                INSERT INTO hospitals (name, address, latitude, longitude, timezone)
                VALUES ('City Hospital', 'MG Road, Bengaluru', 12.9716, 77.5946, ?) RETURNING hospital_id
                """, ZONE.getId());
        deptId = insert("""
                INSERT INTO departments (hospital_id, name, code, avg_consultation_time)
                VALUES (?, 'Cardiology', 'CARD', 12) RETURNING dept_id
                """, hospitalId);
        cabinId = insert("INSERT INTO cabins (dept_id, cabin_number) VALUES (?, 'C-12') RETURNING cabin_id", deptId);
        doctorId = insert("""
                INSERT INTO doctors (hospital_id, emp_code, name, specialization, primary_dept_id, phone)
                VALUES (?, ?, 'Dr. Asha Rao', 'Cardiology', ?, '+919900000000') RETURNING doctor_id
                """, hospitalId, "EMP-" + UUID.randomUUID(), deptId);
    }

    /** The database with the OPD schema: the orchestrator owns it in production, here the schemas jar's migrations build it. */
    static TestDatabase migrated(TestDatabase database) {
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password()).load().migrate();
        return database;
    }

    static Hospital in(TestDatabase database) {
        try {
            return new Hospital(database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A receptionist's staff account of the hospital, active or disabled. */
    UUID staffAccount(String email, String displayName, boolean active) throws SQLException {
        return insert("""
                INSERT INTO staff_accounts (account_id, hospital_id, email, display_name, password_hash, roles, status)
                VALUES (gen_random_uuid(), ?, ?, ?, '{noop}unused', ARRAY['RECEPTIONIST'], ?) RETURNING account_id
                """, hospitalId, email, displayName, active ? "ACTIVE" : "DISABLED");
    }

    /**
     * A patient with no token, who accepts no message of ours (opt-ins off), reading the given language
     * (null: the default).
     */
    UUID patientWithoutOptIns(String phone, String language) throws SQLException {
        return insert("""
                INSERT INTO patients (hospital_id, uhid, name, phone, sms_opt_in, whatsapp_opt_in, preferred_language)
                VALUES (?, ?, 'Ravi Kumar', ?, false, false, ?) RETURNING patient_id
                """, hospitalId, "UH-" + UUID.randomUUID().toString().substring(0, 8), phone, language);
    }

    /** A patient who accepts SMS only (or nothing), and a BOOKED token of theirs, scheduled an hour from now. */
    Token tokenFor(String phone, boolean smsOptIn) throws SQLException {
        return tokenFor(phone, smsOptIn, false, null, null);
    }

    /**
     * A patient with the given opt-ins, device token (null: no app) and preferred language (null:
     * the default), and a BOOKED token of theirs for the doctor, scheduled an hour from now.
     */
    Token tokenFor(String phone, boolean smsOptIn, boolean whatsAppOptIn, String fcmToken, String language)
            throws SQLException {
        UUID patientId = insert("""
                INSERT INTO patients (hospital_id, uhid, name, phone, sms_opt_in, whatsapp_opt_in, fcm_token,
                                      preferred_language)
                VALUES (?, ?, 'Ravi Kumar', ?, ?, ?, ?, ?) RETURNING patient_id
                """, hospitalId, "UH-" + UUID.randomUUID().toString().substring(0, 8), phone, smsOptIn, whatsAppOptIn,
                fcmToken, language);
        String number = "CARD-%03d".formatted(++tokens);
        Instant scheduled = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MINUTES);
        UUID tokenId = insert("""
                INSERT INTO tokens (token_number, patient_id, doctor_id, cabin_id, dept_id, hospital_id,
                                    scheduled_time, service_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING token_id
                """, number, patientId, doctorId, cabinId, deptId, hospitalId, Timestamp.from(scheduled),
                LocalDate.ofInstant(scheduled, ZONE));
        return new Token(tokenId, number, patientId, phone, scheduled);
    }

    /** The event the orchestrator's outbox carries when the token is issued. */
    TokenEvent issued(Token token) {
        return event(token, TokenEventType.TOKEN_ISSUED, null, TokenStatus.BOOKED);
    }

    TokenEvent checkedIn(Token token) {
        return event(token, TokenEventType.TOKEN_CHECKED_IN, TokenStatus.BOOKED, TokenStatus.CHECKED_IN);
    }

    /** Cancels the token in the database, as the orchestrator does, and returns the event it publishes. */
    TokenEvent cancelled(Token token) throws SQLException {
        moveTo(token, TokenStatus.CANCELLED, false);
        return event(token, TokenEventType.TOKEN_CANCELLED, TokenStatus.BOOKED, TokenStatus.CANCELLED);
    }

    TokenEvent rescheduled(Token token) throws SQLException {
        moveTo(token, TokenStatus.RESCHEDULED, false);
        return event(token, TokenEventType.TOKEN_RESCHEDULED, TokenStatus.BOOKED, TokenStatus.RESCHEDULED);
    }

    /** Sets the token's status (and whether it was called) in the database, as the orchestrator would. */
    void moveTo(Token token, TokenStatus status, boolean called) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "UPDATE tokens SET status = ?, called_time = CASE WHEN ? THEN now() END WHERE token_id = ?")) {
            statement.setString(1, status.name());
            statement.setBoolean(2, called);
            statement.setObject(3, token.tokenId());
            statement.executeUpdate();
        }
    }

    /**
     * A patient who accepts WhatsApp or SMS, and an appointment of theirs with the doctor: a free slot held for them
     * for 15 minutes (as the waitlist offers one) when {@code held}, else a confirmed one.
     */
    Appointment appointmentFor(String phone, boolean whatsAppOptIn, String language, Instant startsAt, boolean held)
            throws SQLException {
        UUID patientId = insert("""
                INSERT INTO patients (hospital_id, uhid, name, phone, sms_opt_in, whatsapp_opt_in, preferred_language)
                VALUES (?, ?, 'Ravi Kumar', ?, true, ?, ?) RETURNING patient_id
                """, hospitalId, "UH-" + UUID.randomUUID().toString().substring(0, 8), phone, whatsAppOptIn, language);
        Instant holdUntil = held ? Instant.now().plus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES) : null;
        UUID appointmentId = insert("""
                INSERT INTO appointments (doctor_id, patient_id, starts_at, ends_at, appointment_type, status, reason,
                                          hold_expires_at)
                VALUES (?, ?, ?, ?, 'CONSULTATION', ?, 'Waitlist offer', ?) RETURNING appointment_id
                """, doctorId, patientId, Timestamp.from(startsAt), Timestamp.from(startsAt.plus(15, ChronoUnit.MINUTES)),
                held ? "SCHEDULED" : "CONFIRMED", holdUntil == null ? null : Timestamp.from(holdUntil));
        return new Appointment(appointmentId, patientId, phone, startsAt, holdUntil);
    }

    /** The orchestrator's WAITLIST_OFFERED event of a free hold. */
    AppointmentEvent offered(Appointment appointment) {
        return appointmentEvent(appointment, AppointmentEventType.WAITLIST_OFFERED, UUID.randomUUID(), null);
    }

    /** The orchestrator's APPOINTMENT_CONFIRMED event: the hold was paid. */
    AppointmentEvent confirmed(Appointment appointment) {
        return appointmentEvent(appointment, AppointmentEventType.APPOINTMENT_CONFIRMED, null, null);
    }

    AppointmentEvent reminderDue(Appointment appointment, ReminderKind kind) {
        return appointmentEvent(appointment, AppointmentEventType.REMINDER_DUE, null, kind);
    }

    private AppointmentEvent appointmentEvent(Appointment appointment, AppointmentEventType type, UUID waitlistEntryId,
                                              ReminderKind kind) {
        return new AppointmentEvent(AppointmentEvent.SCHEMA_VERSION, UUID.randomUUID(), type, Instant.now(),
                appointment.appointmentId(), doctorId, appointment.patientId(), hospitalId, appointment.startsAt(),
                appointment.startsAt().plus(15, ChronoUnit.MINUTES), null, appointment.holdExpiresAt(), false, false,
                waitlistEntryId, kind);
    }

    /** What the eta-calculator publishes on opd.notification-requests. */
    NotificationRequest request(Token token, NotificationType type, Integer position, Integer eta, Integer delay) {
        return new NotificationRequest(NotificationRequest.SCHEMA_VERSION, UUID.randomUUID(), type, Instant.now(),
                token.tokenId(), token.tokenNumber(), token.patientId(), doctorId, deptId, cabinId, position, eta, delay);
    }

    private TokenEvent event(Token token, TokenEventType type, TokenStatus from, TokenStatus to) {
        return new TokenEvent(TokenEvent.SCHEMA_VERSION, UUID.randomUUID(), type, Instant.now(), token.tokenId(),
                token.tokenNumber(), token.patientId(), doctorId, deptId, hospitalId, cabinId, from, to, 1,
                BookingType.WALK_IN, token.scheduledTime(), null, null, null, null, 12, 5);
    }

    private UUID insert(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }
}
