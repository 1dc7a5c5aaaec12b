package org.opd.orchestrator.assistant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** How the assistant is used: conversations started, and those that ended with a booking. Counted once committed. */
@Component
class AssistantMetrics {

    private final Counter started;
    private final Counter booked;

    AssistantMetrics(MeterRegistry registry) {
        started = Counter.builder("opd.assistant.conversations.started")
                .description("WhatsApp booking conversations started (a first message, or one after the last ended)")
                .register(registry);
        booked = Counter.builder("opd.assistant.conversations.booked")
                .description("Appointments the WhatsApp assistant booked for good (free, or paid)")
                .register(registry);
    }

    void started() {
        whenCommitted(started);
    }

    void booked() {
        whenCommitted(booked);
    }

    private static void whenCommitted(Counter counter) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
