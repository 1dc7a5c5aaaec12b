package org.opd.orchestrator.identity.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.identity.IdentityProperties;
import org.opd.orchestrator.identity.RoleScope;
import org.opd.orchestrator.identity.RoleScopeCheck;
import org.opd.orchestrator.identity.CredentialRevoked;
import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client credentials for screens and hospital systems: issued by an administrator with a secret
 * shown once, registered with the authorization server (client credentials grant), revoked at
 * once — new tokens are refused and the ones already out stop working.
 */
@Service
public class ApiClients {

    private static final Logger log = LoggerFactory.getLogger(ApiClients.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientRepository repository;
    private final RegisteredClientRepository registeredClients;
    private final PasswordEncoder passwordEncoder;
    private final RoleScopeCheck scopeCheck;
    private final ApplicationEventPublisher events;
    private final IdentityProperties properties;
    private final Clock clock;

    ApiClients(ApiClientRepository repository, RegisteredClientRepository registeredClients, PasswordEncoder passwordEncoder,
               RoleScopeCheck scopeCheck, ApplicationEventPublisher events, IdentityProperties properties, Clock clock) {
        this.repository = repository;
        this.registeredClients = registeredClients;
        this.passwordEncoder = passwordEncoder;
        this.scopeCheck = scopeCheck;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public IssuedCredential issue(NewApiClient request, Caller grantor) {
        Set<Role> roles = request.kind() == ClientKind.DISPLAY ? Set.of(Role.DISPLAY) : request.roles();
        scopeCheck.check(new RoleScope(roles, request.hospitalId(), request.deptId(), request.doctorId()), grantor);
        String clientId = "opd-" + request.kind().name().toLowerCase() + "-" + HexFormat.of().formatHex(random(8));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        return register(new ApiClient(UUID.randomUUID(), clientId, request.kind(), request.name(), request.hospitalId(),
                request.deptId(), request.doctorId(), roles, grantor.subject(), clock.instant(), null), secret);
    }

    /** The client named by configuration, for scripts before the hospital has its own; made once. */
    @Transactional
    public void ensureBootstrapClient(String clientId, String secret) {
        if (repository.findByClientId(clientId).isEmpty()) {
            register(new ApiClient(UUID.randomUUID(), clientId, ClientKind.INTEGRATION, "Bootstrap client", null, null, null,
                    Set.of(Role.ADMIN), "bootstrap", clock.instant(), null), secret);
            log.info("Bootstrap client {} registered", clientId);
        }
    }

    public List<ApiClient> list(UUID hospitalId, ClientKind kind) {
        return repository.list(hospitalId, kind);
    }

    public ApiClient require(UUID credentialId) {
        return repository.find(credentialId).orElseThrow(() -> new NotFoundException("client credential", credentialId));
    }

    public Optional<ApiClient> find(UUID credentialId) {
        return repository.find(credentialId);
    }

    public Optional<ApiClient> findByClientId(String clientId) {
        return repository.findByClientId(clientId);
    }

    @Transactional
    public ApiClient revoke(UUID credentialId) {
        if (repository.revoke(credentialId, clock.instant())) {
            log.info("Client credential {} revoked", credentialId);
        }
        ApiClient revoked = require(credentialId);
        events.publishEvent(new CredentialRevoked(revoked.credentialId().toString()));
        return revoked;
    }

    private IssuedCredential register(ApiClient client, String secret) {
        repository.insert(client);
        registeredClients.save(RegisteredClient.withId(client.credentialId().toString())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientSecret(passwordEncoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenLifetime()).build())
                .build());
        return new IssuedCredential(client, secret);
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
