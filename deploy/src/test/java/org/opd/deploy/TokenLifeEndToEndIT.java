package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.testsupport.AccessTokens;
import org.opd.testsupport.FreePorts;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.JedisPooled;

/**
 * One token's whole life through the running system: HTTP into the orchestrator,
 * PostgreSQL and its outbox, Debezium into Kafka, Kafka Streams into Redis, and the
 * notifier out to an SMS provider. Asserts what a waiting-room screen reads from Redis,
 * what the audit trail holds, and the SMS the patient receives.
 */
class TokenLifeEndToEndIT {

    private static final ZoneId HOSPITAL_ZONE = ZoneId.of("Asia/Kolkata");
    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static TestDatabase database;
    private static LocalTwilioServer sms;
    private static LocalSystem system;
    private static JedisPooled redis;
    private static String api;
    private static String baseUrl;
    /** The hospital's desk, nurses and administrators, as one credential issued by the bootstrap client. */
    private static String staff;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Every log line of the services once they are up. */
    private static final CapturedLogs LOGS = new CapturedLogs();

    @BeforeAll
    static void startTheSystem() throws Exception {
        database = TestDatabase.create();
        sms = new LocalTwilioServer("AC-e2e", "e2e-secret");
        int orchestratorPort = FreePorts.next();
        system = LocalSystem.start(new LocalSystemConfig(database.host(), database.port(), database.name(),
                database.user(), database.password(), "127.0.0.1", 6379, dataDir, 0, orchestratorPort, FreePorts.next(),
                FreePorts.next(), FreePorts.next(), "opd_e2e_" + database.name(), sms.baseUrl(), "AC-e2e", "e2e-secret",
                "+15550001111"));
        // After the services started: each Spring Boot start sets logging up anew.
        LOGS.start();
        redis = new JedisPooled("127.0.0.1", 6379);
        baseUrl = "http://127.0.0.1:" + orchestratorPort;
        api = baseUrl + "/api/v1";
        LocalSecrets secrets = LocalSecrets.load(dataDir);
        String bootstrap = AccessTokens.clientCredentials(baseUrl, secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_ID),
                secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_SECRET));
        staff = signIn(send(bootstrap, "/api-clients", Map.of("kind", "INTEGRATION", "name", "Front desk",
                "roles", List.of("ADMIN", "RECEPTIONIST", "NURSE"))));
    }

    /** An access token for a credential just issued, as a script gets it (client credentials). */
    private static String signIn(JsonNode credential) {
        return AccessTokens.clientCredentials(baseUrl, credential.get("clientId").asText(), credential.get("clientSecret").asText());
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        if (redis != null) {
            redis.close();
        }
        sms.close();
        database.close();
        LOGS.stop();
    }

    @Test
    void walksTwoTokensThroughTheirLifeAndScreensFollow() throws Exception {
        // Given a hospital with a cardiology department, a cabin and a doctor on shift today
        String hospitalId = post("/hospitals", Map.of("name", "City Hospital", "address", "1 MG Road, Bengaluru",
                "latitude", 12.9716, "longitude", 77.5946, "geofenceRadiusMeters", 200, "timezone", HOSPITAL_ZONE.getId()))
                .get("hospitalId").asText();
        String deptId = post("/hospitals/" + hospitalId + "/departments", Map.of("name", "Cardiology", "code", "CARD",
                "avgConsultationMinutes", 15, "bufferMinutes", 5, "maxTokensPerDay", 100, "colorCode", "#C0392B",
                "priorityLevel", 1)).get("deptId").asText();
        String cabinId = post("/departments/" + deptId + "/cabins", Map.of("cabinNumber", "C-101", "floorNumber", 1,
                "equipment", List.of("ECG"))).get("cabinId").asText();
        String doctorId = post("/hospitals/" + hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                "name", "Dr. Asha Rao", "specialization", "Cardiology", "primaryDeptId", deptId, "phone", "+919800000100",
                "email", UUID.randomUUID() + "@hospital.example", "avgConsultationMinutes", 12, "maxTokensPerSession", 30))
                .get("doctorId").asText();
        String shiftId = post("/shifts", Map.of("cabinId", cabinId, "doctorId", doctorId,
                "shiftDate", LocalDate.now(HOSPITAL_ZONE).toString(), "shiftStartTime", "00:00", "shiftEndTime", "23:59",
                "plannedTokens", 30)).get("assignmentId").asText();
        post("/shifts/" + shiftId + "/start", Map.of());
        // And the doctor's own credential, for the moves only a doctor makes
        String doctor = signIn(post("/api-clients", Map.of("kind", "INTEGRATION", "name", "Dr. Rao's tablet",
                "hospitalId", hospitalId, "doctorId", doctorId, "roles", List.of("DOCTOR"))));
        String first = patient(hospitalId, "UH-1001", "Meera Iyer", "+919812340001", "meera.iyer@mail.example");
        String second = patient(hospitalId, "UH-1002", "Ravi Shankar", "+919812340002", "ravi.shankar@mail.example");

        // When two patients get tokens
        JsonNode tokenA = post("/tokens", token(first, doctorId));
        JsonNode tokenB = post("/tokens", token(second, doctorId));
        String a = tokenA.get("tokenId").asText();
        String b = tokenB.get("tokenId").asText();

        // Then they are numbered per department and day, booked, and each patient gets an SMS
        assertThat(tokenA.get("tokenNumber").asText()).isEqualTo("CARD-001");
        assertThat(tokenB.get("tokenNumber").asText()).isEqualTo("CARD-002");
        assertThat(tokenA.get("status").asText()).isEqualTo("BOOKED");
        awaitScreen(a, "BOOKED", null);
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(sms.received()).hasSize(2));
        assertThat(sms.received()).anySatisfy(m -> {
            assertThat(m.to()).isEqualTo("+919812340001");
            assertThat(m.body()).contains("CARD-001");
        });
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(notificationStatuses(a)).containsExactly("SENT"));

        // When both arrive (inside the geofence) and are triaged
        post("/tokens/" + a + "/check-in", Map.of("latitude", 12.9717, "longitude", 77.5947));
        awaitScreen(a, "CHECKED_IN", 1);
        post("/tokens/" + b + "/check-in", Map.of("latitude", 12.9716, "longitude", 77.5946));
        post("/tokens/" + a + "/wait", Map.of());
        post("/tokens/" + b + "/wait", Map.of());

        // Then the screen shows them in arrival order, the second one consultation (about 12 min) later
        Eta firstInLine = awaitScreen(a, "WAITING", 1);
        Eta secondInLine = awaitScreen(b, "WAITING", 2);
        assertThat(firstInLine.p50()).isBetween(0, 10);
        assertThat(secondInLine.p50() - firstInLine.p50()).isBetween(5, 25);
        await().atMost(PIPELINE).untilAsserted(() ->
                assertThat(redis.zrange("queue:doctor:" + doctorId + ":active", 0, -1)).containsExactly(a, b));
        assertThat(redis.get("dept:" + deptId + ":queue_count")).isEqualTo("2");

        // When the doctor calls the next patient and starts the consultation
        JsonNode called = post(doctor, "/doctors/" + doctorId + "/call-next", Map.of());
        assertThat(called.get("tokenId").asText()).isEqualTo(a);
        post(doctor, "/tokens/" + a + "/start", Map.of());

        // Then the doctor is busy with the first token and the second is next, about one consultation away
        awaitScreen(a, "IN_CONSULTATION", null);
        Eta nextDuringConsultation = awaitScreen(b, "WAITING", 1);
        assertThat(nextDuringConsultation.p50()).isBetween(5, 25);
        assertThat(redis.get("doctor:" + doctorId + ":current")).isEqualTo(a);
        assertThat(redis.get("doctor:" + doctorId + ":status")).isEqualTo("BUSY");
        assertThat(redis.ttl("doctor:" + doctorId + ":status")).isBetween(1L, 300L);
        assertThat(redis.get("dept:" + deptId + ":queue_count")).isEqualTo("1");

        // When the consultation ends
        post(doctor, "/tokens/" + a + "/complete", Map.of());

        // Then the first token is completed everywhere and the API shows the second's live position
        awaitScreen(a, "COMPLETED", null);
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(redis.get("doctor:" + doctorId + ":status")).isEqualTo("AVAILABLE"));
        JsonNode liveB = get("/tokens/" + b);
        assertThat(liveB.get("status").asText()).isEqualTo("WAITING");
        assertThat(liveB.get("queuePosition").asInt()).isEqualTo(1);
        // only the call and the walk to the cabin are left
        assertThat(liveB.get("etaMinutesP50").asInt()).isLessThan(nextDuringConsultation.p50()).isBetween(0, 10);
        assertThat(liveB.get("etaMinutesP90").asInt()).isGreaterThanOrEqualTo(liveB.get("etaMinutesP50").asInt());
        JsonNode queue = get("/doctors/" + doctorId + "/queue");
        assertThat(queue.get("waiting")).hasSize(1);
        assertThat(queue.get("waiting").get(0).get("tokenId").asText()).isEqualTo(b);

        // And no name, phone number or e-mail of the patients is in any log line of the four services,
        // any record of any topic, or Redis (screens show masked names only)
        List<String> logLines = LOGS.lines();
        List<String> records = KafkaTopics.everyRecord(system.kafkaBootstrapServers());
        assertThat(logLines).as("log lines").anyMatch(line -> line.contains(a));
        assertThat(records).as("Kafka records").anyMatch(record -> record.startsWith("opd.token-events") && record.contains(a));
        assertThat(PersonalData.foundIn(logLines, PERSONAL_DATA)).as("log lines").isEmpty();
        assertThat(PersonalData.foundIn(records, PERSONAL_DATA)).as("Kafka records").isEmpty();
        assertThat(PersonalData.foundIn(RedisValues.every(redis, "token:" + a + ":details", "token:" + b + ":details"), PERSONAL_DATA))
                .as("Redis").isEmpty();

        // And the audit trail holds every transition of the first token, in order
        assertThat(history(a)).containsExactly("null>BOOKED", "BOOKED>CHECKED_IN", "CHECKED_IN>WAITING",
                "WAITING>WAITING", "WAITING>IN_CONSULTATION", "IN_CONSULTATION>COMPLETED");
    }

    private String patient(String hospitalId, String uhid, String name, String phone, String email) throws Exception {
        return post("/hospitals/" + hospitalId + "/patients", Map.of("uhid", uhid, "name", name, "email", email,
                "phone", phone, "gender", "F", "dateOfBirth", "1980-01-01", "whatsappOptIn", false, "smsOptIn", true))
                .get("patientId").asText();
    }

    /** Names, phone numbers and e-mail addresses of the walk's patients, as they were registered. */
    private static final List<String> PERSONAL_DATA = List.of("Meera", "Iyer", "Ravi", "Shankar", "9812340001", "9812340002",
            "meera.iyer@mail.example", "ravi.shankar@mail.example");

    private static Map<String, Object> token(String patientId, String doctorId) {
        return Map.of("patientId", patientId, "doctorId", doctorId, "bookingType", "WALK_IN", "priority", 1,
                "scheduledTime", OffsetDateTime.now(HOSPITAL_ZONE).toString(), "visitReason", "Chest pain follow-up");
    }

    /** The ETA a screen shows, in minutes. */
    private record Eta(int p50, int p90) {
    }

    /**
     * Waits until a waiting-room screen reads the token's status and position from Redis, and returns
     * the ETA it shows: one for a token in line (P90 at least P50), none for one out of line.
     */
    private static Eta awaitScreen(String tokenId, String status, Integer position) {
        return await().atMost(PIPELINE).until(() -> {
            Map<String, String> details = redis.hgetAll("token:" + tokenId + ":details");
            if (!status.equals(details.get("status"))
                    || !Objects.equals(position == null ? null : position.toString(), details.get("position"))) {
                return null;
            }
            if (position == null) {
                assertThat(details).doesNotContainKeys("etaMinutesP50", "etaMinutesP90");
                return new Eta(-1, -1);
            }
            Eta eta = new Eta(Integer.parseInt(details.get("etaMinutesP50")), Integer.parseInt(details.get("etaMinutesP90")));
            assertThat(eta.p90()).isGreaterThanOrEqualTo(eta.p50());
            return eta;
        }, Objects::nonNull);
    }

    private JsonNode post(String path, Map<String, ?> body) throws Exception {
        return send(staff, path, body);
    }

    private JsonNode post(String token, String path, Map<String, ?> body) throws Exception {
        return send(token, path, body);
    }

    private static JsonNode send(String token, String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s answered %s", path, response.body()).isBetween(200, 299);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + path))
                        .header("Authorization", "Bearer " + staff).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> history(String tokenId) throws SQLException {
        return strings("SELECT previous_status, new_status FROM token_history WHERE token_id = ?::uuid"
                + " ORDER BY history_id", tokenId, rs -> rs.getString(1) + ">" + rs.getString(2));
    }

    private static List<String> notificationStatuses(String tokenId) throws SQLException {
        return strings("SELECT delivery_status FROM notifications_log WHERE token_id = ?::uuid AND channel = 'SMS'",
                tokenId, rs -> rs.getString(1));
    }

    private interface Row {
        String read(ResultSet rs) throws SQLException;
    }

    private static List<String> strings(String sql, String tokenId, Row row) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tokenId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(row.read(rs));
                }
            }
        }
        return result;
    }

}
