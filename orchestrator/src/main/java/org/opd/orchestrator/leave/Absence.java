package org.opd.orchestrator.leave;

import java.time.Instant;

/** When a doctor is away (a schedule exception, asked for or approved): start included, end excluded. */
public record Absence(Instant start, Instant end) {
}
