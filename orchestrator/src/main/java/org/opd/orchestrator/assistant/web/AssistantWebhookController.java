package org.opd.orchestrator.assistant.web;

import java.util.Map;

import org.opd.orchestrator.assistant.AssistantWebhook;
import org.opd.schemas.whatsapp.HubSignature;
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
 * messages. The signature over the raw body is the credential, so the body is read as bytes. Off (404
 * problem) unless the assistant is enabled; a wrong verify token or signature is a 401 problem.
 */
@RestController
class AssistantWebhookController {

    static final String PATH = "/api/v1/whatsapp-webhooks/booking";

    private final AssistantWebhook webhook;

    AssistantWebhookController(AssistantWebhook webhook) {
        this.webhook = webhook;
    }

    /** Not declared as producing text only: a refusal is still a problem+json body. */
    @GetMapping(PATH)
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                  @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
                                  @RequestParam(name = "hub.challenge", required = false) String challenge) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(webhook.handshake(mode, verifyToken, challenge));
    }

    @PostMapping(PATH)
    Map<String, Integer> receive(@RequestBody byte[] body,
                                 @RequestHeader(name = HubSignature.HEADER, required = false) String signature) {
        return Map.of("answered", webhook.receive(body, signature));
    }
}
