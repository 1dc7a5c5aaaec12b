package org.opd.notifier.webhook;

import java.io.IOException;
import java.time.Instant;

import org.opd.notifier.channel.Channel;
import org.opd.notifier.channel.ProviderHttp;
import org.opd.notifier.channel.whatsapp.WhatsAppProperties;
import org.opd.notifier.delivery.DeliveryReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The WhatsApp Cloud API webhook. GET is Meta's subscription handshake (echo {@code hub.challenge}
 * when {@code hub.verify_token} is ours). POST carries message statuses, signed with
 * {@code X-Hub-Signature-256} over the raw body: {@code delivered} and {@code read} move the row to
 * DELIVERED, {@code failed} to FAILED (and the message falls back to SMS).
 */
@RestController
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);

    private final DeliveryReports reports;
    private final WhatsAppProperties whatsApp;

    WhatsAppWebhookController(DeliveryReports reports, WhatsAppProperties whatsApp) {
        this.reports = reports;
        this.whatsApp = whatsApp;
    }

    @GetMapping(path = WebhookPaths.WHATSAPP, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!whatsApp.enabled()) {
            return ResponseEntity.notFound().build();
        }
        if ("subscribe".equals(mode) && challenge != null && Signatures.matches(whatsApp.verifyToken(), verifyToken)) {
            return ResponseEntity.ok(challenge);
        }
        return ResponseEntity.status(403).build();
    }

    @PostMapping(path = WebhookPaths.WHATSAPP)
    ResponseEntity<Void> statuses(@RequestBody byte[] body,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature) throws IOException {
        if (!whatsApp.enabled()) {
            return ResponseEntity.notFound().build();
        }
        if (!Signatures.matches(Signatures.meta(whatsApp.appSecret(), body), signature)) {
            log.warn("WhatsApp webhook with a missing or wrong signature refused");
            return ResponseEntity.status(403).build();
        }
        for (JsonNode entry : ProviderHttp.JSON.readTree(body).path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    apply(status);
                }
            }
        }
        return ResponseEntity.ok().build();
    }

    private void apply(JsonNode status) {
        String id = status.path("id").asText(null);
        if (id == null) {
            return;
        }
        var notificationId = CallbackIds.notificationId(status.path("biz_opaque_callback_data").asText(null));
        switch (status.path("status").asText("")) {
            case "delivered", "read" -> reports.delivered(Channel.WHATSAPP, notificationId, id,
                    Instant.ofEpochSecond(status.path("timestamp").asLong(Instant.now().getEpochSecond())));
            case "failed" -> {
                JsonNode error = status.path("errors").path(0);
                reports.undelivered(Channel.WHATSAPP, notificationId, id, "WhatsApp reported the message failed"
                        + (error.isMissingNode() ? "" : ": " + error.path("title").asText("")
                        + " (WhatsApp error " + error.path("code").asText("") + ")"));
            }
            default -> log.debug("WhatsApp status {} for {} changes nothing", status.path("status").asText(), id);
        }
    }
}
