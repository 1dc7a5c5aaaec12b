package org.opd.orchestrator.identity.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.schemas.identity.OneTimeCodeSeal;

class CodeHashesTest {

    private final CodeHashes hashes = new CodeHashes(OneTimeCodeSeal.newKey());
    private final UUID id = UUID.randomUUID();

    @Test
    void matchesOnlyTheCodeOfItsRowUnderItsKey() {
        byte[] stored = hashes.hash(id, "123456");

        assertThat(hashes.matches(id, "123456", stored)).isTrue();
        assertThat(hashes.matches(id, "123457", stored)).isFalse();
        assertThat(hashes.matches(UUID.randomUUID(), "123456", stored)).isFalse();
        assertThat(new CodeHashes(OneTimeCodeSeal.newKey()).matches(id, "123456", stored)).isFalse();
    }

    @Test
    void nothingMatchesARowWithoutAHash() {
        assertThat(hashes.matches(id, "123456", null)).isFalse();
    }

    @Test
    void refusesAShortKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CodeHashes(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
