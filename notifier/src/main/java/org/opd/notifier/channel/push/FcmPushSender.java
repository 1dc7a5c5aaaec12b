package org.opd.notifier.channel.push;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.opd.notifier.channel.Channel;
import org.opd.notifier.channel.ChannelSender;
import org.opd.notifier.channel.OutgoingMessage;
import org.opd.notifier.channel.ProviderHttp;
import org.opd.notifier.channel.ProviderLimits;
import org.opd.notifier.channel.SendException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pushes to the patient app through FCM HTTP v1: {@code POST /v1/projects/{project}/messages:send}
 * with a bearer access token. A 2xx answer carries the message {@code name}
 * ({@code projects/{project}/messages/{id}}); an error carries {@code error.status} (e.g.
 * {@code UNREGISTERED}, {@code UNAVAILABLE}) and {@code error.message}.
 */
public final class FcmPushSender implements ChannelSender {

    private static final String PROVIDER = "FCM";

    private final HttpClient http;
    private final PushProperties properties;
    private final URI sendUri;

    public FcmPushSender(PushProperties properties, HttpClient http) {
        this.http = http;
        this.properties = properties;
        this.sendUri = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/v1/projects/"
                + URLEncoder.encode(properties.projectId(), StandardCharsets.UTF_8) + "/messages:send");
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public ProviderLimits limits() {
        return properties.limits();
    }

    @Override
    public String send(OutgoingMessage message) throws SendException {
        Map<String, Object> body = Map.of("message", Map.of(
                "token", message.address(),
                "notification", Map.of("title", "OPD " + message.tokenNumber(), "body", message.text()),
                "data", Map.of("notificationId", message.notificationId().toString())));
        JsonNode answer = ProviderHttp.postJson(http, sendUri, properties.accessToken(), properties.requestTimeout(),
                body, PROVIDER, "status");
        return ProviderHttp.messageId(answer.path("name"), PROVIDER);
    }
}
