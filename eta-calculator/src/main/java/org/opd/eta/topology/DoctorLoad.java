package org.opd.eta.topology;

import java.time.Instant;
import java.util.UUID;

import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;

/**
 * One doctor's share of a department's load, sent to the department (repartitioned by department id).
 *
 * @param inLine                 tokens in line
 * @param checkInEpochSecondsSum sum of their check-in times, so the average wait can be read at any later moment
 * @param asOf                   the snapshot's moment
 */
record DoctorLoad(UUID doctorId, UUID deptId, UUID hospitalId, int inLine, long checkInEpochSecondsSum, Instant asOf) {

    static DoctorLoad of(QueueSnapshot snapshot) {
        long sum = 0;
        for (QueuedToken token : snapshot.waiting()) {
            sum += (token.checkInTime() != null ? token.checkInTime() : snapshot.asOf()).getEpochSecond();
        }
        return new DoctorLoad(snapshot.doctorId(), snapshot.deptId(), snapshot.hospitalId(), snapshot.waiting().size(), sum,
                snapshot.asOf());
    }
}
