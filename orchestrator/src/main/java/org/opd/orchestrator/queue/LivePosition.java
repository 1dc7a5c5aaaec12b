package org.opd.orchestrator.queue;

/** Where a token stands in its doctor's live queue; each part null while not projected. */
public record LivePosition(Integer position, Integer etaMinutesP50, Integer etaMinutesP90) {

    public static final LivePosition UNKNOWN = new LivePosition(null, null, null);
}
