package org.opd.orchestrator.redistribution;

/** What redistribution did with one affected token ({@code redistribution_moves.outcome}). */
public enum TokenOutcome {
    REDISTRIBUTED,
    RESCHEDULED,
    CANCELLED
}
