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
 * <p>The bearer access token comes from a service account (production: tokens expire hourly, so
 * they are minted and refreshed) or is given as is (a short-lived token, for trying things out).
 *
 * @param baseUrl            e.g. {@code https://fcm.googleapis.com}; messages go to {@code {baseUrl}/v1/projects/{projectId}/messages:send}
 * @param serviceAccountFile the service account's JSON key file from the Firebase console ({@code client_email},
 *                           {@code private_key}, {@code token_uri}); its content is secret, its path is not
 * @param accessToken        used when no service account file is given: an OAuth 2 access token with the
 *                           {@code firebase.messaging} scope; secret, never printed
 */
@Validated
@ConfigurationProperties("opd.notifier.push")
public record PushProperties(
        boolean enabled,
        @NotNull URI baseUrl,
        String projectId,
        String serviceAccountFile,
        String accessToken,
        @NotNull Duration connectTimeout,
        @NotNull Duration requestTimeout,
        @Valid @NotNull ProviderLimits limits) {

    @AssertTrue(message = "project-id and a service-account-file or an access-token are required when enabled")
    public boolean isComplete() {
        return !enabled || !(blank(projectId) || blank(serviceAccountFile) && blank(accessToken));
    }

    /** Whether tokens are minted from a service account rather than given. */
    public boolean usesServiceAccount() {
        return !blank(serviceAccountFile);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "PushProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", projectId=" + projectId
                + ", serviceAccountFile=" + serviceAccountFile + ", accessToken=<hidden>, connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", limits=" + limits + "]";
    }
}
