package org.opd.eta.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The simulated hospital's departments and doctors: the same people every simulated day, each with
 * a real pace of their own that the configured averages do not know.
 *
 * @param seed the seed the staff was drawn from; each day's events draw from it too
 */
record OpdStaff(long seed, UUID hospitalId, List<Department> departments, List<Doctor> doctors) {

    record Department(UUID id, String code, int avgMinutes, int bufferMinutes) {
    }

    /**
     * A doctor as configured, and as they really are.
     *
     * @param realMedianMinutes the median of their consultation times (on an ordinary day)
     * @param sigma             the log-spread of their consultation times
     */
    record Doctor(UUID id, Department dept, int configuredAvg, double realMedianMinutes, double sigma) {
    }

    /** Three departments (configured average 10, 15 and 8 min, buffer 5), eight doctors. */
    static OpdStaff hire(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Department> departments = List.of(
                new Department(UUID.randomUUID(), "GEN", 10, 5),
                new Department(UUID.randomUUID(), "CARD", 15, 5),
                new Department(UUID.randomUUID(), "ENT", 8, 5));
        List<Doctor> doctors = new ArrayList<>();
        for (Department dept : departments) {
            int count = dept.code().equals("ENT") ? 2 : 3;
            for (int i = 0; i < count; i++) {
                // Real medians from 0.6 to 1.4 times the configured average; some doctors vary more than others.
                double factor = 0.6 + 0.8 * random.nextDouble();
                doctors.add(new Doctor(UUID.randomUUID(), dept, dept.avgMinutes(), dept.avgMinutes() * factor,
                        0.3 + 0.25 * random.nextDouble()));
            }
        }
        return new OpdStaff(seed, UUID.randomUUID(), departments, List.copyOf(doctors));
    }

    List<Doctor> doctorsOf(Department dept) {
        return doctors.stream().filter(doctor -> doctor.dept().equals(dept)).toList();
    }
}
