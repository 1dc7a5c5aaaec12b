package org.opd.orchestrator.identity.otp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Patient sign-in by one-time code ({@code opd.orchestrator.otp.*}).
 *
 * @param validity           how long a code works after it was issued
 * @param maxAttempts        verifications a code takes; then it is dead, even for the right code
 * @param perPhone           codes one phone number may be sent (across hospitals)
 * @param perClientAddress   codes one client address may ask for, whatever the phone
 * @param defaultCountryCode calling code, digits only, of numbers written without one ({@code 98765 43210})
 * @param retention          how long rows are kept; at least the longest limit window and the validity
 * @param cleanInterval      how often rows past their retention are deleted
 * @param hashKey            base64 of at least 32 random bytes: the HMAC key codes are stored under; secret,
 *                           from the environment, the same on every orchestrator instance
 * @param messageKey         base64 of 32 random bytes: the AES key the code travels sealed under, shared with
 *                           the notifier ({@code OPD_OTP_MESSAGE_KEY})
 */
@Validated
@ConfigurationProperties("opd.orchestrator.otp")
public record OneTimeCodeProperties(
        @NotNull Duration validity,
        @Positive int maxAttempts,
        @Valid @NotNull Limit perPhone,
        @Valid @NotNull Limit perClientAddress,
        @NotBlank @Pattern(regexp = "[1-9][0-9]{0,2}") String defaultCountryCode,
        @NotNull Duration retention,
        @NotNull Duration cleanInterval,
        @NotBlank(message = "must be set (OPD_ORCHESTRATOR_OTP_HASH_KEY)") String hashKey,
        @NotBlank(message = "must be set (OPD_OTP_MESSAGE_KEY)") String messageKey) {

    /** At most {@code max} codes within any {@code window}. */
    record Limit(@Positive int max, @NotNull Duration window) {
    }

    public OneTimeCodeProperties {
        if (retention != null && validity != null && perPhone != null && perClientAddress != null
                && (retention.compareTo(validity) < 0 || retention.compareTo(perPhone.window()) < 0
                || retention.compareTo(perClientAddress.window()) < 0)) {
            throw new IllegalArgumentException("opd.orchestrator.otp.retention must be at least the validity and"
                    + " every limit window, or the limits forget requests too early");
        }
    }

    /** Leaves the keys out, so that a logged or failing binding never prints them. */
    @Override
    public String toString() {
        return "OneTimeCodeProperties[validity=" + validity + ", maxAttempts=" + maxAttempts + ", perPhone=" + perPhone
                + ", perClientAddress=" + perClientAddress + ", defaultCountryCode=" + defaultCountryCode
                + ", retention=" + retention + ", cleanInterval=" + cleanInterval + ", hashKey=<hidden>,"
                + " messageKey=<hidden>]";
    }
}
