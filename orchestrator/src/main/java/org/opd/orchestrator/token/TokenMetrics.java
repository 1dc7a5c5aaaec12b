package org.opd.orchestrator.token;

import org.opd.schemas.token.TokenEventType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts, once committed: accepted token changes by type ({@code opd_token_transitions_total{type}}) and
 * reorders of a line by reason ({@code opd_queue_reorders_total{reason}}).
 */
@Component
class TokenMetrics {

    private final MeterRegistry registry;

    TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void countWhenCommitted(TokenEventType type) {
        Counter counter = Counter.builder("opd.token.transitions")
                .description("Accepted token changes, by event type")
                .tag("type", type.name())
                .register(registry);
        incrementWhenCommitted(counter);
    }

    void countWhenCommitted(ReorderReason reason) {
        incrementWhenCommitted(Counter.builder("opd.queue.reorders")
                .description("Changes that put a token ahead of others waiting, by reason")
                .tag("reason", reason.name())
                .register(registry));
    }

    private static void incrementWhenCommitted(Counter counter) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
