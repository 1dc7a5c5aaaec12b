package org.opd.notifier.channel.sms;

import java.net.URI;
import java.time.Duration;

import org.opd.notifier.channel.ProviderLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The SMS provider's account ({@code opd.notifier.sms.*}), for a Twilio-style Messages API.
 * SMS is the channel of last resort, so it is always configured.
 *
 * @param baseUrl        e.g. {@code https://api.twilio.com}; messages go to {@code {baseUrl}/2010-04-01/Accounts/{accountSid}/Messages.json}
 * @param authToken      secret, also the key of the {@code X-Twilio-Signature} of status callbacks; never printed
 * @param fromNumber     the sender number or id the provider assigned to the account
 * @param connectTimeout longest wait to open a connection to the provider
 * @param requestTimeout longest wait for the provider's answer to one message
 */
@Validated
@ConfigurationProperties("opd.notifier.sms")
public record SmsProperties(
        @NotNull URI baseUrl,
        @NotBlank String accountSid,
        @NotBlank String authToken,
        @NotBlank String fromNumber,
        @NotNull Duration connectTimeout,
        @NotNull Duration requestTimeout,
        @Valid @NotNull ProviderLimits limits) {

    /** Leaves the auth token out, so that a logged or failing binding never prints it. */
    @Override
    public String toString() {
        return "SmsProperties[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=<hidden>, fromNumber="
                + fromNumber + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", limits=" + limits + "]";
    }
}
