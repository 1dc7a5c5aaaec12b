package org.opd.notifier.outbound;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opd.notifier.outbound.SubscriptionRequests.NewSubscription;
import org.opd.notifier.outbound.SubscriptionRequests.SubscriptionChange;
import org.opd.notifier.outbound.WebhookDeliveries.AttemptView;
import org.opd.notifier.outbound.WebhookDeliveries.DeliveryView;
import org.opd.notifier.outbound.WebhookSubscriptions.Subscription;
import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.opd.security.PermissionDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A hospital's webhook subscriptions, their deliveries and the replay of a failed one; for administrators of
 * that hospital (role ADMIN with its hospital claim, or without one). Nothing here calls a receiver: a
 * replay only writes a new PENDING delivery, which the delivery loop sends.
 */
@RestController
@RequestMapping("/api/v1/hospitals/{hospitalId}")
class WebhookSubscriptionsController {

    private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptionsController.class);
    private static final int MAX_LISTED = 200;

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookDeliveryLoop loop;
    private final SubscriptionInput input;

    WebhookSubscriptionsController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
                                   WebhookDeliveryLoop loop, OutboundWebhookProperties settings) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.loop = loop;
        this.input = new SubscriptionInput(settings.allowHttpLoopback());
    }

    @PostMapping("/webhook-subscriptions")
    ResponseEntity<CreatedSubscription> create(@PathVariable UUID hospitalId, @Valid @RequestBody NewSubscription body,
                                               Caller caller) {
        requireAdmin(caller, hospitalId);
        URI target = input.targetUrl(body.targetUrl());
        List<String> types = input.eventTypes(body.eventTypes());
        if (!subscriptions.hospitalExists(hospitalId)) {
            throw WebhookProblem.notFound("Hospital " + hospitalId);
        }
        String secret = WebhookSignature.newSecret();
        Subscription created = subscriptions.create(hospitalId, target, types, body.description(),
                body.active() == null || body.active(), secret, caller.subject());
        log.info("Webhook subscription {} of hospital {} created by {} for {}", created.subscriptionId(), hospitalId,
                caller.subject(), types);
        return ResponseEntity.created(URI.create("/api/v1/hospitals/" + hospitalId + "/webhook-subscriptions/"
                + created.subscriptionId())).body(CreatedSubscription.of(created, secret));
    }

    @GetMapping("/webhook-subscriptions")
    List<Subscription> list(@PathVariable UUID hospitalId, Caller caller) {
        requireAdmin(caller, hospitalId);
        return subscriptions.ofHospital(hospitalId);
    }

    @GetMapping("/webhook-subscriptions/{subscriptionId}")
    Subscription get(@PathVariable UUID hospitalId, @PathVariable UUID subscriptionId, Caller caller) {
        requireAdmin(caller, hospitalId);
        return subscription(hospitalId, subscriptionId);
    }

    @PatchMapping("/webhook-subscriptions/{subscriptionId}")
    Subscription change(@PathVariable UUID hospitalId, @PathVariable UUID subscriptionId,
                        @Valid @RequestBody SubscriptionChange body, Caller caller) {
        requireAdmin(caller, hospitalId);
        URI target = body.targetUrl() == null ? null : input.targetUrl(body.targetUrl());
        List<String> types = body.eventTypes() == null ? null : input.eventTypes(body.eventTypes());
        Subscription changed = subscriptions.update(hospitalId, subscriptionId, target, types, body.description(), body.active())
                .orElseThrow(() -> WebhookProblem.notFound("Webhook subscription " + subscriptionId));
        log.info("Webhook subscription {} of hospital {} changed by {}", subscriptionId, hospitalId, caller.subject());
        return changed;
    }

    @GetMapping("/webhook-subscriptions/{subscriptionId}/deliveries")
    List<DeliveryView> deliveries(@PathVariable UUID hospitalId, @PathVariable UUID subscriptionId,
                                  @RequestParam(required = false) DeliveryStatus status,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LISTED) int limit, Caller caller) {
        requireAdmin(caller, hospitalId);
        subscription(hospitalId, subscriptionId);
        return deliveries.ofSubscription(subscriptionId, status, limit);
    }

    @GetMapping("/webhook-deliveries/{deliveryId}")
    DeliveryDetail delivery(@PathVariable UUID hospitalId, @PathVariable UUID deliveryId, Caller caller) {
        requireAdmin(caller, hospitalId);
        DeliveryView delivery = deliveries.find(hospitalId, deliveryId)
                .orElseThrow(() -> WebhookProblem.notFound("Webhook delivery " + deliveryId));
        return new DeliveryDetail(delivery, deliveries.attempts(deliveryId));
    }

    /** A new delivery of a FAILED one's event (same event id and body), sent by the delivery loop. */
    @PostMapping("/webhook-deliveries/{deliveryId}/replay")
    ResponseEntity<DeliveryView> replay(@PathVariable UUID hospitalId, @PathVariable UUID deliveryId, Caller caller) {
        requireAdmin(caller, hospitalId);
        DeliveryView failed = deliveries.find(hospitalId, deliveryId)
                .orElseThrow(() -> WebhookProblem.notFound("Webhook delivery " + deliveryId));
        if (failed.status() != DeliveryStatus.FAILED) {
            throw WebhookProblem.conflict("Only a FAILED delivery is replayed; this one is " + failed.status());
        }
        if (!subscription(hospitalId, failed.subscriptionId()).active()) {
            throw WebhookProblem.conflict("Subscription " + failed.subscriptionId() + " is inactive; activate it first");
        }
        UUID replayId = deliveries.replay(hospitalId, deliveryId, caller.subject())
                .orElseThrow(() -> WebhookProblem.conflict("Delivery " + deliveryId + " was replayed already"));
        log.info("Webhook delivery {} (event {}) replayed by {} as {}", deliveryId, failed.eventId(), caller.subject(), replayId);
        loop.wakeUp();
        DeliveryView replay = deliveries.find(hospitalId, replayId).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/hospitals/" + hospitalId + "/webhook-deliveries/" + replayId))
                .body(replay);
    }

    private Subscription subscription(UUID hospitalId, UUID subscriptionId) {
        return subscriptions.find(hospitalId, subscriptionId)
                .orElseThrow(() -> WebhookProblem.notFound("Webhook subscription " + subscriptionId));
    }

    private static void requireAdmin(Caller caller, UUID hospitalId) {
        if (!caller.has(Role.ADMIN) || !caller.mayActIn(hospitalId)) {
            throw new PermissionDeniedException("role ADMIN of hospital " + hospitalId);
        }
    }

    /** The new subscription with its secret: the one time the secret is shown. */
    record CreatedSubscription(UUID subscriptionId, UUID hospitalId, URI targetUrl, List<String> eventTypes,
                               String description, boolean active, Instant createdAt, String secret) {

        static CreatedSubscription of(Subscription s, String secret) {
            return new CreatedSubscription(s.subscriptionId(), s.hospitalId(), s.targetUrl(), s.eventTypes(),
                    s.description(), s.active(), s.createdAt(), secret);
        }
    }

    record DeliveryDetail(DeliveryView delivery, List<AttemptView> attempts) {
    }
}
