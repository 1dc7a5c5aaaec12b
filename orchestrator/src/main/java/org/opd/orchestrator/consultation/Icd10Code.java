package org.opd.orchestrator.consultation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the ICD-10-CM code list.
 *
 * @param code     as CMS stores it, without the dot ({@code E119})
 * @param billable valid for a diagnosis; false for the heading of a category ({@code E11})
 */
public record Icd10Code(String code, boolean billable, String description) {

    /** A letter, two characters, then up to four more, with or without the dot after the third. */
    private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
    private static final int CATEGORY_LENGTH = 3;

    /** The code as clinicians write it: {@code E11.9}. */
    public String dotted() {
        return dotted(code);
    }

    static String dotted(String code) {
        return code.length() > CATEGORY_LENGTH ? code.substring(0, CATEGORY_LENGTH) + "." + code.substring(CATEGORY_LENGTH) : code;
    }

    /** {@code e11.9}, {@code E119} → {@code E119}; empty for text that cannot be a code. */
    static Optional<String> stored(String written) {
        String upper = written == null ? "" : written.strip().toUpperCase(Locale.ROOT);
        return FORMAT.matcher(upper).matches() ? Optional.of(upper.replace(".", "")) : Optional.empty();
    }
}
