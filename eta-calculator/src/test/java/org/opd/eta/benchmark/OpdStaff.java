package org.opd.eta.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The simulated hospital's departments and doctors: the same people every simulated day, each with
 * a real pace of their own that the configured averages do not know: some doctors take half the
 * configured time, some up to twice, and one doctor's own configured average is simply wrong.
 *
 * @param seed the seed the staff was drawn from; each day's events draw from it too
 */
record OpdStaff(long seed, UUID hospitalId, List<Department> departments, List<Doctor> doctors) {

    /**
     * Real median over configured average, per department in the order of {@link #hire}: each department
     * has a fast doctor and a slow one, so that no department is overrun for the whole morning.
     */
    private static final double[][] PACES = {{0.5, 1.0, 1.8}, {0.55, 1.15, 2.0}, {0.85, 1.5}};
    /** How far a hospital's doctors are from the paces above (log-spread). */
    private static final double PACE_JITTER = 0.08;

    record Department(UUID id, String code, int avgMinutes, int bufferMinutes) {
    }

    /** How a doctor's real median compares with their configured average. */
    enum Pace {
        /** at most 0.75 times the configured average */
        FAST,
        /** within 0.75 to 1.3 times */
        AS_CONFIGURED,
        /** at least 1.3 times */
        SLOW;

        static Pace of(double realOverConfigured) {
            return realOverConfigured <= 0.75 ? FAST : realOverConfigured < 1.3 ? AS_CONFIGURED : SLOW;
        }
    }

    /**
     * A doctor as configured, and as they really are.
     *
     * @param configuredAvg     the doctor's configured average consultation time
     * @param realMedianMinutes the median of their consultation times (on an ordinary day)
     * @param sigma             the log-spread of their consultation times
     */
    record Doctor(UUID id, Department dept, int configuredAvg, double realMedianMinutes, double sigma) {

        Pace pace() {
            return Pace.of(realMedianMinutes / configuredAvg);
        }
    }

    /**
     * Three departments (configured average 10, 15 and 8 min, buffer 5), eight doctors; the as-configured
     * doctor of the first department is configured 1.5 times too slow (their own setting, not the department's).
     */
    static OpdStaff hire(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Department> departments = List.of(
                new Department(UUID.randomUUID(), "GEN", 10, 5),
                new Department(UUID.randomUUID(), "CARD", 15, 5),
                new Department(UUID.randomUUID(), "ENT", 8, 5));
        List<Doctor> doctors = new ArrayList<>();
        for (int d = 0; d < departments.size(); d++) {
            Department dept = departments.get(d);
            for (int i = 0; i < PACES[d].length; i++) {
                double realMedian = dept.avgMinutes() * PACES[d][i] * Math.exp(PACE_JITTER * random.nextGaussian());
                int configured = d == 0 && i == 1 ? (int) Math.round(dept.avgMinutes() * 1.5) : dept.avgMinutes();
                // Some doctors vary more than others.
                doctors.add(new Doctor(UUID.randomUUID(), dept, configured, realMedian, 0.3 + 0.25 * random.nextDouble()));
            }
        }
        return new OpdStaff(seed, UUID.randomUUID(), departments, List.copyOf(doctors));
    }

    List<Doctor> doctorsOf(Department dept) {
        return doctors.stream().filter(doctor -> doctor.dept().equals(dept)).toList();
    }
}
