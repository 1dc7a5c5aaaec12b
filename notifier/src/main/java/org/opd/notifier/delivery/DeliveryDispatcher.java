package org.opd.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opd.notifier.channel.Channel;
import org.opd.notifier.channel.ChannelSender;
import org.opd.notifier.channel.OutgoingMessage;
import org.opd.notifier.channel.ProviderGuard;
import org.opd.notifier.channel.SendException;
import org.opd.notifier.delivery.SendContexts.SendContext;
import org.opd.notifier.template.MessageTemplates;
import org.opd.schemas.identity.OneTimeCodeSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Makes one attempt at one claimed row: checks that the message is still relevant, asks the
 * provider's guard (rate limit, circuit breaker), sends, and records the outcome: SENT, a retry
 * after back-off, or FAILED, in which case a WhatsApp message falls back to SMS.
 *
 * <p>A sign-in code is about no token: it goes while it has not expired (a retry included), to the
 * phone the patient has now, with the code opened from its seal only for the provider's request.
 */
final class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final NotificationLog notificationLog;
    private final SendContexts sendContexts;
    private final Map<Channel, ChannelSender> senders;
    private final Map<Channel, ProviderGuard> guards;
    private final RetryPolicy retryPolicy;
    private final DeliveryMetrics metrics;
    private final OneTimeCodeSeal seal;
    private final Clock clock;

    DeliveryDispatcher(NotificationLog notificationLog, SendContexts sendContexts, Map<Channel, ChannelSender> senders,
            Map<Channel, ProviderGuard> guards, RetryPolicy retryPolicy, DeliveryMetrics metrics, OneTimeCodeSeal seal,
            Clock clock) {
        this.notificationLog = notificationLog;
        this.sendContexts = sendContexts;
        this.senders = senders;
        this.guards = guards;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.seal = seal;
        this.clock = clock;
    }

    /** The channels whose provider's circuit holds every message back at the moment. */
    Set<Channel> channelsHeldBack() {
        Set<Channel> held = EnumSet.noneOf(Channel.class);
        guards.forEach((channel, guard) -> {
            if (guard.holdsBack()) {
                held.add(channel);
            }
        });
        return held;
    }

    void attempt(ClaimedNotification row) {
        try (var notificationId = MDC.putCloseable("notificationId", row.notificationId().toString());
             var tokenId = MDC.putCloseable("tokenId", String.valueOf(row.tokenId()))) {
            if (row.appointmentId() != null) {
                attemptAppointmentMessage(row);
                return;
            }
            if (row.tokenId() == null) {
                attemptSignInCode(row);
                return;
            }
            Optional<SendContext> context = sendContexts.find(row.tokenId());
            if (context.isEmpty()) {
                notificationLog.markNotSent(row.notificationId(), "Not sent: the token is no longer in the database");
                return;
            }
            Optional<String> irrelevant = Relevance.whyNotSend(row.type(), context.get().status(), context.get().called());
            if (irrelevant.isPresent()) {
                log.info("{} {} not sent: {}", row.type(), row.channel(), irrelevant.get());
                notificationLog.markNotSent(row.notificationId(), irrelevant.get());
                metrics.skipped(row.channel());
                return;
            }
            ChannelSender sender = senders.get(row.channel());
            String address = row.channel() == Channel.PUSH ? context.get().fcmToken() : row.phoneNumber();
            if (sender == null || address == null || address.isBlank()) {
                markUnaddressable(row, sender);
                fallBack(row);
                return;
            }
            send(row, sender, new OutgoingMessage(row.notificationId(), context.get().tokenNumber(), address,
                    row.message()));
        }
    }

    /** An offer or a reminder goes by text (WhatsApp or SMS) while the appointment is still where the message says. */
    private void attemptAppointmentMessage(ClaimedNotification row) {
        if (!sendContexts.appointmentMessageRelevant(row.appointmentId(), row.type())) {
            log.info("{} {} of appointment {} not sent: no longer relevant", row.type(), row.channel(), row.appointmentId());
            notificationLog.markNotSent(row.notificationId(), "Not sent: no longer relevant, the appointment moved on");
            metrics.skipped(row.channel());
            return;
        }
        ChannelSender sender = senders.get(row.channel());
        if (sender == null || row.phoneNumber() == null || row.phoneNumber().isBlank()) {
            markUnaddressable(row, sender);
            fallBack(row);
            return;
        }
        send(row, sender, new OutgoingMessage(row.notificationId(), null, row.phoneNumber(), row.message()));
    }

    private void attemptSignInCode(ClaimedNotification row) {
        if (row.expiresAt() == null || !clock.instant().isBefore(row.expiresAt())) {
            log.info("{} not sent: the code expired", row.type());
            notificationLog.markNotSent(row.notificationId(), "Not sent: the code expired");
            metrics.skipped(row.channel());
            return;
        }
        ChannelSender sender = senders.get(row.channel());
        Optional<String> phone = sendContexts.phoneOf(row.patientId()).filter(number -> !number.isBlank());
        if (sender == null || phone.isEmpty()) {
            markUnaddressable(row, sender);
            return;
        }
        String text;
        try {
            text = MessageTemplates.revealCode(row.message(), seal.unseal(row.sealedCode(), row.patientId()));
        } catch (IllegalArgumentException e) {
            // Another key than the orchestrator's, or altered: retrying would not help.
            log.error("{} not sent: {}", row.type(), e.getMessage());
            notificationLog.markNotSent(row.notificationId(), "Not sent: the sealed code does not open");
            metrics.failed(row.channel());
            return;
        }
        send(row, sender, new OutgoingMessage(row.notificationId(), null, phone.get(), text));
    }

    /** The send, whose unexpected failure (a fault of ours, not the provider's) still ends the guard's admission. */
    private static String sendJudged(ChannelSender sender, OutgoingMessage message, ProviderGuard guard) throws SendException {
        try {
            return sender.send(message);
        } catch (RuntimeException e) {
            guard.abandoned();
            throw e;
        }
    }

    private void send(ClaimedNotification row, ChannelSender sender, OutgoingMessage message) {
        ProviderGuard guard = guards.get(row.channel());
        Optional<Instant> later = guard.admit();
        if (later.isPresent()) {
            log.debug("{} {} held back by the provider's rate limit or open circuit until {}", row.type(),
                    row.channel(), later.get());
            notificationLog.postpone(row.notificationId(), Duration.between(clock.instant(), later.get()));
            return;
        }
        long start = System.nanoTime();
        try {
            String externalId = sendJudged(sender, message, guard);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            guard.succeeded();
            notificationLog.markSent(row.notificationId(), externalId);
            metrics.sent(row.channel(), took);
            log.info("{} {} sent, provider id {}", row.type(), row.channel(), externalId);
        } catch (SendException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            guard.failed(e);
            int failedAttempts = row.failedAttempts() + 1;
            Optional<Duration> retryIn = e.retryable() ? retryPolicy.nextDelay(failedAttempts, e.retryAfter())
                    : Optional.empty();
            if (retryIn.isPresent()) {
                notificationLog.scheduleRetry(row.notificationId(), e.getMessage(), retryIn.get());
                metrics.retried(row.channel(), took);
                log.warn("{} {} attempt {} failed ({}); retry in {} ms", row.type(), row.channel(), failedAttempts,
                        e.summary(), retryIn.get().toMillis());
                return;
            }
            notificationLog.markFailed(row.notificationId(), e.getMessage());
            metrics.failed(row.channel(), took);
            log.warn("{} {} failed after {} attempt(s): {}", row.type(), row.channel(), failedAttempts, e.summary());
            fallBack(row);
        }
    }

    private void markUnaddressable(ClaimedNotification row, ChannelSender sender) {
        notificationLog.markNotSent(row.notificationId(), sender == null
                ? "Not sent: the " + row.channel() + " channel is not configured"
                : "Not sent: no " + row.channel() + " address for the patient");
        metrics.failed(row.channel());
    }

    /** A WhatsApp message that cannot go becomes an SMS, due now; the delivery loop picks it up. */
    private void fallBack(ClaimedNotification row) {
        if (row.channel() == Channel.WHATSAPP) {
            notificationLog.fallBackToSms(row.notificationId())
                    .ifPresent(id -> log.info("{} falls back from WhatsApp to SMS", row.type()));
        }
    }
}
