package org.opd.schemas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OneTimeCodeSealTest {

    private final String key = OneTimeCodeSeal.newKey();
    private final OneTimeCodeSeal seal = OneTimeCodeSeal.withKey(key);
    private final UUID patientId = UUID.randomUUID();

    @Test
    void opensWhatItSealedForThePatient() {
        String sealed = seal.seal("042917", patientId);

        assertThat(sealed).startsWith("v1.").doesNotContain("042917");
        assertThat(OneTimeCodeSeal.withKey(key).unseal(sealed, patientId)).isEqualTo("042917");
    }

    @Test
    void sealsTheSameCodeDifferentlyEachTime() {
        assertThat(seal.seal("111111", patientId)).isNotEqualTo(seal.seal("111111", patientId));
    }

    @Test
    void refusesACodeSealedForAnotherPatient() {
        String sealed = seal.seal("123456", UUID.randomUUID());

        assertThatIllegalArgumentException().isThrownBy(() -> seal.unseal(sealed, patientId))
                .withMessageNotContaining("123456");
    }

    @Test
    void refusesACodeSealedUnderAnotherKey() {
        String sealed = OneTimeCodeSeal.withKey(OneTimeCodeSeal.newKey()).seal("123456", patientId);

        assertThatIllegalArgumentException().isThrownBy(() -> seal.unseal(sealed, patientId));
    }

    @Test
    void refusesAnAlteredSealedCode() {
        String sealed = seal.seal("123456", patientId);
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatIllegalArgumentException().isThrownBy(() -> seal.unseal(altered, patientId));
        assertThatIllegalArgumentException().isThrownBy(() -> seal.unseal("v1.short", patientId));
        assertThatIllegalArgumentException().isThrownBy(() -> seal.unseal("123456", patientId));
    }

    @Test
    void takesOnlyA32ByteBase64Key() {
        assertThatIllegalArgumentException().isThrownBy(() -> OneTimeCodeSeal.withKey(""))
                .withMessageContaining("OPD_OTP_MESSAGE_KEY");
        assertThatIllegalArgumentException().isThrownBy(() -> OneTimeCodeSeal.withKey("not base64!"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OneTimeCodeSeal.withKey(Base64.getEncoder().encodeToString(new byte[16])));
        assertThat(seal.toString()).doesNotContain(key);
    }
}
