package org.opd.eta.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opd.eta.estimate.Eta;
import org.opd.eta.estimate.EtaEstimator;
import org.opd.eta.estimate.QueueSituation;
import org.opd.schemas.queue.DoctorStatus;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;

/** Turns a doctor's queue state into the snapshot screens read: positions, ETAs, doctor status. */
final class SnapshotAssembler {

    private final EtaEstimator estimator;

    SnapshotAssembler(EtaEstimator estimator) {
        this.estimator = estimator;
    }

    QueueSnapshot assemble(DoctorQueue queue, List<TrackedToken> departed) {
        Optional<TrackedToken> current = queue.current();
        List<TrackedToken> inLine = queue.inLine();
        List<Eta> etas = estimator.estimate(situation(queue));

        List<QueuedToken> waiting = new ArrayList<>(inLine.size());
        for (int i = 0; i < inLine.size(); i++) {
            waiting.add(inLinePosition(inLine.get(i), i + 1, etas.get(i)));
        }
        return new QueueSnapshot(QueueSnapshot.SCHEMA_VERSION, queue.doctorId(), queue.deptId(), queue.hospitalId(),
                queue.version(), queue.asOf(),
                status(queue),
                current.map(SnapshotAssembler::outOfLine).orElse(null),
                waiting,
                queue.booked().stream().map(SnapshotAssembler::outOfLine).toList(),
                departed.stream().map(SnapshotAssembler::outOfLine).toList(),
                queue.parked().stream().map(SnapshotAssembler::outOfLine).toList());
    }

    static QueueSituation situation(DoctorQueue queue) {
        return new QueueSituation(queue.asOf(),
                queue.current().map(TrackedToken::consultationStartTime).orElse(null),
                queue.avgConsultationMinutes(), queue.bufferMinutes(),
                queue.inLine().stream().map(token -> new QueueSituation.LineToken(token.priority(), token.calledTime())).toList(),
                queue.booked().stream().map(token -> new QueueSituation.BookedToken(token.priority(), token.scheduledTime())).toList(),
                queue.shift(), queue.history());
    }

    /** BUSY with a patient in the cabin; OFFLINE when the shift says the doctor is not at work; else AVAILABLE. */
    static DoctorStatus status(DoctorQueue queue) {
        if (queue.current().isPresent()) {
            return DoctorStatus.BUSY;
        }
        return queue.shift().working() ? DoctorStatus.AVAILABLE : DoctorStatus.OFFLINE;
    }

    private static QueuedToken inLinePosition(TrackedToken token, int position, Eta eta) {
        return new QueuedToken(token.tokenId(), token.tokenNumber(), token.status(), token.priority(),
                position, eta.p50Minutes(), eta.p90Minutes(),
                token.checkInTime(), token.calledTime(), token.consultationStartTime(), token.lastEventAt());
    }

    private static QueuedToken outOfLine(TrackedToken token) {
        return new QueuedToken(token.tokenId(), token.tokenNumber(), token.status(), token.priority(),
                null, null, null,
                token.checkInTime(), token.calledTime(), token.consultationStartTime(), token.lastEventAt());
    }
}
