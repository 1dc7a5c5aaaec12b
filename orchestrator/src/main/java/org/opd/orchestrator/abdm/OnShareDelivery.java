package org.opd.orchestrator.abdm;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.opd.orchestrator.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.client.HttpStatusCodeException;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

/**
 * Sends the on-share to the gateway once the share's transaction has committed, never from inside it:
 * a rolled-back share answers nothing, and the gateway is never kept waiting on the database nor the
 * database on the gateway. It goes on a thread of its own, so the share's 202 does not wait for it, and
 * is tried {@code attempts} times with doubling waits. Given up, it is counted and logged; the patient's
 * app then shows no token, the patient scans again, and the replayed share answers with the same token.
 * On-shares still waiting when the service stops are lost the same way.
 */
@Component
class OnShareDelivery {

    private static final Logger log = LoggerFactory.getLogger(OnShareDelivery.class);
    /** Refusals that a later attempt can overcome: an expired session, a timeout, a rate limit. */
    private static final Set<Integer> RETRYABLE_CLIENT_ERRORS = Set.of(401, 408, 429);

    private final AbdmGatewayClient gateway;
    private final AbdmProperties.Callbacks callbacks;
    private final RetryConfig retries;
    private final MeterRegistry meters;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "abdm-on-share");
        thread.setDaemon(true);
        return thread;
    });

    OnShareDelivery(AbdmGatewayClient gateway, AbdmProperties properties, MeterRegistry meters) {
        this.gateway = gateway;
        this.callbacks = properties.callbacks();
        this.meters = meters;
        this.retries = RetryConfig.custom()
                .maxAttempts(callbacks.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(callbacks.firstBackoff(), 2.0))
                .retryOnException(OnShareDelivery::retryable)
                .build();
    }

    /** Within the share's transaction: the on-share goes once it has committed (nothing when callbacks are off). */
    void afterCommit(OnShare answer, UUID tokenId) {
        if (!callbacks.enabled()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliver(answer, tokenId);
            }
        });
    }

    private void deliver(OnShare answer, UUID tokenId) {
        String shareId = answer.resp().requestId();
        Retry retry = Retry.of("abdm-on-share", retries);
        retry.getEventPublisher().onRetry(event -> {
            count("RETRIED");
            try (LogContext ignored = LogContext.token(tokenId, null)) {
                log.info("ABDM on-share {} for share {}: attempt {} failed ({}), next in {}", answer.requestId(), shareId,
                        event.getNumberOfRetryAttempts(), reason(event.getLastThrowable()), event.getWaitInterval());
            }
        });
        retry.executeCompletionStage(executor, () -> CompletableFuture.runAsync(() -> gateway.onShare(answer), executor))
                .whenComplete((done, failure) -> {
                    try (LogContext ignored = LogContext.token(tokenId, null)) {
                        if (failure == null) {
                            count("DELIVERED");
                            log.info("ABDM on-share {} for share {} delivered", answer.requestId(), shareId);
                        } else {
                            count("FAILED");
                            log.warn("ABDM on-share {} for share {} given up ({})", answer.requestId(), shareId, reason(failure));
                        }
                    }
                });
    }

    private void count(String outcome) {
        Counter.builder("opd.abdm.on-share-attempts")
                .description("Attempts at answering the ABDM gateway's profile shares: DELIVERED, "
                        + "RETRIED (failed, tried again), FAILED (given up)")
                .tag("outcome", outcome).register(meters).increment();
    }

    private static boolean retryable(Throwable failure) {
        Throwable cause = unwrapped(failure);
        return !(cause instanceof HttpStatusCodeException status && status.getStatusCode().is4xxClientError()
                && !RETRYABLE_CLIENT_ERRORS.contains(status.getStatusCode().value()));
    }

    /** The status or the kind of failure: an answer's body or message may echo what was sent. */
    private static String reason(Throwable failure) {
        Throwable cause = unwrapped(failure);
        return cause instanceof HttpStatusCodeException status ? "HTTP " + status.getStatusCode().value()
                : cause.getClass().getSimpleName();
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
