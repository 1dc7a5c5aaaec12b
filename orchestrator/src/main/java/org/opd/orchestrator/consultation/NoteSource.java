package org.opd.orchestrator.consultation;

/**
 * How a note's text was made. Spec 000 drafts notes from the consultation's audio with a speech
 * and a language model; no such model is available to this installation, so every note is typed.
 */
public enum NoteSource {
    TYPED
}
