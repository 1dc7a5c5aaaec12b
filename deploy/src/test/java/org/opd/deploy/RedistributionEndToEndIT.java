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
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.schemas.live.LiveStateKeys;
import org.opd.schemas.live.TokenDetailsField;
import org.opd.testsupport.AccessTokens;
import org.opd.testsupport.FreePorts;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.JedisPooled;

/**
 * A doctor taken ill mid-session, through the running system: the redistribution applied over HTTP
 * moves the waiting patients in PostgreSQL, the events reach Kafka through the outbox, the topology
 * moves them between the doctors' queues in Redis, and each patient gets the SMS with the new doctor.
 */
class RedistributionEndToEndIT {

    private static final ZoneId HOSPITAL_ZONE = ZoneId.of("Asia/Kolkata");
    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static TestDatabase database;
    private static LocalTwilioServer sms;
    private static LocalSystem system;
    private static JedisPooled redis;
    private static String baseUrl;
    private static String admin;

    @BeforeAll
    static void startTheSystem() throws Exception {
        database = TestDatabase.create();
        sms = new LocalTwilioServer("AC-e2e", "e2e-secret");
        int orchestratorPort = FreePorts.next();
        system = LocalSystem.start(new LocalSystemConfig(database.host(), database.port(), database.name(),
                database.user(), database.password(), "127.0.0.1", 6379, dataDir, 0, orchestratorPort, FreePorts.next(),
                FreePorts.next(), FreePorts.next(), "opd_e2e_" + database.name(), sms.baseUrl(), "AC-e2e", "e2e-secret",
                "+15550001111"));
        redis = new JedisPooled("127.0.0.1", 6379);
        baseUrl = "http://127.0.0.1:" + orchestratorPort;
        LocalSecrets secrets = LocalSecrets.load(dataDir);
        String bootstrap = AccessTokens.clientCredentials(baseUrl, secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_ID),
                secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_SECRET));
        admin = signIn(send(bootstrap, "POST", "/api-clients", Map.of("kind", "INTEGRATION", "name", "Front desk",
                "roles", List.of("ADMIN", "RECEPTIONIST", "NURSE"))));
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
    }

    @Test
    void theWaitingPatientsOfADoctorTakenIllMoveToAColleagueInPostgresRedisAndTheirSms() throws Exception {
        // Given doctors A and B of one department on shift, three patients waiting for A
        String hospitalId = post(admin, "/hospitals", Map.of("name", "City Hospital", "address", "1 MG Road, Bengaluru",
                "latitude", 12.9716, "longitude", 77.5946, "geofenceRadiusMeters", 200, "timezone", HOSPITAL_ZONE.getId()))
                .get("hospitalId").asText();
        String deptId = post(admin, "/hospitals/" + hospitalId + "/departments", Map.of("name", "Cardiology", "code", "CARD",
                "avgConsultationMinutes", 15, "bufferMinutes", 5, "maxTokensPerDay", 100, "colorCode", "#C0392B",
                "priorityLevel", 1)).get("deptId").asText();
        String doctorA = doctorOnShift(hospitalId, deptId, "Dr. Asha Rao", "C-101");
        String doctorB = doctorOnShift(hospitalId, deptId, "Dr. Vikram Sen", "C-102");
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String patientId = post(admin, "/hospitals/" + hospitalId + "/patients", Map.of("uhid", "UH-" + i, "name", "Patient " + i,
                    "phone", "+91981234000" + i, "gender", "F", "dateOfBirth", "1980-01-01", "whatsappOptIn", false, "smsOptIn", true))
                    .get("patientId").asText();
            String tokenId = post(admin, "/tokens", Map.of("patientId", patientId, "doctorId", doctorA, "bookingType", "WALK_IN",
                    "priority", 1, "scheduledTime", OffsetDateTime.now(HOSPITAL_ZONE).toString(), "visitReason", "Follow-up"))
                    .get("tokenId").asText();
            post(admin, "/tokens/" + tokenId + "/check-in", Map.of("latitude", 12.9717, "longitude", 77.5947));
            post(admin, "/tokens/" + tokenId + "/wait", Map.of());
            tokens.add(tokenId);
        }
        await().atMost(PIPELINE).untilAsserted(() ->
                assertThat(redis.zrange(LiveStateKeys.doctorQueue(UUID.fromString(doctorA)), 0, -1)).containsExactlyElementsOf(tokens));

        // When A is taken ill and the department head previews and applies the redistribution
        String head = signIn(post(admin, "/api-clients", Map.of("kind", "INTEGRATION", "name", "Head of cardiology",
                "hospitalId", hospitalId, "deptId", deptId, "roles", List.of("DEPARTMENT_HEAD"))));
        String exceptionId = post(admin, "/schedule-exceptions", Map.of("doctorId", doctorA, "exceptionType", "UNPLANNED_LEAVE",
                "startDatetime", OffsetDateTime.now(HOSPITAL_ZONE).minusHours(1).toString(),
                "endDatetime", LocalDate.now(HOSPITAL_ZONE).plusDays(1).atStartOfDay(HOSPITAL_ZONE).toOffsetDateTime().toString()))
                .get("exceptionId").asText();
        post(head, "/schedule-exceptions/" + exceptionId + "/approve", Map.of());
        JsonNode preview = send(head, "GET", "/schedule-exceptions/" + exceptionId + "/redistribution/preview", null);
        JsonNode applied = post(head, "/schedule-exceptions/" + exceptionId + "/redistribution/apply",
                Map.of("planVersion", preview.get("planVersion").asText()));
        assertThat(applied.get("status").asText()).isEqualTo("REDISTRIBUTED");

        // Then PostgreSQL has them with B, and Redis agrees: A's line is empty, B's holds them in the same order
        assertThat(doctorsOf(tokens)).containsOnly(doctorB);
        await().atMost(PIPELINE).untilAsserted(() -> {
            assertThat(redis.zrange(LiveStateKeys.doctorQueue(UUID.fromString(doctorA)), 0, -1)).isEmpty();
            assertThat(redis.zrange(LiveStateKeys.doctorQueue(UUID.fromString(doctorB)), 0, -1)).containsExactlyElementsOf(tokens);
            for (int i = 0; i < tokens.size(); i++) {
                Map<String, String> details = redis.hgetAll(LiveStateKeys.tokenDetails(UUID.fromString(tokens.get(i))));
                assertThat(details).containsEntry(TokenDetailsField.DOCTOR_ID.field(), doctorB)
                        .containsEntry(TokenDetailsField.STATUS.field(), "WAITING")
                        .containsEntry(TokenDetailsField.POSITION.field(), Integer.toString(i + 1));
            }
            assertThat(redis.get(LiveStateKeys.departmentQueueCount(UUID.fromString(deptId)))).isEqualTo("3");
        });
        // And each patient is told the new doctor and cabin
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(sms.received())
                .filteredOn(message -> message.body().contains("you are now with Dr. Vikram Sen in cabin C-102"))
                .extracting(LocalTwilioServer.ReceivedSms::to)
                .containsExactlyInAnyOrder("+919812340001", "+919812340002", "+919812340003"));
    }

    private String doctorOnShift(String hospitalId, String deptId, String name, String cabinNumber) throws Exception {
        String cabinId = post(admin, "/departments/" + deptId + "/cabins", Map.of("cabinNumber", cabinNumber, "floorNumber", 1,
                "equipment", List.of())).get("cabinId").asText();
        String doctorId = post(admin, "/hospitals/" + hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                "name", name, "specialization", "Cardiology", "primaryDeptId", deptId, "phone", "+919800000100",
                "avgConsultationMinutes", 12, "maxTokensPerSession", 30)).get("doctorId").asText();
        String shiftId = post(admin, "/shifts", Map.of("cabinId", cabinId, "doctorId", doctorId,
                "shiftDate", LocalDate.now(HOSPITAL_ZONE).toString(), "shiftStartTime", "00:00", "shiftEndTime", "23:59",
                "plannedTokens", 30)).get("assignmentId").asText();
        post(admin, "/shifts/" + shiftId + "/start", Map.of());
        return doctorId;
    }

    private static List<String> doctorsOf(List<String> tokenIds) throws Exception {
        List<String> doctors = new ArrayList<>();
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT doctor_id::text FROM tokens WHERE token_id = ?::uuid")) {
            for (String tokenId : tokenIds) {
                s.setString(1, tokenId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    doctors.add(rs.getString(1));
                }
            }
        }
        return doctors;
    }

    private static String signIn(JsonNode credential) {
        return AccessTokens.clientCredentials(baseUrl, credential.get("clientId").asText(), credential.get("clientSecret").asText());
    }

    private static JsonNode post(String token, String path, Map<String, ?> body) throws Exception {
        return send(token, "POST", path, body);
    }

    private static JsonNode send(String token, String method, String path, Map<String, ?> body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isBetween(200, 299);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
