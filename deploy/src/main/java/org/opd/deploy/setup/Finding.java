package org.opd.deploy.setup;

/**
 * What the set-up command found of one thing it looks after.
 *
 * @param subject e.g. {@code Kafka topic opd.token-events}
 */
public record Finding(String subject, Outcome outcome, String detail) {

    public enum Outcome {
        /** There and as it should be. */
        IN_PLACE,
        /** Made by this run. */
        CREATED,
        /** Not there. */
        MISSING,
        /** There, but not as it should be (or there already where {@code --force} expects nothing). */
        WRONG;

        public boolean isFine() {
            return this == IN_PLACE || this == CREATED;
        }
    }

    static Finding inPlace(String subject) {
        return new Finding(subject, Outcome.IN_PLACE, "");
    }

    @Override
    public String toString() {
        return String.format("%-9s %s%s", outcome, subject, detail.isEmpty() ? "" : ": " + detail);
    }
}
