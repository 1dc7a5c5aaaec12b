package org.opd.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opd.testsupport.TestDatabase;

class MigrationsIT {

    private static TestDatabase database;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create();
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .load()
                .migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void createsEveryTableAndViewOfSpec004AndTheOutbox() throws SQLException {
        List<String> tables = strings("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
        List<String> views = strings("SELECT table_name FROM information_schema.views WHERE table_schema = 'public'");

        assertThat(tables).contains("hospitals", "departments", "cabins", "doctors", "cabin_doctors", "patients",
                "tokens", "token_history", "schedule_exceptions", "doctor_performance_metrics", "system_alerts",
                "notifications_log", "outbox");
        assertThat(views).containsExactlyInAnyOrder("vw_live_queue", "vw_doctor_status");
    }

    @Test
    void refusesATokenWithAnUnknownStatus() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            seedOneDoctor(s);
            assertThatThrownBy(() -> s.execute(tokenInsert("'T-1'", "'LOST'", "NULL", "NULL")))
                    .hasMessageContaining("chk_status");
        }
    }

    @Test
    void seedEtaCountsRemainingConsultationPlusAverageAndFiveMinutesPerTokenAhead() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            seedOneDoctor(s);
            // Doctor averages 12 minutes; one consultation began 4 minutes ago; two wait ahead.
            s.execute(tokenInsert("'E-1'", "'IN_CONSULTATION'", "1", "now() - interval '4 minutes'"));
            s.execute(tokenInsert("'E-2'", "'WAITING'", "2", "NULL"));
            s.execute(tokenInsert("'E-3'", "'WAITING'", "3", "NULL"));
            s.execute(tokenInsert("'E-4'", "'WAITING'", "4", "NULL"));

            ResultSet eta = s.executeQuery("SELECT calculate_token_eta(token_id) FROM tokens WHERE token_number = 'E-4'");
            eta.next();

            // (12 - 4) + 3 ahead × 12 + 3 × 5
            assertThat(eta.getInt(1)).isEqualTo(8 + 36 + 15);
        }
    }

    private static void seedOneDoctor(Statement s) throws SQLException {
        s.execute("DELETE FROM tokens");
        s.execute("DELETE FROM cabins");
        s.execute("DELETE FROM doctors");
        s.execute("DELETE FROM patients");
        s.execute("DELETE FROM departments");
        s.execute("DELETE FROM hospitals");
        s.execute("INSERT INTO hospitals (hospital_id, name, address, latitude, longitude)"
                + " VALUES ('00000000-0000-0000-0000-000000000001', 'City Hospital', 'Main Road', 12.97, 77.59)");
        s.execute("INSERT INTO departments (dept_id, hospital_id, name, code, avg_consultation_time)"
                + " VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001',"
                + " 'Cardiology', 'CARD', 15)");
        s.execute("INSERT INTO cabins (cabin_id, dept_id, cabin_number)"
                + " VALUES ('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002', 'C-101')");
        s.execute("INSERT INTO doctors (doctor_id, hospital_id, emp_code, name, specialization, phone, avg_consultation_time)"
                + " VALUES ('00000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-000000000001',"
                + " 'EMP-1', 'Dr. Rao', 'Cardiology', '+910000000000', 12)");
        s.execute("INSERT INTO patients (patient_id, hospital_id, uhid, name, phone)"
                + " VALUES ('00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-000000000001',"
                + " 'UH-1', 'A Patient', '+910000000001')");
    }

    private static String tokenInsert(String number, String status, String position, String consultStart) {
        return "INSERT INTO tokens (token_number, patient_id, doctor_id, cabin_id, dept_id, hospital_id, status,"
                + " scheduled_time, service_date, queue_position, consultation_start_time) VALUES (" + number
                + ", '00000000-0000-0000-0000-000000000005', '00000000-0000-0000-0000-000000000004',"
                + " '00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002',"
                + " '00000000-0000-0000-0000-000000000001', " + status + ", now(), current_date, " + position + ", "
                + consultStart + ")";
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}
