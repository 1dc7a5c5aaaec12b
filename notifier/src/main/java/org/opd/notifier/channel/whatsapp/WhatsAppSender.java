package org.opd.notifier.channel.whatsapp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.opd.notifier.channel.Channel;
import org.opd.notifier.channel.ChannelSender;
import org.opd.notifier.channel.OutgoingMessage;
import org.opd.notifier.channel.ProviderHttp;
import org.opd.notifier.channel.ProviderLimits;
import org.opd.notifier.channel.SendException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends text messages through the WhatsApp Cloud API: {@code POST /{version}/{phone-number-id}/messages}
 * with a bearer token and a JSON body. Our notification id travels as {@code biz_opaque_callback_data},
 * which Meta echoes in status callbacks. A 2xx answer carries {@code messages[0].id} (a {@code wamid});
 * an error carries {@code error.code} and {@code error.message}.
 */
public final class WhatsAppSender implements ChannelSender {

    private static final String PROVIDER = "WhatsApp";

    /**
     * Graph API codes that mean "not now" whatever the HTTP status (Meta answers most errors with 400):
     * unknown / temporary errors, app and account rate limits, throughput and pair rate limits.
     */
    private static final Set<String> THROTTLING_CODES = Set.of("1", "2", "4", "80007", "130429", "131000", "131056");

    private final HttpClient http;
    private final WhatsAppProperties properties;
    private final URI messagesUri;

    public WhatsAppSender(WhatsAppProperties properties, HttpClient http) {
        this.http = http;
        this.properties = properties;
        this.messagesUri = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/"
                + properties.apiVersion() + "/" + URLEncoder.encode(properties.phoneNumberId(), StandardCharsets.UTF_8)
                + "/messages");
    }

    private static boolean throttled(SendException e) {
        return !e.retryable() && e.httpStatus().isPresent() && e.providerCode().filter(THROTTLING_CODES::contains).isPresent();
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public ProviderLimits limits() {
        return properties.limits();
    }

    @Override
    public String send(OutgoingMessage message) throws SendException {
        Map<String, Object> body = Map.of(
                "messaging_product", "whatsapp",
                "recipient_type", "individual",
                // The Cloud API takes the number with country code and without the plus.
                "to", message.address().replaceFirst("^\\+", ""),
                "type", "text",
                "text", Map.of("preview_url", true, "body", message.text()),
                "biz_opaque_callback_data", message.notificationId().toString());
        try {
            JsonNode answer = ProviderHttp.postJson(http, messagesUri, properties.accessToken(),
                    properties.requestTimeout(), body, PROVIDER, "code");
            return ProviderHttp.messageId(answer.path("messages").path(0).path("id"), PROVIDER);
        } catch (SendException e) {
            throw throttled(e) ? SendException.refused(e.httpStatus().orElseThrow(), e.providerCode().orElseThrow(),
                    e.retryAfter().orElse(null), e.getMessage(), true) : e;
        }
    }
}
