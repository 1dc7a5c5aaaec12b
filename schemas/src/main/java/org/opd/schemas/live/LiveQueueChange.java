package org.opd.schemas.live;

import java.util.UUID;

/**
 * What the projection announces on {@link LiveStateKeys#QUEUE_CHANGES_CHANNEL} when it applied
 * a doctor's queue snapshot: whose queue changed and to which version. The queue itself stays
 * in the keys; a subscriber reads them.
 */
public record LiveQueueChange(UUID doctorId, UUID deptId, UUID hospitalId, long version) {
}
