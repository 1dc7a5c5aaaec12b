package org.opd.orchestrator.booking;

import java.util.Map;

import org.opd.orchestrator.error.ConflictException;

/** Another appointment of the doctor already holds some of the asked time (the database said so). */
public class SlotTakenException extends ConflictException {

    public SlotTakenException() {
        super("slot-taken", "Slot taken", "Another appointment of the doctor holds some of this time",
                Map.of("field", "startTime"));
    }
}
