package org.opd.notifier.webhook;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.opd.notifier.NotifierProperties;
import org.opd.notifier.channel.Channel;
import org.opd.notifier.channel.sms.SmsProperties;
import org.opd.notifier.delivery.DeliveryReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Twilio's message status callback: a form POST to the {@code StatusCallback} URL given with each
 * SMS, which carries our notification id in its query. Checked against {@code X-Twilio-Signature};
 * {@code delivered} moves the row to DELIVERED, {@code undelivered} and {@code failed} to FAILED;
 * the intermediate statuses change nothing.
 */
@RestController
class TwilioStatusController {

    private static final Logger log = LoggerFactory.getLogger(TwilioStatusController.class);

    private final DeliveryReports reports;
    private final Optional<String> publicUrl;
    private final String authToken;
    private final Clock clock = Clock.systemUTC();

    TwilioStatusController(DeliveryReports reports, NotifierProperties notifier, SmsProperties sms) {
        this.reports = reports;
        this.publicUrl = notifier.webhooks().url(WebhookPaths.TWILIO_STATUS).map(Object::toString);
        this.authToken = sms.authToken();
    }

    @PostMapping(path = WebhookPaths.TWILIO_STATUS, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request, @RequestParam MultiValueMap<String, String> parameters,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        if (publicUrl.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String query = request.getQueryString();
        String calledUrl = publicUrl.get() + (query == null ? "" : "?" + query);
        Map<String, List<String>> postParameters = new HashMap<>(parameters);
        // The servlet merges query and body parameters; Twilio signs the query as part of the URL.
        UriComponentsBuilder.fromUriString(calledUrl).build().getQueryParams().keySet().forEach(postParameters::remove);
        if (!Signatures.matches(Signatures.twilio(authToken, calledUrl, postParameters), signature)) {
            log.warn("Twilio status callback with a missing or wrong signature refused");
            return ResponseEntity.status(403).build();
        }
        String sid = parameters.getFirst("MessageSid");
        String status = parameters.getFirst("MessageStatus");
        UUID notificationId = CallbackIds.notificationId(parameters.getFirst(WebhookPaths.NOTIFICATION_ID));
        if (sid == null || status == null) {
            return ResponseEntity.badRequest().build();
        }
        switch (status) {
            case "delivered" -> reports.delivered(Channel.SMS, notificationId, sid, clock.instant());
            case "undelivered", "failed" -> reports.undelivered(Channel.SMS, notificationId, sid,
                    "Twilio reported the SMS " + status + Optional.ofNullable(parameters.getFirst("ErrorCode"))
                            .map(code -> " (Twilio error " + code + ")").orElse(""));
            default -> log.debug("Twilio status {} for {} changes nothing", status, sid);
        }
        return ResponseEntity.noContent().build();
    }
}
