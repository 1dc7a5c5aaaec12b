package org.opd.orchestrator.idempotency;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Deletes idempotency keys past their retention, every {@code clean-interval}. */
@Configuration(proxyBeanMethods = false)
class ExpiredKeys implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeys.class);

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;
    private final Clock clock;

    ExpiredKeys(IdempotencyKeys keys, IdempotencyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::forgetExpired, properties.cleanInterval());
    }

    void forgetExpired() {
        int forgotten = keys.forgetUsedBefore(clock.instant().minus(properties.retention()));
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys older than {}", forgotten, properties.retention());
        }
    }
}
