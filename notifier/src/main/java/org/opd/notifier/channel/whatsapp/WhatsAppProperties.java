package org.opd.notifier.channel.whatsapp;

import java.net.URI;
import java.time.Duration;

import org.opd.notifier.channel.ProviderLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The WhatsApp Cloud API account ({@code opd.notifier.whatsapp.*}). Off unless enabled: a hospital
 * without a WhatsApp Business number reaches its patients by SMS.
 *
 * @param baseUrl       e.g. {@code https://graph.facebook.com}; messages go to {@code {baseUrl}/{apiVersion}/{phoneNumberId}/messages}
 * @param accessToken   bearer token of the system user; secret, never printed
 * @param appSecret     key of the {@code X-Hub-Signature-256} of status callbacks; secret, never printed
 * @param verifyToken   what Meta echoes when the callback URL is registered; secret, never printed
 */
@Validated
@ConfigurationProperties("opd.notifier.whatsapp")
public record WhatsAppProperties(
        boolean enabled,
        @NotNull URI baseUrl,
        @NotBlank String apiVersion,
        String phoneNumberId,
        String accessToken,
        String appSecret,
        String verifyToken,
        @NotNull Duration connectTimeout,
        @NotNull Duration requestTimeout,
        @Valid @NotNull ProviderLimits limits) {

    /** An enabled channel needs the whole account; a disabled one needs none of it. */
    @AssertTrue(message = "phone-number-id, access-token, app-secret and verify-token are required when enabled")
    public boolean isComplete() {
        return !enabled || !(blank(phoneNumberId) || blank(accessToken) || blank(appSecret) || blank(verifyToken));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "WhatsAppProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiVersion=" + apiVersion
                + ", phoneNumberId=" + phoneNumberId + ", accessToken=<hidden>, appSecret=<hidden>, verifyToken=<hidden>"
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", limits=" + limits + "]";
    }
}
