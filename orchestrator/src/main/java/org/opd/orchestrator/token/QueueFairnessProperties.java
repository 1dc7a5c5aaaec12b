package org.opd.orchestrator.token;

import java.time.Duration;

import org.opd.schemas.token.PriorityHeadStart;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The fairness bound of the call order ({@code opd.orchestrator.queue-fairness.*}): how long after a
 * normal token checked in a later senior or emergency may still go ahead of it.
 */
@Validated
@ConfigurationProperties("opd.orchestrator.queue-fairness")
public record QueueFairnessProperties(@NotNull Duration seniorHeadStart, @NotNull Duration emergencyHeadStart) {

    public PriorityHeadStart headStart() {
        return new PriorityHeadStart(seniorHeadStart, emergencyHeadStart);
    }
}
