package org.opd.deploy;

import java.util.List;

/** Finds personal data (names, phone numbers, e-mail addresses) in texts that must hold none. */
final class PersonalData {

    private PersonalData() {
    }

    /** @return each text that holds one of the values, with the value found */
    static List<String> foundIn(List<String> texts, List<String> values) {
        return texts.stream()
                .flatMap(text -> values.stream().filter(text::contains).map(value -> value + " in: " + abbreviate(text)))
                .toList();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
