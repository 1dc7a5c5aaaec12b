package org.opd.orchestrator.cabin;

import java.util.List;
import java.util.UUID;

/** A consultation room of a department. */
public record Cabin(
        UUID cabinId,
        UUID deptId,
        String cabinNumber,
        Integer floorNumber,
        int capacity,
        List<String> equipment,
        String status) {
}
