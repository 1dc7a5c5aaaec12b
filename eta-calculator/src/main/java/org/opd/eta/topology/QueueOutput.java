package org.opd.eta.topology;

import org.opd.schemas.alert.OperationsAlert;
import org.opd.schemas.notification.NotificationRequest;
import org.opd.schemas.queue.EtaChange;
import org.opd.schemas.queue.QueueSnapshot;

/** What the queue processor publishes; each kind goes to its own topic. */
sealed interface QueueOutput {

    record Snapshot(QueueSnapshot snapshot) implements QueueOutput {
    }

    record EtaChanged(EtaChange change) implements QueueOutput {
    }

    record Notification(NotificationRequest request) implements QueueOutput {
    }

    record Alert(OperationsAlert alert) implements QueueOutput {
    }
}
