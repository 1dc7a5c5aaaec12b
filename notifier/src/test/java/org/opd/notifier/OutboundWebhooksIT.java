package org.opd.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.notifier.Hospital.Token;
import org.opd.notifier.webhook.Signatures;
import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.appointment.AppointmentEvent;
import org.opd.schemas.appointment.ReminderKind;
import org.opd.schemas.kafka.EventHeaders;
import org.opd.schemas.kafka.Topics;
import org.opd.schemas.token.TokenEvent;
import org.opd.testsupport.TestDatabase;
import org.opd.testsupport.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Outbound webhooks through the whole notifier: a hospital administrator subscribes over the API (a token of
 * a test issuer the service trusts), events go into a real (in-process KRaft) broker, the deliveries and their
 * attempts land in the local PostgreSQL, and a real HTTP receiver on the loopback interface (the JDK's server)
 * answers as a test tells it. Back-offs are short here: 100 ms doubling up to 400 ms, four attempts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + NotifierApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "opd.notifier.status-page-base-url=https://opd.example.org",
        "opd.notifier.listener.retry-initial-interval=50ms",
        "opd.notifier.listener.retry-max-interval=100ms",
        "opd.notifier.listener.max-retries=2",
        "opd.notifier.sms.account-sid=AC-webhooks-it",
        "opd.notifier.sms.auth-token=unused",
        "opd.notifier.sms.from-number=+15005550006",
        "opd.notifier.outbound-webhooks.max-attempts=4",
        "opd.notifier.outbound-webhooks.initial-backoff=100ms",
        "opd.notifier.outbound-webhooks.max-backoff=400ms",
        "opd.notifier.outbound-webhooks.poll-interval=100ms",
        "opd.notifier.outbound-webhooks.request-timeout=2s",
        "opd.notifier.outbound-webhooks.in-flight-timeout=10s",
        "opd.notifier.outbound-webhooks.allow-http-loopback=true"})
@EmbeddedKafka(kraft = true, count = 1)
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class OutboundWebhooksIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static final TestDatabase DATABASE = Hospital.migrated(TestDatabase.create());
    private static final Hospital HOSPITAL = Hospital.in(DATABASE);
    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final AtomicInteger PHONES = new AtomicInteger(500);

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("opd.notifier.otp.message-key", () -> Hospital.MESSAGE_KEY);
        registry.add("opd.notifier.status-link-key", () -> Hospital.STATUS_LINK_KEY);
        registry.add("opd.security.trusted-issuers", ISSUER::issuer);
    }

    @AfterAll
    static void closeExternalServices() {
        ISSUER.close();
        DATABASE.close();
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @LocalServerPort
    int port;

    private EventProducer producer;
    private Receiver receiver;

    @BeforeEach
    void start() {
        producer = new EventProducer(broker);
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        producer.close();
        receiver.close();
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsOneDeliveryMarkedDeliveredWithAVerifiableSignature() throws Exception {
        // Given a subscription to issued tokens whose receiver fails its next three calls
        JsonNode subscription = subscribe(receiver.url(), "TOKEN_ISSUED");
        String secret = subscription.path("secret").asText();
        receiver.failNext(3, 500);

        // When a token is issued
        Token token = HOSPITAL.tokenFor(phone(), false);
        TokenEvent issued = HOSPITAL.issued(token);
        publish(issued);

        // Then the delivery ends DELIVERED after four attempts: three failed ones logged with 500, then 200
        JsonNode delivery = awaitDelivery(subscription, "DELIVERED");
        assertThat(delivery.path("eventId").asText()).isEqualTo(issued.eventId().toString());
        assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
        JsonNode attempts = admin("GET", "/webhook-deliveries/" + delivery.path("deliveryId").asText(), null)
                .json().path("attempts");
        assertThat(attempts).extracting(a -> a.path("statusCode").asInt()).containsExactly(500, 500, 500, 200);
        assertThat(attempts.get(0).path("error").asText()).isEqualTo("Receiver answered HTTP 500");
        assertThat(attempts).allSatisfy(a -> assertThat(a.has("durationMs")).isTrue());

        // and the receiver saw four calls of the same event id, one of them answered 200
        assertThat(receiver.calls()).hasSize(4)
                .allSatisfy(call -> assertThat(call.header("OPD-Event-Id")).isEqualTo(issued.eventId().toString()));
        Call delivered = receiver.calls().get(3);

        // and its signature verifies with the secret over "timestamp.body", the timestamp close to now
        String signature = delivered.header("OPD-Signature");
        String timestamp = signature.substring(2, signature.indexOf(','));
        String v1 = signature.substring(signature.indexOf("v1=") + 3);
        assertThat(v1).isEqualTo(Signatures.hmacSha256Hex(secret,
                (timestamp + "." + delivered.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(60);
        assertThat(v1).isNotEqualTo(Signatures.hmacSha256Hex("whsec_wrong",
                (timestamp + "." + delivered.body()).getBytes(StandardCharsets.UTF_8)));

        // and the body carries the event's id, type, time, hospital and ids and states, no name or phone
        JsonNode body = JSON.readTree(delivered.body());
        assertThat(body.path("id").asText()).isEqualTo(issued.eventId().toString());
        assertThat(body.path("type").asText()).isEqualTo("TOKEN_ISSUED");
        assertThat(body.path("hospitalId").asText()).isEqualTo(HOSPITAL.hospitalId.toString());
        assertThat(Instant.parse(body.path("occurredAt").asText())).isEqualTo(issued.occurredAt());
        assertThat(body.path("data").path("tokenId").asText()).isEqualTo(token.tokenId().toString());
        assertThat(body.path("data").path("newStatus").asText()).isEqualTo("BOOKED");
        assertThat(delivered.body()).doesNotContain("Ravi Kumar", token.phone(), "priority");

        // and the metrics count the outcomes and time the receiver's answers
        String metrics = admin("GET", "/actuator/prometheus", null).body();
        assertThat(metrics).contains("opd_notifier_webhook_deliveries_total{outcome=\"delivered\"}",
                "opd_notifier_webhook_deliveries_total{outcome=\"retried\"}",
                "opd_notifier_webhook_latency_seconds_count{outcome=\"delivered\"}");
        JsonNode health = admin("GET", "/actuator/health", null).json();
        assertThat(health.path("components").path("webhookListeners").path("status").asText()).isEqualTo("UP");
        deactivate(subscription);
    }

    @Test
    void aDeliveryThatRanOutOfAttemptsIsFailedAndAnAdminReplayDeliversItOnceTheReceiverRecovers() throws Exception {
        // Given a subscription whose receiver is down for good
        JsonNode subscription = subscribe(receiver.url(), "TOKEN_ISSUED", "TOKEN_CANCELLED");
        receiver.failNext(Integer.MAX_VALUE, 503);

        // When a token is issued
        TokenEvent issued = HOSPITAL.issued(HOSPITAL.tokenFor(phone(), false));
        publish(issued);

        // Then after its four attempts the delivery is FAILED
        JsonNode failed = awaitDelivery(subscription, "FAILED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(4);
        assertThat(failed.path("lastError").asText()).isEqualTo("Receiver answered HTTP 503");
        assertThat(receiver.calls()).hasSize(4);

        // When the receiver recovers and an administrator replays the delivery
        receiver.failNext(0, 503);
        Response replay = admin("POST", "/webhook-deliveries/" + failed.path("deliveryId").asText() + "/replay", null);

        // Then a new delivery of the same event goes out once and is DELIVERED; the failed one stays FAILED
        assertThat(replay.status()).isEqualTo(201);
        String replayId = replay.json().path("deliveryId").asText();
        assertThat(replay.json().path("replayOf").asText()).isEqualTo(failed.path("deliveryId").asText());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(
                admin("GET", "/webhook-deliveries/" + replayId, null).json().path("delivery").path("status").asText())
                .isEqualTo("DELIVERED"));
        assertThat(receiver.calls()).hasSize(5);
        assertThat(receiver.calls().get(4).header("OPD-Event-Id")).isEqualTo(issued.eventId().toString());
        assertThat(admin("GET", "/webhook-deliveries/" + failed.path("deliveryId").asText(), null).json()
                .path("delivery").path("status").asText()).isEqualTo("FAILED");

        // and the failed delivery is not replayed twice, nor a delivered one at all
        Response again = admin("POST", "/webhook-deliveries/" + failed.path("deliveryId").asText() + "/replay", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(admin("POST", "/webhook-deliveries/" + replayId + "/replay", null).status()).isEqualTo(409);
        deactivate(subscription);
    }

    @Test
    void anEventReadTwiceIsDeliveredOnceAndOnlyToSubscriptionsOfItsType() throws Exception {
        // Given a subscription to issued tokens and one to alerts only
        JsonNode tokens = subscribe(receiver.url(), "TOKEN_ISSUED");
        try (Receiver alertsReceiver = new Receiver()) {
            JsonNode alerts = subscribe(alertsReceiver.url(), "ALERT_RAISED");

            // When the same token event arrives twice (at-least-once: what a consumer restarted before its offset
            // commit reads again), then another token's event on the same doctor's partition, then an alert
            TokenEvent issued = HOSPITAL.issued(HOSPITAL.tokenFor(phone(), false));
            publish(issued);
            publish(issued);
            TokenEvent next = HOSPITAL.issued(HOSPITAL.tokenFor(phone(), false));
            publish(next);
            OperationsAlert alert = new OperationsAlert(OperationsAlert.SCHEMA_VERSION, UUID.randomUUID(), AlertType.LONG_WAIT,
                    AlertSeverity.WARNING, "DEPARTMENT", HOSPITAL.deptId, HOSPITAL.deptId, HOSPITAL.hospitalId,
                    "Long waits in Cardiology", Map.of("waitingOverThreshold", 4), false, Instant.now());
            producer.send(Topics.ALERTS, alert.key(), alert);

            // Then, once the later event is delivered (so both copies were read), the first went out once
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(receiver.calls())
                    .anySatisfy(call -> assertThat(call.header("OPD-Event-Id")).isEqualTo(next.eventId().toString())));
            assertThat(admin("GET", deliveriesOf(tokens), null).json()).extracting(d -> d.path("eventId").asText())
                    .containsExactlyInAnyOrder(issued.eventId().toString(), next.eventId().toString());
            assertThat(receiver.calls()).extracting(call -> call.header("OPD-Event-Id"))
                    .containsExactlyInAnyOrder(issued.eventId().toString(), next.eventId().toString());

            // and the alerts' receiver gets the alert only, as ALERT_RAISED, without the alert's text
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(alertsReceiver.calls()).hasSize(1));
            JsonNode alertBody = JSON.readTree(alertsReceiver.calls().get(0).body());
            assertThat(alertBody.path("id").asText()).isEqualTo(alert.eventId().toString());
            assertThat(alertBody.path("type").asText()).isEqualTo("ALERT_RAISED");
            assertThat(alertBody.path("data").path("alertType").asText()).isEqualTo("LONG_WAIT");
            assertThat(alertBody.path("data").path("metadata").path("waitingOverThreshold").asInt()).isEqualTo(4);
            assertThat(alertsReceiver.calls().get(0).body()).doesNotContain("Long waits in Cardiology");
            deactivate(alerts);
        }
        deactivate(tokens);
    }

    @Test
    void aSubscriberOfAppointmentEventsReceivesTheWaitlistOfferWithIdsAndTimesOnly() throws Exception {
        // Given a hospital system subscribed to waitlist offers
        try (Receiver appointmentsReceiver = new Receiver()) {
            JsonNode subscription = subscribe(appointmentsReceiver.url(), "WAITLIST_OFFERED");

            // When a reminder (not asked for) and then a waitlist offer of the hospital's doctor are published
            Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
            Hospital.Appointment hold = HOSPITAL.appointmentFor(phone(), false, null, tomorrow, true);
            publish(HOSPITAL.reminderDue(hold, ReminderKind.DAY_BEFORE));
            AppointmentEvent offered = HOSPITAL.offered(hold);
            publish(offered);

            // Then it receives the offer alone, with ids and times but no visit reason or phone
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(appointmentsReceiver.calls()).hasSize(1));
            Call call = appointmentsReceiver.calls().get(0);
            assertThat(call.header("OPD-Event-Id")).isEqualTo(offered.eventId().toString());
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.path("type").asText()).isEqualTo("WAITLIST_OFFERED");
            assertThat(body.path("hospitalId").asText()).isEqualTo(HOSPITAL.hospitalId.toString());
            assertThat(body.path("data").path("appointmentId").asText()).isEqualTo(hold.appointmentId().toString());
            assertThat(body.path("data").path("waitlistEntryId").asText()).isEqualTo(offered.waitlistEntryId().toString());
            assertThat(Instant.parse(body.path("data").path("startsAt").asText())).isEqualTo(tomorrow);
            assertThat(call.body()).doesNotContain("Waitlist offer", hold.phone());
            awaitDelivery(subscription, "DELIVERED");
            deactivate(subscription);
        }
    }

    @Test
    void aConsumerThatRestartsFromTheOldestOffsetsSendsNothingTwice() throws Exception {
        // Given an issued token delivered to its subscriber
        JsonNode subscription = subscribe(receiver.url(), "TOKEN_ISSUED");
        TokenEvent issued = HOSPITAL.issued(HOSPITAL.tokenFor(phone(), false));
        publish(issued);
        awaitDelivery(subscription, "DELIVERED");

        // When the webhook consumers stop and start again from the oldest offsets, as after a crash before any commit
        // (every consumer of the group: it has to be empty for its offsets to be moved)
        List<MessageListenerContainer> containers = List.of(listeners.getListenerContainer("webhook-token-events"),
                listeners.getListenerContainer("webhook-alerts"), listeners.getListenerContainer("webhook-appointment-events"));
        containers.forEach(MessageListenerContainer::stop);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> oldest = new java.util.HashMap<>();
            for (int partition = 0; partition < Topics.TOKEN_EVENTS.partitions(); partition++) {
                oldest.put(new TopicPartition(Topics.TOKEN_EVENTS.name(), partition), new OffsetAndMetadata(0));
            }
            // The group is empty once the stopped members have left it.
            await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() ->
                    admin.alterConsumerGroupOffsets("opd-webhooks", oldest).all().get());
            containers.forEach(MessageListenerContainer::start);

            // Then, once the consumer has read every token event again (its commits reach the end of each partition),
            // the event still has one delivery and the receiver one call
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            oldest.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            await().atMost(DEADLINE).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets("opd-webhooks").partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> assertThat(committed.get(partition)).as(partition.toString())
                        .isNotNull().extracting(OffsetAndMetadata::offset).isEqualTo(end));
            });
        }
        assertThat(admin("GET", deliveriesOf(subscription), null).json()).hasSize(1);
        assertThat(receiver.calls()).hasSize(1);
        deactivate(subscription);
    }

    @Test
    void refusesBadSubscriptionsAsProblemsNamingTheField() throws Exception {
        // A plain-http target off this machine
        Response http = admin("POST", "/webhook-subscriptions",
                Map.of("targetUrl", "http://his.example.org/hooks", "eventTypes", List.of("TOKEN_ISSUED")));
        assertThat(http.status()).isEqualTo(400);
        assertThat(http.contentType()).startsWith("application/problem+json");
        assertThat(http.json().path("errors").get(0).path("field").asText()).isEqualTo("targetUrl");

        // An event type no topic carries
        Response unknown = admin("POST", "/webhook-subscriptions",
                Map.of("targetUrl", "https://his.example.org/hooks", "eventTypes", List.of("TOKEN_ISSUED", "PATIENT_DIED")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("eventTypes[1]");

        // No event types, no URL
        Response empty = admin("POST", "/webhook-subscriptions", Map.of("eventTypes", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("targetUrl", "eventTypes");

        // Credentials in the URL, and a body that is not JSON
        assertThat(admin("POST", "/webhook-subscriptions", Map.of("targetUrl", "https://user:pw@his.example.org/",
                "eventTypes", List.of("TOKEN_ISSUED"))).json().path("errors").get(0).path("field").asText())
                .isEqualTo("targetUrl");
        assertThat(call("POST", "/webhook-subscriptions", adminToken(), "{not json").status()).isEqualTo(400);

        // Not an administrator, or another hospital's: 403 problems
        Response receptionist = call("POST", "/webhook-subscriptions", ISSUER.token().roles("RECEPTIONIST")
                .hospitalId(HOSPITAL.hospitalId).sign(), JSON.writeValueAsString(Map.of("targetUrl", receiver.url(),
                "eventTypes", List.of("TOKEN_ISSUED"))));
        assertThat(receptionist.status()).isEqualTo(403);
        assertThat(receptionist.contentType()).startsWith("application/problem+json");
        assertThat(call("GET", "/webhook-subscriptions", ISSUER.token().roles("ADMIN").hospitalId(UUID.randomUUID()).sign(),
                null).status()).isEqualTo(403);
        assertThat(call("GET", "/webhook-subscriptions", null, null).status()).isEqualTo(401);

        // A query parameter out of range, and a status that does not exist
        String deliveries = "/webhook-subscriptions/" + UUID.randomUUID() + "/deliveries";
        Response limit = admin("GET", deliveries + "?limit=0", null);
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().path("errors").get(0).path("field").asText()).isEqualTo("limit");
        assertThat(admin("GET", deliveries + "?status=LOST", null).status()).isEqualTo(400);
        assertThat(admin("GET", deliveries, null).status()).isEqualTo(404);

        // and none of the refused ones was stored; a listed subscription never shows its secret
        JsonNode listed = admin("GET", "/webhook-subscriptions", null).json();
        assertThat(listed).noneSatisfy(s -> assertThat(s.path("targetUrl").asText()).contains("his.example.org"));
        assertThat(listed).allSatisfy(s -> assertThat(s.has("secret")).isFalse());
    }

    @Test
    void theApiIsInTheNotifiersOpenApiDocument() throws Exception {
        JsonNode paths = call("GET", "/v3/api-docs", null, null).json().path("paths");

        assertThat(paths.has("/api/v1/hospitals/{hospitalId}/webhook-subscriptions")).isTrue();
        assertThat(paths.has("/api/v1/hospitals/{hospitalId}/webhook-deliveries/{deliveryId}/replay")).isTrue();
        assertThat(paths.path("/api/v1/hospitals/{hospitalId}/webhook-subscriptions").path("post").path("parameters"))
                .noneSatisfy(p -> assertThat(p.path("name").asText()).isEqualTo("caller"));
    }

    // --- helpers ---

    private JsonNode subscribe(String url, String... eventTypes) throws Exception {
        Response created = admin("POST", "/webhook-subscriptions",
                Map.of("targetUrl", url, "eventTypes", List.of(eventTypes), "description", "HIS test receiver"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("secret").asText()).startsWith("whsec_");
        return created.json();
    }

    /** Switched off so that later tests' events do not go to this test's closed receiver. */
    private void deactivate(JsonNode subscription) throws Exception {
        Response changed = admin("PATCH", "/webhook-subscriptions/" + subscription.path("subscriptionId").asText(),
                Map.of("active", false));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("active").asBoolean()).isFalse();
    }

    private JsonNode awaitDelivery(JsonNode subscription, String status) {
        return await().atMost(DEADLINE).until(() -> admin("GET", deliveriesOf(subscription) + "?status=" + status, null).json(),
                list -> list.size() == 1).get(0);
    }

    private static String deliveriesOf(JsonNode subscription) {
        return "/webhook-subscriptions/" + subscription.path("subscriptionId").asText() + "/deliveries";
    }

    private void publish(TokenEvent event) throws Exception {
        ProducerRecord<String, byte[]> record = EventProducer.record(Topics.TOKEN_EVENTS, event.doctorId().toString(), event);
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    private void publish(AppointmentEvent event) throws Exception {
        producer.send(Topics.APPOINTMENT_EVENTS, event.doctorId().toString(), event);
    }

    private static String adminToken() {
        return ISSUER.token().roles("ADMIN").hospitalId(HOSPITAL.hospitalId).sign();
    }

    /** A call by an administrator of the hospital; paths under the hospital, or /actuator/… as they are. */
    private Response admin(String method, String path, Object body) throws Exception {
        return call(method, path, adminToken(), body == null ? null : JSON.writeValueAsString(body));
    }

    private Response call(String method, String path, String accessToken, String body) throws Exception {
        String url = "http://127.0.0.1:" + port + (path.startsWith("/actuator") || path.startsWith("/v3/")
                ? path : "/api/v1/hospitals/" + HOSPITAL.hospitalId + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static String phone() {
        return "+9197000" + PHONES.incrementAndGet() + "00";
    }

    private record Response(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private record Call(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A hospital system's endpoint on the loopback interface: records every call, fails the next n with a status. */
    private static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final List<Call> calls = new CopyOnWriteArrayList<>();
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private volatile int failureStatus = 500;

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/hooks", exchange -> {
                try (exchange) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    calls.add(new Call(Map.copyOf(exchange.getRequestHeaders()), body));
                    boolean fail = failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
                    exchange.sendResponseHeaders(fail ? failureStatus : 200, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        void failNext(int times, int status) {
            failureStatus = status;
            failuresLeft.set(times);
        }

        List<Call> calls() {
            return List.copyOf(calls);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
