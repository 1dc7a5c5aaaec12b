package org.opd.notifier.outbound;

/** Where a webhook delivery stands: PENDING until the receiver answers 2xx (DELIVERED) or its attempts run out (FAILED). */
enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
