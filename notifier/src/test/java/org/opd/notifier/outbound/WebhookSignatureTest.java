package org.opd.notifier.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithTheSecretAsOpensslDoes() {
        // Given the value `printf '%s' '1700000000.{"id":"e1"}' | openssl dgst -sha256 -hmac whsec_test` prints
        String expected = "6a85cb117c993612a34c72b4cfb5a16baed25a80d26e298ce0e6671320fd07c8";

        // When we sign the same body at the same second
        String header = WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"id\":\"e1\"}");

        // Then the header carries the timestamp and that HMAC
        assertThat(header).isEqualTo("t=1700000000,v1=" + expected);
    }

    @Test
    void aDifferentTimestampOrBodyGivesADifferentSignature() {
        String signed = WebhookSignature.header("whsec_test", 1_700_000_000L, "{}");

        assertThat(WebhookSignature.header("whsec_test", 1_700_000_001L, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, "{ }").substring(14))
                .isNotEqualTo(signed.substring(14));
        assertThat(WebhookSignature.header("whsec_other", 1_700_000_000L, "{}")).isNotEqualTo(signed);
    }

    @Test
    void newSecretsAreLongRandomAndPrefixed() {
        String first = WebhookSignature.newSecret();

        assertThat(first).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(first);
    }
}
