package org.opd.orchestrator.leave.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.opd.orchestrator.leave.ExceptionType;
import org.opd.orchestrator.leave.NewScheduleException;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A part of a day or a range of days: from {@code startDatetime} up to {@code endDatetime}. */
record CreateScheduleExceptionRequest(
        @NotNull UUID doctorId,
        @NotNull ExceptionType exceptionType,
        @NotNull OffsetDateTime startDatetime,
        @NotNull OffsetDateTime endDatetime,
        @Size(max = 500) String reason) {

    @JsonIgnore
    @AssertTrue(message = "endDatetime must be after startDatetime")
    public boolean isEndAfterStart() {
        return startDatetime == null || endDatetime == null || endDatetime.isAfter(startDatetime);
    }

    NewScheduleException toNew() {
        return new NewScheduleException(doctorId, exceptionType, startDatetime.toInstant(), endDatetime.toInstant(), reason);
    }
}
