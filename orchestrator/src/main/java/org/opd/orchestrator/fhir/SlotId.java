package org.opd.orchestrator.fhir;

import java.time.Instant;
import java.util.UUID;

/** A slot's FHIR id: its doctor's id and its start in epoch seconds ({@code <uuid>-<seconds>}), so that it needs no table. */
record SlotId(UUID doctorId, Instant start) {

    static String of(UUID doctorId, Instant start) {
        return doctorId + "-" + start.getEpochSecond();
    }

    /** @return null when the text is no slot id this server makes */
    static SlotId parse(String id) {
        if (id == null || id.length() < 38 || id.charAt(36) != '-') {
            return null;
        }
        try {
            return new SlotId(UUID.fromString(id.substring(0, 36)), Instant.ofEpochSecond(Long.parseLong(id.substring(37))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }
}
