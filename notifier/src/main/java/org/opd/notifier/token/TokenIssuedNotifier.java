package org.opd.notifier.token;

import org.opd.notifier.NotifierProperties;
import org.opd.notifier.delivery.SmsDelivery;
import org.opd.notifier.delivery.SmsNotification;
import org.opd.schemas.notification.NotificationType;
import org.opd.schemas.token.TokenEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells a patient by SMS that their token was issued, unless they opted out of SMS. */
@Component
class TokenIssuedNotifier {

    private static final Logger log = LoggerFactory.getLogger(TokenIssuedNotifier.class);

    private final IssuedTokens issuedTokens;
    private final SmsDelivery smsDelivery;
    private final TokenIssuedTemplate template;

    TokenIssuedNotifier(IssuedTokens issuedTokens, SmsDelivery smsDelivery, NotifierProperties properties) {
        this.issuedTokens = issuedTokens;
        this.smsDelivery = smsDelivery;
        this.template = new TokenIssuedTemplate(properties.statusPageBaseUrl());
    }

    void onIssued(TokenEvent event) {
        // The outbox row commits with the token, so the token is always there; if not, the
        // listener's retries and then its log say so.
        IssuedToken token = issuedTokens.find(event.tokenId()).orElseThrow(() -> new IllegalStateException(
                "Token " + event.tokenId() + " of event " + event.eventId() + " is not in the database"));
        if (!token.smsOptIn()) {
            log.debug("Patient of token {} opted out of SMS; nothing to send", token.tokenId());
            return;
        }
        smsDelivery.deliver(new SmsNotification(token.tokenId(), token.patientId(), NotificationType.TOKEN_CREATED,
                token.phone(), template.render(token)));
    }
}
