package org.opd.orchestrator.assistant;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The assistant's sentences in each language ({@code assistant/messages*.properties}), filled in with MessageFormat. */
public final class Texts {

    private static final String BUNDLE = "assistant.messages";
    /** English is the base bundle: the JVM's default locale must not choose the language instead. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public String of(Language language, String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK).getString(key);
        return new MessageFormat(pattern, language.locale()).format(args);
    }
}
