package org.opd.orchestrator.status;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The patients' status links ({@code opd.orchestrator.status-links.*}).
 *
 * @param key            base64 of 32 random bytes, the same value the notifier gets ({@code OPD_STATUS_LINK_KEY}); secret
 * @param grace          how long a link keeps working after its token became final (the patient may look once more)
 * @param streamLifetime how long one live stream stays open before the page reconnects and reloads
 */
@Validated
@ConfigurationProperties("opd.orchestrator.status-links")
public record StatusLinkProperties(
        @NotBlank(message = "must be set (OPD_STATUS_LINK_KEY)") String key,
        @NotNull @DefaultValue("1h") Duration grace,
        @NotNull @DefaultValue("30m") Duration streamLifetime) {
}
