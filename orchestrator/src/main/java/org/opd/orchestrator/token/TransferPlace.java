package org.opd.orchestrator.token;

import java.time.Instant;
import java.util.List;

/** The rule for where a transferred token goes in its new line. */
public enum TransferPlace {
    /** The place its priority and check-in give it, as in the line it left (back from an ECG, it is where it was). */
    KEEP,
    /** Ahead of everyone waiting to be called. */
    FRONT,
    /** Behind everyone waiting now. */
    BACK;

    /** @param line the others waiting to be called in the new line, in call order */
    Instant placeIn(List<LinedUpToken> line, Instant own, Instant now) {
        return switch (this) {
            case KEEP -> own;
            case FRONT -> LineEnd.FRONT.placeIn(line, own, now);
            case BACK -> LineEnd.BACK.placeIn(line, own, now);
        };
    }
}
