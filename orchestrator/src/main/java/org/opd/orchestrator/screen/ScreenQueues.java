package org.opd.orchestrator.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.queue.DoctorQueueView;
import org.opd.orchestrator.queue.LiveQueueReader;
import org.springframework.stereotype.Service;

/** Reads one doctor's queue as screens show it. */
@Service
public class ScreenQueues {

    private static final TokenLabels.Label UNKNOWN = new TokenLabels.Label(null, null);

    private final LiveQueueReader queues;
    private final TokenLabels labels;

    ScreenQueues(LiveQueueReader queues, TokenLabels labels) {
        this.queues = queues;
        this.labels = labels;
    }

    public ScreenQueue read(UUID doctorId) {
        DoctorQueueView view = queues.doctorQueue(doctorId);
        List<UUID> ids = new ArrayList<>(view.waiting().stream().map(DoctorQueueView.WaitingToken::tokenId).toList());
        if (view.current() != null) {
            ids.add(view.current().tokenId());
        }
        Map<UUID, TokenLabels.Label> known = labels.of(ids);
        ScreenToken current = null;
        if (view.current() != null) {
            TokenLabels.Label label = known.getOrDefault(view.current().tokenId(), UNKNOWN);
            current = new ScreenToken(view.current().tokenId(), view.current().tokenNumber(), label.maskedName(),
                    null, null, null, label.calledTime());
        }
        List<ScreenToken> waiting = view.waiting().stream().map(token -> {
            TokenLabels.Label label = known.getOrDefault(token.tokenId(), UNKNOWN);
            return new ScreenToken(token.tokenId(), token.tokenNumber(), label.maskedName(), token.position(),
                    token.etaMinutesP50(), token.etaMinutesP90(), label.calledTime());
        }).toList();
        return new ScreenQueue(doctorId, view.version(), view.doctorStatus(), current, waiting, labels.parkedWith(doctorId));
    }
}
