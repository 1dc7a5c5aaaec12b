package org.opd.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Expected values computed independently with {@code openssl dgst -hmac}. */
class SignaturesTest {

    @Test
    void twilioSignsTheUrlFollowedByTheSortedParameters() {
        // printf '%s' 'https://notify.example.org/webhooks/twilio/status?notificationId=42MessageSidSM1MessageStatusdelivered'
        //   | openssl dgst -sha1 -hmac secret -binary | base64
        String signature = Signatures.twilio("secret", "https://notify.example.org/webhooks/twilio/status?notificationId=42",
                Map.of("MessageStatus", List.of("delivered"), "MessageSid", List.of("SM1")));

        assertThat(signature).isEqualTo(TWILIO_EXPECTED);
    }

    @Test
    void metaSignsTheRawBodyWithSha256() {
        // printf '%s' '{"object":"whatsapp_business_account"}' | openssl dgst -sha256 -hmac app-secret
        String signature = Signatures.meta("app-secret",
                "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=" + META_EXPECTED);
    }

    @Test
    void aMissingOrDifferentSignatureDoesNotMatch() {
        assertThat(Signatures.matches("abc", null)).isFalse();
        assertThat(Signatures.matches("abc", "abd")).isFalse();
        assertThat(Signatures.matches("abc", "abc")).isTrue();
    }

    private static final String TWILIO_EXPECTED = "1EPir+GT5zq0TCSoKC28WoF7CR4=";
    private static final String META_EXPECTED = "0bf7374433906636bed1653bc7c64affb42fa5da9a39e251ab95c2e3a9c06923";
}
