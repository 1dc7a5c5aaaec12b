package org.opd.orchestrator.identity.client;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * The authorization server's clients, as Spring Authorization Server stores them, less the
 * revoked ones: a revoked credential is unknown to the token endpoint.
 */
@Component
class ActiveClients implements RegisteredClientRepository {

    private final JdbcRegisteredClientRepository stored;
    private final ApiClientRepository apiClients;

    ActiveClients(JdbcOperations jdbc, ApiClientRepository apiClients) {
        this.stored = new JdbcRegisteredClientRepository(jdbc);
        this.apiClients = apiClients;
    }

    @Override
    public void save(RegisteredClient client) {
        stored.save(client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return active(stored.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return active(stored.findByClientId(clientId));
    }

    private RegisteredClient active(RegisteredClient client) {
        if (client == null) {
            return null;
        }
        return apiClients.findByClientId(client.getClientId()).filter(ApiClient::revoked).isPresent() ? null : client;
    }
}
