-- A doctor's weekly schedule (spec 001 doctor_schedules, spec 000 per-weekday slots): per ISO
-- weekday (1 = Monday … 7 = Sunday) one session in a cabin, in the hospital's local time, cut into
-- slots of slot_minutes, with planned breaks. Shifts are planned from it; bookable slots come from it.
CREATE TABLE weekly_schedule_days (
    doctor_id UUID NOT NULL REFERENCES doctors(doctor_id) ON DELETE CASCADE,
    day_of_week SMALLINT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    cabin_id UUID NOT NULL REFERENCES cabins(cabin_id) ON DELETE CASCADE,
    start_time TIME NOT NULL,
    end_time TIME NOT NULL,
    -- Spec 001 keeps an appointment between 15 and 480 minutes.
    slot_minutes INT NOT NULL CHECK (slot_minutes BETWEEN 15 AND 480),
    planned_tokens INT NOT NULL CHECK (planned_tokens > 0),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_time > start_time),
    PRIMARY KEY (doctor_id, day_of_week)
);

CREATE TABLE weekly_schedule_breaks (
    doctor_id UUID NOT NULL,
    day_of_week SMALLINT NOT NULL,
    break_start TIME NOT NULL,
    break_end TIME NOT NULL,
    CHECK (break_end > break_start),
    PRIMARY KEY (doctor_id, day_of_week, break_start),
    FOREIGN KEY (doctor_id, day_of_week) REFERENCES weekly_schedule_days(doctor_id, day_of_week) ON DELETE CASCADE
);
