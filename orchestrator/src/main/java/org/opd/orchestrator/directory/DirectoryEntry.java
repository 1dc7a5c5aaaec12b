package org.opd.orchestrator.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.orchestrator.specialty.Specialty;

/**
 * A doctor as the directory lists them.
 *
 * @param specialty     null when the doctor has none in the lookup
 * @param nextAvailable the first free slot within the days asked for (in the hospital's offset), or null
 */
public record DirectoryEntry(UUID doctorId, String name, Specialty specialty, UUID deptId, String departmentName,
                             NextSlot nextAvailable) {

    public record NextSlot(OffsetDateTime startTime, OffsetDateTime endTime, UUID cabinId) {
    }
}
