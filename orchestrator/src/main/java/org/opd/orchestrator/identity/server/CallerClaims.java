package org.opd.orchestrator.identity.server;

import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opd.orchestrator.identity.RoleScope;
import org.opd.orchestrator.identity.client.ApiClient;
import org.opd.orchestrator.identity.client.ApiClients;
import org.opd.orchestrator.identity.client.ClientKind;
import org.opd.orchestrator.identity.staff.StaffAccount;
import org.opd.orchestrator.identity.staff.StaffAccounts;
import org.opd.schemas.identity.Claims;
import org.opd.schemas.identity.PrincipalType;
import org.opd.schemas.identity.Role;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts who the token speaks for into it ({@link Claims}): for a client credential its kind,
 * roles and scope; for a signed-in staff member their account's roles and scope, read afresh
 * at each refresh so a changed role takes effect with the next token.
 */
@Component
class CallerClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final StaffAccounts accounts;
    private final ApiClients clients;

    CallerClaims(StaffAccounts accounts, ApiClients clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            ApiClient client = clients.findByClientId(context.getRegisteredClient().getClientId())
                    .orElseThrow(() -> new IllegalStateException("Client without a credential record"));
            boolean display = client.kind() == ClientKind.DISPLAY;
            // The credential's id, not its client id: a UUID that history rows and the audit can hold.
            claims.subject(client.credentialId().toString());
            claims.claim(Claims.PRINCIPAL_TYPE, (display ? PrincipalType.DEVICE : PrincipalType.CLIENT).name());
            if (display) {
                claims.claim(Claims.DEVICE_ID, client.credentialId().toString());
            }
            scope(claims, new RoleScope(client.roles(), client.hospitalId(), client.deptId(), client.doctorId()));
        } else {
            StaffAccount account = accounts.require(UUID.fromString(context.getPrincipal().getName()));
            claims.claim(Claims.PRINCIPAL_TYPE, PrincipalType.STAFF.name());
            scope(claims, account.scope());
        }
    }

    private static void scope(JwtClaimsSet.Builder claims, RoleScope scope) {
        // An ArrayList: the server stores the claims with Spring Security's Jackson allowlist, which has no List.of.
        claims.claim(Claims.ROLES, scope.roles().stream().map(Role::name).sorted().collect(Collectors.toCollection(ArrayList::new)));
        optional(claims, Claims.HOSPITAL_ID, scope.hospitalId());
        optional(claims, Claims.DEPT_ID, scope.deptId());
        optional(claims, Claims.DOCTOR_ID, scope.doctorId());
    }

    private static void optional(JwtClaimsSet.Builder claims, String name, UUID value) {
        if (value != null) {
            claims.claim(name, value.toString());
        }
    }
}
