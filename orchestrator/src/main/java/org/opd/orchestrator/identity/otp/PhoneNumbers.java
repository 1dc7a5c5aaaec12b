package org.opd.orchestrator.identity.otp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 form ({@code +919876543210}), from what a patient types at sign-in or a
 * receptionist wrote at registration ({@code +?[0-9]{6,14}}, kept as written). Spaces, dashes, dots and
 * brackets are dropped; {@code +} or {@code 00} starts an international number; any other number is
 * national, in the configured default country, with its trunk zeros dropped ({@code 09876543210}).
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;

    private final String countryCode;

    /** @param countryCode the default calling code, digits only, e.g. {@code 91} */
    public PhoneNumbers(String countryCode) {
        this.countryCode = countryCode;
    }

    /** The number in E.164 form; empty when it is not a phone number. */
    public Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String number = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String digits;
        if (number.startsWith("+")) {
            digits = number.substring(1);
        } else if (number.startsWith("00")) {
            digits = number.substring(2);
        } else {
            digits = countryCode + number.replaceFirst("^0+", "");
        }
        if (!DIGITS.matcher(digits).matches() || digits.startsWith("0") || digits.length() < MIN_DIGITS
                || digits.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of("+" + digits);
    }

    /**
     * Every way a registration may have written the E.164 number (as {@link #normalise} reads it), so
     * that patients are found by an index look-up: {@code +919876543210}, {@code 00919876543210}, and,
     * in the default country, {@code 9876543210} and {@code 09876543210}.
     */
    public List<String> writtenForms(String e164) {
        String digits = e164.substring(1);
        List<String> forms = new ArrayList<>(List.of(e164, "00" + digits));
        if (digits.startsWith(countryCode) && digits.length() > countryCode.length()) {
            String national = digits.substring(countryCode.length());
            forms.add(national);
            forms.add("0" + national);
        }
        return forms;
    }
}
