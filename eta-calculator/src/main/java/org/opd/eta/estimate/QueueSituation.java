package org.opd.eta.estimate;

import java.time.Instant;
import java.util.List;

/**
 * What an {@link EtaEstimator} knows about one doctor's queue at one moment.
 *
 * @param now                    the moment the estimates are for
 * @param consultationStartedAt  when the running consultation started, or null if none runs
 * @param avgConsultationMinutes the configured average consultation time (the doctor's, else the department's)
 * @param bufferMinutes          the department's gap between consultations
 * @param line                   tokens in line, in call order
 * @param booked                 tokens issued but not checked in
 * @param shift                  the doctor's shift as far as known
 * @param history                what was learned from this doctor's past consultations
 */
public record QueueSituation(
        Instant now,
        Instant consultationStartedAt,
        int avgConsultationMinutes,
        int bufferMinutes,
        List<LineToken> line,
        List<BookedToken> booked,
        ShiftState shift,
        DoctorHistory history) {

    public QueueSituation {
        line = List.copyOf(line);
        booked = List.copyOf(booked);
        shift = shift != null ? shift : ShiftState.UNKNOWN;
        history = history != null ? history : DoctorHistory.EMPTY;
    }

    /** A line of {@code tokensInLine} normal tokens, nobody called, no shift or history known. */
    public static QueueSituation simple(Instant now, Instant consultationStartedAt, int avgConsultationMinutes,
            int bufferMinutes, int tokensInLine) {
        return new QueueSituation(now, consultationStartedAt, avgConsultationMinutes, bufferMinutes,
                java.util.Collections.nCopies(tokensInLine, new LineToken(1, null)), List.of(), ShiftState.UNKNOWN,
                DoctorHistory.EMPTY);
    }

    public int tokensInLine() {
        return line.size();
    }

    /**
     * A token in line.
     *
     * @param priority   1 normal, 2 senior, 3 emergency
     * @param calledTime when it was called into the cabin, or null
     */
    public record LineToken(int priority, Instant calledTime) {
    }

    /**
     * A token issued but not checked in.
     *
     * @param scheduledTime when it is expected, or null
     */
    public record BookedToken(int priority, Instant scheduledTime) {
    }
}
