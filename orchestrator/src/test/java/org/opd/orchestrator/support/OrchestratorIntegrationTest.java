package org.opd.orchestrator.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opd.orchestrator.OrchestratorApplication;
import org.opd.testsupport.LocalAbdmGatewayServer;
import org.opd.testsupport.LocalRazorpayServer;
import org.opd.testsupport.LocalWhatsAppServer;
import org.opd.testsupport.TestIssuer;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.opd.schemas.status.StatusLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import redis.clients.jedis.JedisPooled;

/**
 * The orchestrator as it runs: a real HTTP port, the shared test database migrated by Flyway at
 * start, and the local Redis (orchestrator.yml's default, or OPD_ORCHESTRATOR_REDIS_HOST/PORT). All integration tests extend it and so share one Spring context.
 */
@ExtendWith(SharedDatabase.class)
// Without it, Spring Boot tests switch metrics export (and so /actuator/prometheus) off.
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + OrchestratorApplication.CONFIG_NAME,
        "opd.orchestrator.identity.issuer=" + OrchestratorIntegrationTest.ISSUER,
        "opd.orchestrator.identity.secret-key=integration-tests-secret-key-0123456789",
        "opd.orchestrator.identity.access-token-lifetime=1h",
        "opd.orchestrator.identity.bootstrap.client-id=" + TestCallers.BOOTSTRAP_CLIENT_ID,
        "opd.orchestrator.identity.bootstrap.client-secret=" + TestCallers.BOOTSTRAP_CLIENT_SECRET,
        "opd.orchestrator.identity.bootstrap.admin-email=" + OrchestratorIntegrationTest.ADMIN_EMAIL,
        "opd.orchestrator.identity.bootstrap.admin-password=" + OrchestratorIntegrationTest.ADMIN_PASSWORD,
        "opd.orchestrator.identity.console-redirect-uris=" + OrchestratorIntegrationTest.CONSOLE_REDIRECT,
        "opd.orchestrator.identity.console-client-secret=" + OrchestratorIntegrationTest.CONSOLE_SECRET,
        // The waitlist tests offer freed slots themselves: no scheduled run takes an opening from under them.
        "opd.orchestrator.booking.waitlist-offer-interval=1h"})
public abstract class OrchestratorIntegrationTest {

    /** The {@code iss} of the tests' tokens; an identifier, not fetched by anyone. */
    public static final String ISSUER = "http://orchestrator.test";
    public static final String ADMIN_EMAIL = "admin@hospital.test";
    public static final String ADMIN_PASSWORD = "first-start-password";
    public static final String CONSOLE_REDIRECT = "http://127.0.0.1/console/signed-in";
    public static final String CONSOLE_SECRET = "console-secret-for-integration-tests";

    /** A hospital's own identity provider, independent of the embedded issuer, trusted by configuration. */
    protected static final TestIssuer HOSPITAL_IDP = TestIssuer.start();

    /** The ABDM gateway: its own key set on loopback, trusted only for the Scan & Share callback, and its client id. */
    protected static final TestIssuer ABDM_GATEWAY = TestIssuer.start();
    protected static final String ABDM_GATEWAY_CLIENT = "abdm-gateway";
    /** The gateway's API the facility answers shares on (sessions, on-share), with the facility's client and the consent manager id. */
    protected static final String ABDM_CM_ID = "sbx";
    protected static final LocalAbdmGatewayServer ABDM_GATEWAY_API = new LocalAbdmGatewayServer("facility-client",
            "facility-secret", ABDM_CM_ID);

    /** Razorpay's Payment Links API on loopback, with the keys and webhook secret the orchestrator is given. */
    protected static final String RAZORPAY_KEY_ID = "rzp_test_integration";
    protected static final String RAZORPAY_WEBHOOK_SECRET = "webhook-secret-for-integration-tests";
    protected static final LocalRazorpayServer RAZORPAY = new LocalRazorpayServer(RAZORPAY_KEY_ID, "razorpay-key-secret");

    /** The WhatsApp Cloud API on loopback, for every booking number, with the Meta app the assistant is given. */
    protected static final String WHATSAPP_API_VERSION = "v21.0";
    protected static final String WHATSAPP_ACCESS_TOKEN = "whatsapp-access-token";
    protected static final String WHATSAPP_APP_SECRET = "whatsapp-app-secret-for-integration-tests";
    protected static final String WHATSAPP_VERIFY_TOKEN = "whatsapp-verify-token";
    protected static final LocalWhatsAppServer WHATSAPP = LocalWhatsAppServer.anyNumber(WHATSAPP_API_VERSION, WHATSAPP_ACCESS_TOKEN);

    @Autowired
    protected TestRestTemplate rest;

    /** Reads what the orchestrator wrote, as the other services would see it. */
    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JedisPooled redis;

    protected Api api;

    /** The sign-in code keys of this test run (from the environment in production), the same for every context. */
    protected static final String OTP_HASH_KEY = OneTimeCodeSeal.newKey();
    protected static final String OTP_MESSAGE_KEY = OneTimeCodeSeal.newKey();
    /** The status links' key of this test run (the notifier's too, in production). */
    protected static final String STATUS_LINK_KEY = StatusLinks.newKey();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedDatabase.database().jdbcUrl());
        registry.add("spring.datasource.username", () -> SharedDatabase.database().user());
        registry.add("spring.datasource.password", () -> SharedDatabase.database().password());
        registry.add("opd.security.trusted-issuers", HOSPITAL_IDP::issuer);
        registry.add("opd.orchestrator.otp.hash-key", () -> OTP_HASH_KEY);
        registry.add("opd.orchestrator.otp.message-key", () -> OTP_MESSAGE_KEY);
        registry.add("opd.orchestrator.status-links.key", () -> STATUS_LINK_KEY);
        registry.add("opd.orchestrator.booking.razorpay.base-url", RAZORPAY::baseUrl);
        registry.add("opd.orchestrator.booking.razorpay.key-id", () -> RAZORPAY_KEY_ID);
        registry.add("opd.orchestrator.booking.razorpay.key-secret", () -> "razorpay-key-secret");
        registry.add("opd.orchestrator.booking.razorpay.webhook-secret", () -> RAZORPAY_WEBHOOK_SECRET);
        registry.add("opd.orchestrator.assistant.enabled", () -> "true");
        registry.add("opd.orchestrator.assistant.base-url", WHATSAPP::baseUrl);
        registry.add("opd.orchestrator.assistant.api-version", () -> WHATSAPP_API_VERSION);
        registry.add("opd.orchestrator.assistant.access-token", () -> WHATSAPP_ACCESS_TOKEN);
        registry.add("opd.orchestrator.assistant.app-secret", () -> WHATSAPP_APP_SECRET);
        registry.add("opd.orchestrator.assistant.verify-token", () -> WHATSAPP_VERIFY_TOKEN);
        registry.add("opd.orchestrator.abdm.gateway-jwks-uri", () -> ABDM_GATEWAY.issuer() + "/jwks");
        registry.add("opd.orchestrator.abdm.gateway-issuer", ABDM_GATEWAY::issuer);
        registry.add("opd.orchestrator.abdm.client-id", () -> ABDM_GATEWAY_CLIENT);
        registry.add("opd.orchestrator.abdm.callbacks.gateway-url", ABDM_GATEWAY_API::baseUrl);
        registry.add("opd.orchestrator.abdm.callbacks.client-id", () -> "facility-client");
        registry.add("opd.orchestrator.abdm.callbacks.client-secret", () -> "facility-secret");
        registry.add("opd.orchestrator.abdm.callbacks.cm-id", () -> ABDM_CM_ID);
        registry.add("opd.orchestrator.abdm.callbacks.first-backoff", () -> "100ms");
    }

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    /** The metrics as a scraper with an operations credential reads them. */
    protected String prometheus() {
        return rest.exchange("/actuator/prometheus", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(TestCallers.bearer(api.callers().hospitalStaff())), String.class).getBody();
    }
}
