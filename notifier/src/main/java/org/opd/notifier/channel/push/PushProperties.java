package org.opd.notifier.channel.push;

import java.net.URI;
import java.time.Duration;

import org.opd.notifier.channel.ProviderLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * Firebase Cloud Messaging, HTTP v1 API ({@code opd.notifier.push.*}). Off unless enabled: without
 * the patient app there are no device tokens to push to.
 *
 * @param baseUrl     e.g. {@code https://fcm.googleapis.com}; messages go to {@code {baseUrl}/v1/projects/{projectId}/messages:send}
 * @param accessToken OAuth 2 bearer access token with the {@code firebase.messaging} scope; secret, never printed
 */
@Validated
@ConfigurationProperties("opd.notifier.push")
public record PushProperties(
        boolean enabled,
        @NotNull URI baseUrl,
        String projectId,
        String accessToken,
        @NotNull Duration connectTimeout,
        @NotNull Duration requestTimeout,
        @Valid @NotNull ProviderLimits limits) {

    @AssertTrue(message = "project-id and access-token are required when enabled")
    public boolean isComplete() {
        return !enabled || !(projectId == null || projectId.isBlank() || accessToken == null || accessToken.isBlank());
    }

    @Override
    public String toString() {
        return "PushProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", projectId=" + projectId
                + ", accessToken=<hidden>, connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", limits=" + limits + "]";
    }
}
