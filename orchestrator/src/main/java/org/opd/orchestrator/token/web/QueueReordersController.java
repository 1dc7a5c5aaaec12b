package org.opd.orchestrator.token.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.token.QueueReorder;
import org.opd.orchestrator.token.QueueReorders;
import org.opd.orchestrator.token.ReorderReason;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For operators: every change of one day that put a token ahead of others waiting in a doctor's line. */
@RestController
@RequestMapping("/api/v1/doctors/{doctorId}/reorders")
class QueueReordersController {

    private final QueueReorders reorders;

    QueueReordersController(QueueReorders reorders) {
        this.reorders = reorders;
    }

    /** @param date the day in the hospital's time zone */
    @GetMapping
    List<ReorderResponse> ofDay(@PathVariable UUID doctorId, @RequestParam LocalDate date) {
        return reorders.ofDay(doctorId, date).stream().map(ReorderResponse::of).toList();
    }

    /**
     * @param overtakenTokenIds tokens waiting to be called that went behind it, in call order
     * @param heldAheadTokenIds tokens of lower priority the fairness bound kept ahead of it (waiting longer than its head start)
     */
    record ReorderResponse(UUID reorderId, UUID tokenId, ReorderReason reason, int priority, Instant linePlaceAt,
                           List<UUID> overtakenTokenIds, List<UUID> heldAheadTokenIds, Instant occurredAt, UUID changedBy) {

        static ReorderResponse of(QueueReorder r) {
            return new ReorderResponse(r.reorderId(), r.tokenId(), r.reason(), r.priority(), r.linePlaceAt(),
                    r.overtakenTokenIds(), r.heldAheadTokenIds(), r.occurredAt(), r.changedBy());
        }
    }
}
