package org.opd.eta.topology;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A department's live load: the latest load of each of its doctors.
 *
 * @param doctors         doctor id → latest load
 * @param bottleneckOpen  whether a BOTTLENECK alert is raised and not resolved
 */
record DepartmentLoad(UUID deptId, UUID hospitalId, Map<String, DoctorLoad> doctors, boolean bottleneckOpen, Instant asOf) {

    DepartmentLoad {
        doctors = Map.copyOf(doctors);
    }

    static DepartmentLoad empty(UUID deptId, UUID hospitalId) {
        return new DepartmentLoad(deptId, hospitalId, Map.of(), false, null);
    }

    DepartmentLoad with(DoctorLoad load) {
        Map<String, DoctorLoad> next = new HashMap<>(doctors);
        next.put(String.valueOf(load.doctorId()), load);
        Instant latest = asOf == null || load.asOf().isAfter(asOf) ? load.asOf() : asOf;
        return new DepartmentLoad(deptId, load.hospitalId() != null ? load.hospitalId() : hospitalId, next, bottleneckOpen, latest);
    }

    DepartmentLoad at(Instant now) {
        return new DepartmentLoad(deptId, hospitalId, doctors, bottleneckOpen, asOf == null || now.isAfter(asOf) ? now : asOf);
    }

    DepartmentLoad withBottleneckOpen(boolean open) {
        return new DepartmentLoad(deptId, hospitalId, doctors, open, asOf);
    }

    int inLine() {
        return doctors.values().stream().mapToInt(DoctorLoad::inLine).sum();
    }

    /** Average minutes waited so far by the tokens in line, at {@link #asOf()}; 0 when nobody waits. */
    long averageWaitMinutes() {
        int count = inLine();
        if (count == 0) {
            return 0;
        }
        long sum = doctors.values().stream().mapToLong(DoctorLoad::checkInEpochSecondsSum).sum();
        return Math.max(0, (asOf.getEpochSecond() * count - sum) / count / 60);
    }
}
