package org.opd.orchestrator.token;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;


/**
 * One change that put a token ahead of others already waiting in a doctor's line, kept for operators.
 *
 * @param overtakenTokenIds the tokens waiting to be called that are now behind it, in call order
 * @param heldAheadTokenIds for a priority arrival: tokens of lower priority that strict priority would have put
 *                          behind it but the fairness bound (they have waited longer than its head start) keeps ahead
 * @param changedBy         the staff member who acted; null when unknown or the system
 */
public record QueueReorder(UUID reorderId, UUID doctorId, UUID tokenId, ReorderReason reason, int priority,
                           Instant linePlaceAt, List<UUID> overtakenTokenIds, List<UUID> heldAheadTokenIds,
                           Instant occurredAt, UUID changedBy) {

    private static final Comparator<LinedUpToken> CALL_ORDER = LinedUpToken.CALL_ORDER;

    public QueueReorder {
        overtakenTokenIds = List.copyOf(overtakenTokenIds);
        heldAheadTokenIds = List.copyOf(heldAheadTokenIds);
    }

    /**
     * The reorder of placing {@code placed} into {@code line} (the others waiting to be called), or
     * none when it goes behind everyone and holds nobody ahead by fairness.
     */
    static Optional<QueueReorder> of(UUID doctorId, LinedUpToken placed, List<LinedUpToken> line, ReorderReason reason,
                                     Instant now, UUID changedBy) {
        List<UUID> overtaken = line.stream().filter(other -> CALL_ORDER.compare(placed, other) < 0)
                .sorted(CALL_ORDER).map(LinedUpToken::tokenId).toList();
        List<UUID> heldAhead = reason != ReorderReason.PRIORITY ? List.of() : line.stream()
                .filter(other -> CALL_ORDER.compare(other, placed) < 0 && other.priority() < placed.priority())
                .sorted(CALL_ORDER).map(LinedUpToken::tokenId).toList();
        if (overtaken.isEmpty() && heldAhead.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QueueReorder(UUID.randomUUID(), doctorId, placed.tokenId(), reason, placed.priority(),
                placed.linePlaceAt(), overtaken, heldAhead, now, changedBy));
    }
}
