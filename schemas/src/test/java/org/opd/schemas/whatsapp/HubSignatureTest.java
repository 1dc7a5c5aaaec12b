package org.opd.schemas.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HubSignatureTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
    /** Python's hmac.new(b"app-secret", BODY, hashlib.sha256).hexdigest(), independent of this code. */
    private static final String EXPECTED = "sha256=0bf7374433906636bed1653bc7c64affb42fa5da9a39e251ab95c2e3a9c06923";

    @Test
    void signsTheRawBodyWithTheAppSecretAsMetaDoes() {
        assertThat(HubSignature.of("app-secret", BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsOnlyTheSignatureOfThisBodyAndSecret() {
        assertThat(HubSignature.matches("app-secret", BODY, EXPECTED)).isTrue();
        assertThat(HubSignature.matches("app-secret", BODY, " " + EXPECTED + "\n")).isTrue();
        assertThat(HubSignature.matches("other-secret", BODY, EXPECTED)).isFalse();
        assertThat(HubSignature.matches("app-secret", "{}".getBytes(StandardCharsets.UTF_8), EXPECTED)).isFalse();
        assertThat(HubSignature.matches("app-secret", BODY, null)).isFalse();
        assertThat(HubSignature.matches(" ", BODY, EXPECTED)).isFalse();
    }
}
