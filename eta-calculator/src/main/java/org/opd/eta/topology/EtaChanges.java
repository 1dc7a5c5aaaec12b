package org.opd.eta.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.opd.schemas.queue.EtaChange;
import org.opd.schemas.queue.QueueSnapshot;
import org.opd.schemas.queue.QueuedToken;

/** The tokens whose position or ETA a new snapshot moves, compared with what screens were shown before. */
final class EtaChanges {

    private EtaChanges() {
    }

    static List<EtaChange> between(PublishedView previous, QueueSnapshot snapshot) {
        Map<UUID, QueuedToken> before = new HashMap<>();
        if (previous != null) {
            previous.waiting().forEach(token -> before.put(token.tokenId(), token));
        }
        List<EtaChange> changes = new ArrayList<>();
        for (QueuedToken token : snapshot.waiting()) {
            QueuedToken shown = before.get(token.tokenId());
            if (moved(shown, token)) {
                changes.add(change(snapshot, shown, token));
            }
        }
        return changes;
    }

    private static boolean moved(QueuedToken before, QueuedToken now) {
        return before == null || !Objects.equals(before.position(), now.position())
                || !Objects.equals(before.etaMinutesP50(), now.etaMinutesP50())
                || !Objects.equals(before.etaMinutesP90(), now.etaMinutesP90());
    }

    private static EtaChange change(QueueSnapshot snapshot, QueuedToken before, QueuedToken now) {
        return new EtaChange(EtaChange.SCHEMA_VERSION, snapshot.doctorId(), snapshot.deptId(), now.tokenId(),
                now.tokenNumber(), now.position(), now.etaMinutesP50(), now.etaMinutesP90(),
                before == null ? null : before.position(), before == null ? null : before.etaMinutesP50(),
                before == null ? null : before.etaMinutesP90(), snapshot.version(), snapshot.asOf());
    }
}
