package org.opd.eta.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

import org.opd.schemas.doctor.PlannedBreak;

/**
 * The planned breaks still ahead of a doctor, in minutes from now, as the model plays them out: a doctor
 * who is free once a break is due takes it whole (after finishing the running consultation, if the break
 * fell during it), and breaks may run over.
 */
final class BreakPlan {

    private final double[] startMinutes;
    private final double[] lengthMinutes;

    private BreakPlan(double[] startMinutes, double[] lengthMinutes) {
        this.startMinutes = startMinutes;
        this.lengthMinutes = lengthMinutes;
    }

    static BreakPlan of(ShiftState shift, Instant now) {
        List<PlannedBreak> ahead = shift.breaksAhead(now);
        double[] starts = new double[ahead.size()];
        double[] lengths = new double[ahead.size()];
        for (int i = 0; i < ahead.size(); i++) {
            starts[i] = Duration.between(now, ahead.get(i).start()).toMillis() / 60_000.0;
            lengths[i] = Duration.between(ahead.get(i).start(), ahead.get(i).end()).toMillis() / 60_000.0;
        }
        return new BreakPlan(starts, lengths);
    }

    /** One simulated future of these breaks: each one's overrun drawn (exponential, mean {@code meanOverrunMinutes}). */
    Sample sample(double meanOverrunMinutes, RandomGenerator random) {
        double[] lengths = new double[lengthMinutes.length];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = lengthMinutes[i] + random.nextExponential() * meanOverrunMinutes;
        }
        return new Sample(lengths);
    }

    /** The breaks of one simulated future, taken in order as the doctor reaches them. */
    final class Sample {
        private final double[] lengths;
        private int next;

        private Sample(double[] lengths) {
            this.lengths = lengths;
        }

        /** When a doctor free at {@code freeAt} can start the next consultation: after every break due by then. */
        double resumeAt(double freeAt) {
            double t = freeAt;
            while (next < lengths.length && t >= startMinutes[next]) {
                t += lengths[next++];
            }
            return t;
        }
    }
}
