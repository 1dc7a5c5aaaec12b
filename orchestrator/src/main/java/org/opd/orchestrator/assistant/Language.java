package org.opd.orchestrator.assistant;

import java.util.Locale;

/** The languages the assistant speaks: the screens' two (specialties are named in both). */
public enum Language {
    EN(Locale.forLanguageTag("en-IN")),
    HI(Locale.forLanguageTag("hi-IN"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }
}
