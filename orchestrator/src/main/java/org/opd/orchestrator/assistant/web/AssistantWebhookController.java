package org.opd.orchestrator.assistant.web;

import java.util.Map;

import org.opd.orchestrator.assistant.AssistantWebhook;
import org.opd.schemas.whatsapp.HubSignature;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta calls this for the booking numbers: GET is the subscription handshake, POST carries the patients'
 * messages. The signature over the raw body is the credential, so the body is read as bytes. Off (404)
 * unless the assistant is enabled.
 */
@RestController
class AssistantWebhookController {

    static final String PATH = "/api/v1/whatsapp-webhooks/booking";

    private final AssistantWebhook webhook;

    AssistantWebhookController(AssistantWebhook webhook) {
        this.webhook = webhook;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                  @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
                                  @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!webhook.enabled()) {
            return ResponseEntity.notFound().build();
        }
        if (challenge == null || !webhook.verifies(mode, verifyToken)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(challenge);
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Integer>> receive(@RequestBody byte[] body,
                                                 @RequestHeader(name = HubSignature.HEADER, required = false) String signature) {
        if (!webhook.enabled()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(Map.of("answered", webhook.receive(body, signature)));
    }
}
