package org.opd.orchestrator.calcom.web;

import java.util.UUID;

import org.opd.orchestrator.calcom.CalComWebhooks;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Cal.com calls this; the signature over the raw body is the credential, so the body is read as bytes. */
@RestController
class CalComWebhookController {

    private final CalComWebhooks webhooks;

    CalComWebhookController(CalComWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/cal-com-webhooks/{hospitalId}")
    CalComWebhooks.Result receive(@PathVariable UUID hospitalId, @RequestBody byte[] body,
                                  @RequestHeader(name = "X-Cal-Signature-256", required = false) String signature) {
        return webhooks.receive(hospitalId, body, signature);
    }
}
