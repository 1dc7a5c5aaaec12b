package org.opd.orchestrator.hospital;

import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** When the hospital's OPD is open on one weekday, in the hospital's time zone; "08:00" as spec 004 stores it. */
public record OpeningHours(
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime open,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime close) {

    @JsonIgnore
    @AssertTrue(message = "close must be after open")
    public boolean isCloseAfterOpen() {
        return open == null || close == null || close.isAfter(open);
    }
}
