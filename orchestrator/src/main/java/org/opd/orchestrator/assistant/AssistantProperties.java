package org.opd.orchestrator.assistant;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The WhatsApp booking assistant ({@code opd.orchestrator.assistant.*}). Off unless enabled: the webhook
 * answers 404 and nothing is sent. The hospitals' booking numbers are data (PUT
 * /api/v1/hospitals/{id}/whatsapp-assistant); the Meta app they belong to is configured here.
 *
 * @param baseUrl        e.g. {@code https://graph.facebook.com}; replies go to {@code {baseUrl}/{apiVersion}/{phoneNumberId}/messages}
 * @param accessToken    bearer token of the system user; secret, never printed
 * @param appSecret      key of the {@code X-Hub-Signature-256} of inbound webhooks; secret, never printed
 * @param verifyToken    what Meta echoes when the callback URL is registered; secret, never printed
 * @param idleTimeout    a conversation without an answer this long ends (spec 000 wa_sessions: 15 minutes)
 * @param maxSession     and it ends this long after it started whatever happens (spec 000: 1 hour)
 * @param daysAhead      how many days ahead free slots are offered
 * @param purgeInterval  how often ended conversations and old message ids are deleted ({@link SessionPurge})
 */
@Validated
@ConfigurationProperties("opd.orchestrator.assistant")
public record AssistantProperties(
        boolean enabled,
        @NotNull URI baseUrl,
        @NotBlank String apiVersion,
        String accessToken,
        String appSecret,
        String verifyToken,
        @NotNull Duration timeout,
        @NotNull Duration idleTimeout,
        @NotNull Duration maxSession,
        @Min(1) @Max(31) int daysAhead,
        @NotNull Duration purgeInterval) {

    /** An enabled assistant needs the whole Meta app; a disabled one needs none of it. */
    @AssertTrue(message = "access-token, app-secret and verify-token are required when enabled")
    public boolean isComplete() {
        return !enabled || !(blank(accessToken) || blank(appSecret) || blank(verifyToken));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "AssistantProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiVersion=" + apiVersion
                + ", accessToken=<hidden>, appSecret=<hidden>, verifyToken=<hidden>, timeout=" + timeout
                + ", idleTimeout=" + idleTimeout + ", maxSession=" + maxSession + ", daysAhead=" + daysAhead
                + ", purgeInterval=" + purgeInterval + "]";
    }
}
