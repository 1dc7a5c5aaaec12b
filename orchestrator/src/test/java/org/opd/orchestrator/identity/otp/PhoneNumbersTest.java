package org.opd.orchestrator.identity.otp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers india = new PhoneNumbers("91");

    @ParameterizedTest
    @ValueSource(strings = {"+919876543210", "+91 98765 43210", "+91-98765-43210", "(+91) 98765.43210",
            "00919876543210", "9876543210", "09876543210", " 98765 43210 "})
    void readsEveryUsualWritingOfAnIndianMobileAsOneE164Number(String written) {
        assertThat(india.normalise(written)).contains("+919876543210");
    }

    @ParameterizedTest
    @CsvSource({"+44 20 7946 0958, +442079460958", "0044 20 7946 0958, +442079460958", "+1 (415) 555-2671, +14155552671"})
    void keepsTheCountryOfAnInternationalNumber(String written, String e164) {
        assertThat(india.normalise(written)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "+", "+0919876543210", "12345", "+1234567890123456", "98765x43210",
            "+91 98765 43210 ext 2", "++919876543210"})
    void refusesWhatIsNoPhoneNumber(String written) {
        assertThat(india.normalise(written)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+919876543210", "00919876543210", "9876543210", "09876543210"})
    void findsEveryRegisteredWritingThatReadsAsTheNumber(String registered) {
        assertThat(india.writtenForms("+919876543210")).contains(registered)
                .allSatisfy(form -> assertThat(india.normalise(form)).contains("+919876543210"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+442079460958"})
    void looksForAForeignNumberOnlyInItsInternationalWritings(String e164) {
        assertThat(india.writtenForms(e164)).containsExactly(e164, "00442079460958");
    }
}
