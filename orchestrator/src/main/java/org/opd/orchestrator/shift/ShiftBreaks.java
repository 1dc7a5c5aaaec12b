package org.opd.orchestrator.shift;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import org.opd.orchestrator.error.InvalidInputException;

/** The one rule for a shift's planned breaks: each ends after it starts, inside the shift, none overlapping. */
public final class ShiftBreaks {

    private ShiftBreaks() {
    }

    /**
     * @param field the request field the breaks came in, named in the refusal
     * @return the breaks in time order
     */
    public static List<ShiftBreak> checked(List<ShiftBreak> breaks, LocalTime shiftStart, LocalTime shiftEnd, String field) {
        for (int i = 0; i < breaks.size(); i++) {
            ShiftBreak b = breaks.get(i);
            if (b.start() == null || b.end() == null) {
                throw new InvalidInputException(field + "[" + i + "]", "needs a start and an end");
            }
            if (!b.end().isAfter(b.start())) {
                throw new InvalidInputException(field + "[" + i + "]", "must end after it starts");
            }
        }
        List<ShiftBreak> ordered = breaks.stream().sorted(Comparator.comparing(ShiftBreak::start)).toList();
        LocalTime previousEnd = shiftStart;
        for (ShiftBreak b : ordered) {
            String at = field + "[" + breaks.indexOf(b) + "]";
            if (b.start().isBefore(shiftStart) || b.end().isAfter(shiftEnd)) {
                throw new InvalidInputException(at, "must lie within the shift " + shiftStart + "–" + shiftEnd);
            }
            if (b.start().isBefore(previousEnd)) {
                throw new InvalidInputException(at, "overlaps another break");
            }
            previousEnd = b.end();
        }
        return ordered;
    }
}
