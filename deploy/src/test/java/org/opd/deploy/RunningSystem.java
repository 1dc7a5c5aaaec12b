package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.status.OfferLinks;
import org.opd.schemas.status.StatusLinks;
import org.opd.testsupport.AccessTokens;
import org.opd.testsupport.FreePorts;
import org.opd.testsupport.LocalTwilioServer;
import org.opd.testsupport.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole system on a fresh database (the all-in-one runner's {@link LocalSystem}), and a
 * clinic in it to drive over HTTP as its staff: for the screens' browser tests.
 */
final class RunningSystem implements AutoCloseable {

    static final ZoneId HOSPITAL_ZONE = ZoneId.of("Asia/Kolkata");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String baseUrl;
    /** The notifier's address (its own API: outbound webhook subscriptions). */
    final String notifierUrl;
    private final TestDatabase database;
    private final LocalTwilioServer sms;
    private final OpdSystem system;
    /** The bootstrap client: issues the staff's and the display's credentials. */
    private final String bootstrap;
    private final LocalSecrets secrets;

    private RunningSystem(Path dataDir, Function<LocalSystemConfig, OpdSystem> starter) {
        database = TestDatabase.create();
        sms = new LocalTwilioServer("AC-screens", "screens-secret");
        int orchestratorPort = FreePorts.next();
        int notifierPort = FreePorts.next();
        system = starter.apply(new LocalSystemConfig(database.host(), database.port(), database.name(),
                database.user(), database.password(), "127.0.0.1", 6379, dataDir, 0, orchestratorPort, FreePorts.next(),
                notifierPort, FreePorts.next(), "opd_screens_" + database.name(), sms.baseUrl(), "AC-screens",
                "screens-secret", "+15550001111"));
        baseUrl = "http://127.0.0.1:" + orchestratorPort;
        notifierUrl = "http://127.0.0.1:" + notifierPort;
        secrets = LocalSecrets.load(dataDir);
        bootstrap = AccessTokens.clientCredentials(baseUrl, secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_ID),
                secrets.get(LocalSecrets.BOOTSTRAP_CLIENT_SECRET));
    }

    /** Every service in this JVM. */
    static RunningSystem start(Path dataDir) {
        return new RunningSystem(dataDir, LocalSystem::start);
    }

    /** Each service its own process, from the modules' executable jars (built by the reactor before this module's tests). */
    static RunningSystem inProcesses(Path dataDir, int etaInstances, int notifierInstances) {
        return new RunningSystem(dataDir, config -> ProcessSystem.start(config, new ProcessSystem.Instances(
                java.util.stream.Stream.generate(FreePorts::next).limit(etaInstances).toList(),
                java.util.stream.Stream.generate(FreePorts::next).limit(notifierInstances).toList()), Path.of("..")));
    }

    /** The processes, to kill and restart services; only for a system started {@link #inProcesses}. */
    ProcessSystem processes() {
        return (ProcessSystem) system;
    }

    /** The text messages the local SMS provider received so far, to one phone. */
    List<String> smsTo(String phone) {
        return sms.received().stream().filter(message -> message.to().equals(phone)).map(message -> message.body()).toList();
    }

    /** One of the runner's generated secrets ({@link LocalSecrets}), e.g. the bootstrap administrator's password. */
    String secret(String name) {
        return secrets.get(name);
    }

    /** A new client credential (id and secret), issued by the bootstrap client. */
    JsonNode credential(Map<String, ?> request) {
        return post(bootstrap, "/api-clients", request);
    }

    String token(JsonNode credential) {
        return AccessTokens.clientCredentials(baseUrl, credential.get("clientId").asText(), credential.get("clientSecret").asText());
    }

    /** A hospital with a cardiology department (cabin C-101) and Dr. Asha Rao on shift all day, started. */
    Clinic openClinic() {
        String admin = token(credential(Map.of("kind", "INTEGRATION", "name", "Set-up", "roles", List.of("ADMIN"))));
        String hospitalId = post(admin, "/hospitals", Map.of("name", "City Hospital", "address", "1 MG Road, Bengaluru",
                "latitude", 12.9716, "longitude", 77.5946, "geofenceRadiusMeters", 200, "timezone", HOSPITAL_ZONE.getId()))
                .get("hospitalId").asText();
        String deptId = post(admin, "/hospitals/" + hospitalId + "/departments", Map.of("name", "Cardiology", "code", "CARD",
                "avgConsultationMinutes", 15, "bufferMinutes", 5, "maxTokensPerDay", 100, "colorCode", "#C0392B",
                "priorityLevel", 1)).get("deptId").asText();
        String cabinId = post(admin, "/departments/" + deptId + "/cabins", Map.of("cabinNumber", "C-101", "floorNumber", 1,
                "equipment", List.of("ECG"))).get("cabinId").asText();
        String doctorId = post(admin, "/hospitals/" + hospitalId + "/doctors", Map.of("empCode", "EMP-" + UUID.randomUUID(),
                "name", "Dr. Asha Rao", "specialization", "Cardiology", "primaryDeptId", deptId, "phone", "+919800000100",
                "email", UUID.randomUUID() + "@hospital.example", "avgConsultationMinutes", 12, "maxTokensPerSession", 30))
                .get("doctorId").asText();
        String shiftId = post(admin, "/shifts", Map.of("cabinId", cabinId, "doctorId", doctorId,
                "shiftDate", LocalDate.now(HOSPITAL_ZONE).toString(), "shiftStartTime", "00:00", "shiftEndTime", "23:59",
                "plannedTokens", 30)).get("assignmentId").asText();
        String desk = token(credential(Map.of("kind", "INTEGRATION", "name", "Front desk", "hospitalId", hospitalId,
                "roles", List.of("RECEPTIONIST", "NURSE"))));
        post(desk, "/shifts/" + shiftId + "/start", Map.of());
        String doctor = token(credential(Map.of("kind", "INTEGRATION", "name", "Dr. Rao's tablet", "hospitalId", hospitalId,
                "doctorId", doctorId, "roles", List.of("DOCTOR"))));
        return new Clinic(hospitalId, deptId, cabinId, doctorId, admin, desk, doctor);
    }

    /** The clinic's ids and its staff's access tokens. */
    final class Clinic {
        final String hospitalId;
        final String deptId;
        private final String cabinId;
        final String doctorId;
        private final String admin;
        final String desk;
        final String doctor;

        private Clinic(String hospitalId, String deptId, String cabinId, String doctorId, String admin, String desk,
                       String doctor) {
            this.hospitalId = hospitalId;
            this.deptId = deptId;
            this.cabinId = cabinId;
            this.doctorId = doctorId;
            this.admin = admin;
            this.desk = desk;
            this.doctor = doctor;
        }

        /** Registers a patient (UHID {@code UH-<random>}); the patient's id. */
        String patient(String name, String phone) {
            return post(desk, "/hospitals/" + hospitalId + "/patients", Map.of("uhid", "UH-" + UUID.randomUUID(),
                    "name", name, "phone", phone, "gender", "F", "dateOfBirth", "1980-01-01", "whatsappOptIn", false,
                    "smsOptIn", true)).get("patientId").asText();
        }

        /** Opens a staff account of the clinic's hospital, to sign in with in a browser (the password must be changed first). */
        void staffAccount(String email, String initialPassword, List<String> roles, String doctorIdOrNull) {
            Map<String, Object> account = new java.util.HashMap<>(Map.of("email", email, "displayName", email,
                    "initialPassword", initialPassword, "hospitalId", hospitalId, "roles", roles));
            if (doctorIdOrNull != null) {
                account.put("doctorId", doctorIdOrNull);
            }
            post(admin, "/staff-accounts", account);
        }

        /** Registers a patient and issues them a walk-in token for now; the token's id. */
        String token(String name, String phone) {
            String patientId = patient(name, phone);
            return post(desk, "/tokens", Map.of("patientId", patientId, "doctorId", doctorId, "bookingType", "WALK_IN",
                    "priority", 1, "scheduledTime", OffsetDateTime.now(HOSPITAL_ZONE).toString(), "visitReason", "Follow-up"))
                    .get("tokenId").asText();
        }

        /** Plans a shift of the doctor on that day from 09:00 to 13:00 (the hospital's time): slots to book ahead. */
        void morningShiftOn(LocalDate day) {
            post(admin, "/shifts", Map.of("cabinId", cabinId, "doctorId", doctorId, "shiftDate", day.toString(),
                    "shiftStartTime", "09:00", "shiftEndTime", "13:00", "plannedTokens", 16));
        }

        /** Checks the token in at the hospital and triages it: it waits in line. */
        void arrive(String tokenId) {
            post(desk, "/tokens/" + tokenId + "/check-in", Map.of("latitude", 12.9717, "longitude", 77.5947));
            post(desk, "/tokens/" + tokenId + "/wait", Map.of());
        }
    }

    /**
     * An alert raised on {@code opd.alerts} as the topology raises one: the eta-calculator records it, and the
     * dashboards hear of it through its announcement.
     */
    void raiseAlert(AlertType type, AlertSeverity severity, String deptId, String hospitalId, String message) {
        OperationsAlert alert = new OperationsAlert(OperationsAlert.SCHEMA_VERSION, UUID.randomUUID(), type, severity,
                "DEPARTMENT", UUID.fromString(deptId), UUID.fromString(deptId), UUID.fromString(hospitalId), message,
                Map.of(), false, java.time.Instant.now());
        try (KafkaProducer<String, OperationsAlert> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()),
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.key(), alert));
        }
    }

    /** An open alert of an entity of this system, recorded as the eta-calculator records it; its id. */
    String openAlert(String type, String severity, String entityType, String entityId, String message) {
        try (java.sql.Connection connection = database.connect(); java.sql.PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO system_alerts (alert_type, severity, entity_type, entity_id, message)
                VALUES (?, ?, ?, ?::uuid, ?) RETURNING alert_id::text""")) {
            insert.setString(1, type);
            insert.setString(2, severity);
            insert.setString(3, entityType);
            insert.setString(4, entityId);
            insert.setString(5, message);
            try (java.sql.ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status page link in the first SMS the phone got (the "token created" message), once it arrived. */
    String statusPageSentTo(String phone) {
        Pattern link = Pattern.compile(Pattern.quote(baseUrl + StatusLinks.PAGE_PATH) + "#[A-Za-z0-9_-]+");
        return await().atMost(Duration.ofSeconds(30)).until(() -> sms.received().stream()
                .filter(message -> message.to().equals(phone)).map(message -> link.matcher(message.body()))
                .filter(Matcher::find).map(Matcher::group).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** The waitlist offer page link in the first SMS to the phone that has one, once it arrived. */
    String offerPageSentTo(String phone) {
        Pattern link = Pattern.compile(Pattern.quote(baseUrl + OfferLinks.PAGE_PATH) + "#[A-Za-z0-9_-]+");
        return await().atMost(Duration.ofSeconds(60)).until(() -> sms.received().stream()
                .filter(message -> message.to().equals(phone)).map(message -> link.matcher(message.body()))
                .filter(Matcher::find).map(Matcher::group).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** GET of the API, failing unless it answered 2xx. */
    JsonNode get(String accessToken, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                    .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode post(String accessToken, String path, Map<String, ?> body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + accessToken)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST %s answered %s", path, response.body()).isBetween(200, 299);
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        system.close();
        sms.close();
        database.close();
    }
}
