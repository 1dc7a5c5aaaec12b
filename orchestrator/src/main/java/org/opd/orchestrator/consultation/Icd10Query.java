package org.opd.orchestrator.consultation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.opd.orchestrator.error.InvalidInputException;

/**
 * What the doctor typed into the diagnosis picker: the start of a code ({@code E11}, {@code e11.9})
 * or words of the description ({@code type 2 diab}), each word matched as a prefix so that the list
 * narrows while typing.
 *
 * @param codePrefix the start of a stored code, or null when the text is words
 * @param words      lower-case letters and digits only, so they are safe inside a {@code tsquery}
 */
record Icd10Query(String codePrefix, List<String> words) {

    static final String PARAMETER = "q";
    private static final int MAX_LENGTH = 200;
    private static final int MAX_WORDS = 10;

    static Icd10Query parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(PARAMETER, "must name the start of a code or words of the description");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException(PARAMETER, "must be at most " + MAX_LENGTH + " characters");
        }
        Optional<String> code = Icd10Code.stored(text);
        if (code.isPresent()) {
            return new Icd10Query(code.get(), List.of());
        }
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{IsAlphabetic}\\p{IsDigit}]+"))
                .map(word -> word.replaceAll("[^a-z0-9]", ""))
                .filter(word -> !word.isEmpty())
                .distinct()
                .limit(MAX_WORDS)
                .toList();
        if (words.isEmpty()) {
            throw new InvalidInputException(PARAMETER, "must contain letters or digits");
        }
        return new Icd10Query(null, words);
    }

    /** Every word as a prefix, all required: {@code type:* & 2:* & diab:*}. */
    String tsQuery() {
        return words.stream().map(word -> word + ":*").collect(Collectors.joining(" & "));
    }
}
