package org.opd.orchestrator.storage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code tokenStorage}: DOWN when this month's or next month's partition of
 * {@code tokens} is missing, that is when the maintenance has not run for weeks and tokens are
 * about to have nowhere to go.
 */
@Component("tokenStorage")
class TokenStorageHealthIndicator extends AbstractHealthIndicator {

    private final TokenPartitions partitions;
    private final Clock clock;

    TokenStorageHealthIndicator(TokenPartitions partitions, Clock clock) {
        super("Token partitions cannot be checked");
        this.partitions = partitions;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean thisMonth = partitions.exists(today);
        boolean nextMonth = partitions.exists(today.plusMonths(1));
        (thisMonth && nextMonth ? builder.up() : builder.down())
                .withDetail("thisMonth", thisMonth)
                .withDetail("nextMonth", nextMonth);
    }
}
