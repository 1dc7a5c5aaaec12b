package org.opd.notifier.channel.sms;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.opd.notifier.channel.Channel;
import org.opd.notifier.channel.ChannelSender;
import org.opd.notifier.channel.OutgoingMessage;
import org.opd.notifier.channel.ProviderHttp;
import org.opd.notifier.channel.ProviderLimits;
import org.opd.notifier.channel.SendException;
import org.opd.notifier.webhook.WebhookPaths;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends SMS through Twilio's Messages API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}
 * with the form fields {@code To}, {@code From}, {@code Body} and, when the notifier is reachable
 * from outside, {@code StatusCallback} naming our notification id; HTTP basic auth (account sid : auth token). A 2xx answer
 * carries the message's {@code sid}; any other carries {@code code} and {@code message}.
 */
public final class TwilioSmsSender implements ChannelSender {

    private static final String PROVIDER = "Twilio";

    private final HttpClient http;
    private final SmsProperties properties;
    private final URI messagesUri;
    private final String authorization;
    private final Optional<URI> statusCallback;

    /** @param statusCallback where Twilio reports delivery, or empty when it cannot reach us */
    public TwilioSmsSender(SmsProperties properties, HttpClient http, Optional<URI> statusCallback) {
        this.http = http;
        this.properties = properties;
        this.statusCallback = statusCallback;
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        this.messagesUri = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(properties.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        // Sent with the first request: Twilio's API does not rely on a challenge round trip.
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (properties.accountSid() + ":" + properties.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public ProviderLimits limits() {
        return properties.limits();
    }

    @Override
    public String send(OutgoingMessage message) throws SendException {
        String form = form("To", message.address()) + "&" + form("From", properties.fromNumber())
                + "&" + form("Body", message.text())
                + statusCallback.map(uri -> "&" + form("StatusCallback",
                        uri + "?" + WebhookPaths.NOTIFICATION_ID + "=" + message.notificationId())).orElse("");
        JsonNode answer = ProviderHttp.postForm(http, messagesUri, authorization, properties.requestTimeout(), form,
                PROVIDER, "code", "message");
        return ProviderHttp.messageId(answer.path("sid"), PROVIDER);
    }

    private static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
