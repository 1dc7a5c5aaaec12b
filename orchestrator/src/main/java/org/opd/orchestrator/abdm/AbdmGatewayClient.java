package org.opd.orchestrator.abdm;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The facility's calls to the ABDM gateway, each with the session's bearer token and the consent
 * manager's id in {@code X-CM-ID}. A call the gateway answers with an error status throws.
 */
@Component
class AbdmGatewayClient {

    static final String ON_SHARE = "/v1.0/patients/profile/on-share";
    static final String CM_ID_HEADER = "X-CM-ID";

    private final RestClient http;
    private final GatewaySession session;
    private final String cmId;

    AbdmGatewayClient(AbdmProperties properties, RestClient.Builder builder, Clock clock) {
        AbdmProperties.Callbacks callbacks = properties.callbacks();
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(callbacks.timeout());
        timeouts.setReadTimeout(callbacks.timeout());
        this.http = builder.clone().baseUrl(callbacks.gatewayUrl()).requestFactory(timeouts).build();
        this.session = new GatewaySession(http, callbacks, clock);
        this.cmId = callbacks.cmId();
    }

    void onShare(OnShare answer) {
        String token = session.accessToken();
        try {
            http.post().uri(ON_SHARE).header(CM_ID_HEADER, cmId).headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).body(answer).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.Unauthorized e) {
            session.forget(token);
            throw e;
        }
    }
}
