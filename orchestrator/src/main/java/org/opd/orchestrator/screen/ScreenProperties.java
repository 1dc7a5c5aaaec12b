package org.opd.orchestrator.screen;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The screens' live streams ({@code opd.orchestrator.screens.*}).
 *
 * @param heartbeat       how often an idle stream gets a comment, so proxies keep it open and a gone
 *                        screen is noticed (its write fails)
 * @param resubscribeDelay how long to wait before following Redis's changes again after the
 *                        subscription broke
 */
@Validated
@ConfigurationProperties("opd.orchestrator.screens")
public record ScreenProperties(@NotNull Duration heartbeat, @NotNull Duration resubscribeDelay) {
}
