package org.opd.orchestrator.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opd.orchestrator.OrchestratorApplication;
import org.opd.schemas.identity.OneTimeCodeSeal;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + OrchestratorApplication.CONFIG_NAME)
public abstract class OrchestratorIntegrationTest {

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

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedDatabase.database().jdbcUrl());
        registry.add("spring.datasource.username", () -> SharedDatabase.database().user());
        registry.add("spring.datasource.password", () -> SharedDatabase.database().password());
        registry.add("opd.orchestrator.otp.hash-key", () -> OTP_HASH_KEY);
        registry.add("opd.orchestrator.otp.message-key", () -> OTP_MESSAGE_KEY);
    }

    @BeforeEach
    void api() {
        api = new Api(rest);
    }
}
