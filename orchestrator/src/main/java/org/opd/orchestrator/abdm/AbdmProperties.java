package org.opd.orchestrator.abdm;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
 * @param callbacks        the facility's own calls back to the gateway (the on-share)
 */
@Validated
@ConfigurationProperties("opd.orchestrator.abdm")
public record AbdmProperties(@NotNull String gatewayJwksUri, @NotNull String gatewayPublicKey, @NotNull String gatewayIssuer,
                             @NotNull String clientId, @NotNull Duration tokenExpiry, @NotNull @Valid Callbacks callbacks) {

    /**
     * How the facility answers the gateway: a session token for the facility's own client
     * ({@code POST <gatewayUrl>/v0.5/sessions}), then {@code POST <gatewayUrl>/v1.0/patients/profile/on-share}
     * with it and the consent manager's id in {@code X-CM-ID}. Off while {@code gatewayUrl} is empty; once
     * it is set, the client, its secret and the consent manager id must be set too.
     *
     * @param gatewayUrl   the gateway's base URL (sandbox {@code https://dev.abdm.gov.in/gateway}); empty: no on-share
     * @param clientId     the facility's client id at ABDM (not the gateway's, which {@code clientId} above checks)
     * @param clientSecret its secret
     * @param cmId         the consent manager the calls are for ({@code sbx} in the sandbox, {@code abdm} live)
     * @param timeout      connect and read timeout of one call
     * @param attempts     how many times an on-share is tried before it is given up
     * @param firstBackoff the wait before the second attempt; each later wait doubles
     */
    public record Callbacks(@NotNull String gatewayUrl, @NotNull String clientId, @NotNull String clientSecret,
                            @NotNull String cmId, @NotNull Duration timeout, @Min(1) int attempts, @NotNull Duration firstBackoff) {

        public Callbacks {
            if (gatewayUrl != null && !gatewayUrl.isBlank()
                    && (isBlank(clientId) || isBlank(clientSecret) || isBlank(cmId))) {
                throw new IllegalArgumentException("opd.orchestrator.abdm.callbacks: with a gateway-url, client-id, "
                        + "client-secret and cm-id must be set too");
            }
        }

        public boolean enabled() {
            return !gatewayUrl.isBlank();
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
