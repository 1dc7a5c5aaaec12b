package org.opd.orchestrator.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Where the live queue projection is read from ({@code opd.orchestrator.redis.*}). The
 * orchestrator only reads Redis; the eta-calculator writes it.
 *
 * @param timeout connect and read timeout of one Redis call
 */
@Validated
@ConfigurationProperties("opd.orchestrator.redis")
public record RedisProperties(
        @NotBlank String host,
        @Positive @Max(65535) int port,
        @NotNull Duration timeout) {
}
