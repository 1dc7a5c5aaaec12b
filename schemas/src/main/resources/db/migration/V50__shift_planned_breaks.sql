-- The breaks planned in a shift (from the weekly schedule or set by hand), in the hospital's
-- local time of the shift's day; published with the shift's doctor events so the ETA waits for them.
-- That breaks lie inside their shift and do not overlap is checked where a shift is planned.
CREATE TABLE shift_planned_breaks (
    assignment_id UUID NOT NULL REFERENCES cabin_doctors(assignment_id) ON DELETE CASCADE,
    break_start TIME NOT NULL,
    break_end TIME NOT NULL,
    CHECK (break_end > break_start),
    PRIMARY KEY (assignment_id, break_start)
);
