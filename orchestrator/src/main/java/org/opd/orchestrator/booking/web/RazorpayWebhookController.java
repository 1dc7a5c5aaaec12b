package org.opd.orchestrator.booking.web;

import java.util.Map;

import org.opd.orchestrator.booking.RazorpayWebhooks;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Razorpay calls this; the signature over the raw body is the credential, so the body is read as bytes. */
@RestController
class RazorpayWebhookController {

    private final RazorpayWebhooks webhooks;

    RazorpayWebhookController(RazorpayWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/payment-webhooks/razorpay")
    Map<String, String> receive(@RequestBody byte[] body,
                                @RequestHeader(name = "X-Razorpay-Signature", required = false) String signature,
                                @RequestHeader(name = "X-Razorpay-Event-Id", required = false) String eventId) {
        return Map.of("outcome", webhooks.handle(body, signature, eventId).name());
    }
}
