package org.opd.deploy.setup;

/** What the set-up command does (spec 003: create, {@code --validate}, {@code --force}). */
public enum Mode {
    /** Creates what is missing; leaves what exists as it is and reports it when it is not as it should be. */
    CREATE,
    /** Only checks; changes nothing. */
    VALIDATE,
    /**
     * Creates everything without skipping what exists: each thing found already there is a failure,
     * and is left as it is (spec 003: "attempt to create even if they exist; will fail if they exist").
     * For a fresh installation that must not silently reuse an old database, cluster or slot.
     */
    FORCE
}
