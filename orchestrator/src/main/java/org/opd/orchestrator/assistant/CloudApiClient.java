package org.opd.orchestrator.assistant;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Sends the assistant's replies through the WhatsApp Cloud API: {@code POST
 * /{version}/{phone-number-id}/messages} with the system user's bearer token, from the booking number
 * the patient wrote to.
 */
@Component
class CloudApiClient {

    private final AssistantProperties properties;
    private final RestClient http;

    CloudApiClient(AssistantProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.timeout());
        timeouts.setReadTimeout(properties.timeout());
        this.http = builder.clone().baseUrl(properties.baseUrl().toString()).requestFactory(timeouts)
                .defaultHeaders(headers -> headers.setBearerAuth(properties.accessToken() == null ? "" : properties.accessToken()))
                .build();
    }

    /** @throws org.springframework.web.client.RestClientException when the Cloud API refuses it or cannot be reached */
    void send(Outgoing reply) {
        http.post().uri("/{version}/{number}/messages", properties.apiVersion(), reply.phoneNumberId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(CloudMessages.of(reply.waId(), reply.prompt()))
                .retrieve().toBodilessEntity();
    }
}
