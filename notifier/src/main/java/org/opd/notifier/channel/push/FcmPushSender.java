package org.opd.notifier.channel.push;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * with a bearer access token (see {@link PushProperties} for where it comes from). A 2xx answer carries the message {@code name}
 * ({@code projects/{project}/messages/{id}}); an error carries {@code error.status} (e.g.
 * {@code UNREGISTERED}, {@code UNAVAILABLE}) and {@code error.message}.
 */
public final class FcmPushSender implements ChannelSender {

    private static final String PROVIDER = "FCM";

    private final HttpClient http;
    private final PushProperties properties;
    private final AccessTokens accessTokens;
    private final URI sendUri;

    FcmPushSender(PushProperties properties, HttpClient http, AccessTokens accessTokens) {
        this.http = http;
        this.properties = properties;
        this.accessTokens = accessTokens;
        this.sendUri = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/v1/projects/"
                + URLEncoder.encode(properties.projectId(), StandardCharsets.UTF_8) + "/messages:send");
    }

    /** A sender with tokens from the configured service account, or the configured token as is. */
    public static FcmPushSender of(PushProperties properties, HttpClient http) {
        AccessTokens tokens = properties.usesServiceAccount()
                ? ServiceAccountTokens.fromKeyFile(Path.of(properties.serviceAccountFile()))
                : properties::accessToken;
        return new FcmPushSender(properties, http, tokens);
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
        JsonNode answer = ProviderHttp.postJson(http, sendUri, accessTokens.current(), properties.requestTimeout(),
                body, PROVIDER, "status");
        return ProviderHttp.messageId(answer.path("name"), PROVIDER);
    }
}
