package org.opd.notifier.webhook;

import org.opd.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Providers call the webhooks without an access token: each callback proves its sender by the
 * provider's signature (Twilio's {@code X-Twilio-Signature}, Meta's {@code X-Hub-Signature-256}),
 * checked by its controller. Everything else of the notifier (metrics) needs a token.
 */
@Configuration(proxyBeanMethods = false)
class WebhookAccess {

    @Bean
    PublicPaths webhookPaths() {
        return PublicPaths.of(WebhookPaths.TWILIO_STATUS, WebhookPaths.WHATSAPP);
    }
}
