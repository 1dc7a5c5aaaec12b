package org.opd.notifier.outbound;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The bodies the webhook API takes. */
final class SubscriptionRequests {

    private SubscriptionRequests() {
    }

    /** A new subscription; {@code active} defaults to true. */
    record NewSubscription(
            @NotBlank @Size(max = 2000) String targetUrl,
            @NotEmpty @Size(max = 64) List<String> eventTypes,
            @Size(max = 200) String description,
            Boolean active) {
    }

    /** A change: what is given changes, what is left out stays. */
    record SubscriptionChange(
            @Size(max = 2000) String targetUrl,
            @Size(min = 1, max = 64) List<String> eventTypes,
            @Size(max = 200) String description,
            Boolean active) {
    }
}
