package org.opd.schemas.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The fairness rule of the call order: a senior or emergency token counts as having joined the line
 * this much before its check-in. So a later arrival of that priority goes ahead of a normal token
 * only while it arrives within its head start of the normal token's check-in: the head start is the
 * bound on how long later seniors and emergencies can keep pushing a normal token back (ageing).
 *
 * @param senior    head start of priority 2
 * @param emergency head start of priority 3; at least the senior's, so an emergency never queues behind a senior of the same moment
 */
public record PriorityHeadStart(Duration senior, Duration emergency) {

    /** The defaults: a normal token waits at most 20 minutes' worth of later seniors, 60 of later emergencies. */
    public static final PriorityHeadStart DEFAULTS = new PriorityHeadStart(Duration.ofMinutes(20), Duration.ofMinutes(60));

    public PriorityHeadStart {
        Objects.requireNonNull(senior, "senior");
        Objects.requireNonNull(emergency, "emergency");
        if (senior.isNegative() || emergency.compareTo(senior) < 0) {
            throw new IllegalArgumentException("Head starts must satisfy 0 <= senior (" + senior + ") <= emergency (" + emergency + ")");
        }
    }

    /** The token's place in the call order ({@link CallOrder}): its check-in less its priority's head start; null if not checked in. */
    public Instant placeOf(int priority, Instant checkInTime) {
        return checkInTime == null ? null : checkInTime.minus(of(priority));
    }

    /** The head start of one priority (1 normal, 2 senior, 3 emergency). */
    public Duration of(int priority) {
        return switch (priority) {
            case 3 -> emergency;
            case 2 -> senior;
            default -> Duration.ZERO;
        };
    }
}
