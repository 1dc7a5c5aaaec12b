package org.opd.orchestrator.redistribution;

/** What a department does with an absent doctor's token that no colleague has room for ({@code departments.unplaced_token_rule}). */
public enum UnplacedTokenRule {
    /** To the absent doctor's next session, if there is one with room; else cancelled. The default. */
    RESCHEDULE,
    CANCEL
}
