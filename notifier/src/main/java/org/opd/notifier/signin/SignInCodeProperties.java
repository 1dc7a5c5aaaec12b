package org.opd.notifier.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Patient sign-in codes ({@code opd.notifier.otp.*}).
 *
 * @param messageKey base64 of 32 random bytes, the AES key the orchestrator seals codes under
 *                   ({@code OPD_OTP_MESSAGE_KEY}, the same value both services get); secret, never printed
 */
@Validated
@ConfigurationProperties("opd.notifier.otp")
public record SignInCodeProperties(@NotBlank(message = "must be set (OPD_OTP_MESSAGE_KEY)") String messageKey) {

    @Override
    public String toString() {
        return "SignInCodeProperties[messageKey=<hidden>]";
    }
}
