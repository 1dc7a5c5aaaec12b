package org.opd.orchestrator.identity.otp;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Deletes one-time code rows past their retention, every {@code clean-interval}. */
@Configuration(proxyBeanMethods = false)
class ExpiredOneTimeCodes implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpiredOneTimeCodes.class);

    private final OneTimeCodeRepository codes;
    private final OneTimeCodeProperties properties;
    private final Clock clock;

    ExpiredOneTimeCodes(OneTimeCodeRepository codes, OneTimeCodeProperties properties, Clock clock) {
        this.codes = codes;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::deleteExpired, properties.cleanInterval());
    }

    void deleteExpired() {
        int deleted = codes.deleteCreatedBefore(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.info("Deleted {} one-time codes older than {}", deleted, properties.retention());
        }
    }
}
