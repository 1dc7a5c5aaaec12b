package org.opd.orchestrator.abdm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * ABDM Scan & Share ({@code opd.orchestrator.abdm.*}). The gateway signs a JWT for every call it makes to
 * the facility's bridge; its keys come from {@code gatewayJwksUri} (the gateway's certs endpoint) or,
 * without one, from {@code gatewayPublicKey}. With neither, every gateway call is refused.
 *
 * @param gatewayJwksUri   the gateway's JWK set (ABDM publishes it at {@code <gateway>/v0.5/certs}); empty: not used
 * @param gatewayPublicKey PEM of the gateway's RSA public key ({@code -----BEGIN PUBLIC KEY-----}); empty: not used
 * @param gatewayIssuer    the {@code iss} its tokens must carry; empty: not checked
 * @param clientId         the client the token must be of ({@code clientId} or {@code azp} claim), e.g. the gateway's
 * @param tokenExpiry      how long the token number is shown as valid in the acknowledgement ({@code expiry})
 */
@Validated
@ConfigurationProperties("opd.orchestrator.abdm")
public record AbdmProperties(@NotNull String gatewayJwksUri, @NotNull String gatewayPublicKey, @NotNull String gatewayIssuer,
                             @NotNull String clientId, @NotNull Duration tokenExpiry) {
}
