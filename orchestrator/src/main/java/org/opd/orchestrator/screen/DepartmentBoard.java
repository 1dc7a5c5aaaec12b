package org.opd.orchestrator.screen;

import java.util.List;
import java.util.UUID;

/**
 * What a department's waiting-room display shows: the department (its colour from the data) and,
 * per doctor serving it today, the cabin and the live queue.
 *
 * @param timezone the hospital's time zone, in which the screen shows times
 */
public record DepartmentBoard(UUID deptId, UUID hospitalId, String name, String code, String colorCode, String timezone,
                              List<Cabin> cabins) {

    public DepartmentBoard {
        cabins = List.copyOf(cabins);
    }

    /** @param cabinNumber null when the doctor has no shift in a cabin today */
    public record Cabin(UUID doctorId, String doctorName, String cabinNumber, ScreenQueue queue) {
    }
}
