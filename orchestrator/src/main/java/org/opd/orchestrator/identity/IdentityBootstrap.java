package org.opd.orchestrator.identity;

import java.net.URI;

import org.opd.orchestrator.identity.client.ApiClients;
import org.opd.orchestrator.identity.staff.StaffAccounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * What must exist for anyone to sign in: the staff console's client of the authorization server,
 * and on a first start the administrator and the script client named by configuration.
 */
@Component
class IdentityBootstrap implements ApplicationRunner {

    /** The staff console's client id; public (PKCE) unless a secret is configured for it. */
    static final String CONSOLE_CLIENT_ID = "opd-console";

    private final IdentityProperties properties;
    private final StaffAccounts accounts;
    private final ApiClients clients;
    private final RegisteredClientRepository registeredClients;
    private final PasswordEncoder passwordEncoder;

    IdentityBootstrap(IdentityProperties properties, StaffAccounts accounts, ApiClients clients,
                      RegisteredClientRepository registeredClients, PasswordEncoder passwordEncoder) {
        this.properties = properties;
        this.accounts = accounts;
        this.clients = clients;
        this.registeredClients = registeredClients;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        IdentityProperties.Bootstrap bootstrap = properties.bootstrap();
        if (bootstrap.hasAdmin()) {
            accounts.ensureBootstrapAdmin(bootstrap.adminEmail(), bootstrap.adminPassword());
        }
        if (bootstrap.hasClient()) {
            clients.ensureBootstrapClient(bootstrap.clientId(), bootstrap.clientSecret());
        }
        if (!properties.consoleRedirectUris().isEmpty()) {
            registeredClients.save(consoleClient());
        }
    }

    /** Saved on every start (same id), so a changed redirect list or secret takes effect. */
    private RegisteredClient consoleClient() {
        String secret = properties.consoleClientSecret();
        boolean confidential = secret != null && !secret.isBlank();
        RegisteredClient.Builder client = RegisteredClient.withId(CONSOLE_CLIENT_ID)
                .clientId(CONSOLE_CLIENT_ID)
                .clientName("OPD staff console")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.accessTokenLifetime())
                        .refreshTokenTimeToLive(properties.refreshTokenLifetime())
                        .reuseRefreshTokens(false)
                        .build());
        properties.consoleRedirectUris().stream().map(URI::toString).forEach(client::redirectUri);
        // Signing out (OIDC RP-initiated logout) returns to the page, which then asks for a sign-in again.
        properties.consoleRedirectUris().stream().map(URI::toString).forEach(client::postLogoutRedirectUri);
        if (confidential) {
            client.clientSecret(passwordEncoder.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        } else {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return client.build();
    }
}
