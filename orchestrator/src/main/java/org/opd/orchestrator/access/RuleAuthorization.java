package org.opd.orchestrator.access;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.opd.security.PermissionDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Decides one {@link AccessRule}: first the roles (403 naming them), then whether the caller
 * reaches the record the request names (403 naming what is missing). Ids that are not UUIDs are
 * left for the API to refuse as a bad request.
 */
final class RuleAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private final AccessRule rule;
    private final ScopeCheck scope;

    RuleAuthorization(AccessRule rule, ScopeCheck scope) {
        this.rule = rule;
        this.scope = scope;
    }

    @Override
    @Deprecated
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        if (rule.target() == AccessRule.Target.PUBLIC) {
            return GRANTED;
        }
        if (!(authentication.get() instanceof JwtAuthenticationToken token)) {
            return new AuthorizationDecision(false);
        }
        Caller caller = Caller.of(token.getToken());
        if (rule.roles().stream().noneMatch(caller::has)) {
            return new AuthorityAuthorizationDecision(false,
                    AuthorityUtils.createAuthorityList(rule.roles().stream().map(Role::authority).sorted().toArray(String[]::new)));
        }
        switch (rule.target()) {
            case PATH -> uuid(context.getVariables().get(rule.resource().parameter))
                    .ifPresent(id -> scope.require(caller, rule, rule.resource(), id));
            case QUERY -> checkFilters(caller, context);
            case EVERY_HOSPITAL -> {
                if (caller.hospitalId() != null) {
                    throw new PermissionDeniedException("role ADMIN of every hospital");
                }
            }
            case ROLES_ONLY, PUBLIC -> {
            }
        }
        return GRANTED;
    }

    private void checkFilters(Caller caller, RequestAuthorizationContext context) {
        Map<String, String[]> query = context.getRequest().getParameterMap();
        boolean named = false;
        for (Resource resource : rule.filters()) {
            String[] values = query.get(resource.parameter);
            if (values != null && values.length > 0) {
                named = true;
                for (String value : values) {
                    uuid(value).ifPresent(id -> scope.require(caller, rule, resource, id));
                }
            }
        }
        if (caller.roles().equals(java.util.Set.of(Role.PATIENT)) && !query.containsKey(Resource.PATIENT.parameter)) {
            throw new PermissionDeniedException("a patientId filter naming one of your own records");
        }
        if (!named && caller.hospitalId() != null) {
            throw new PermissionDeniedException("a hospitalId (or department, doctor, patient) filter within your hospital");
        }
    }

    private static java.util.Optional<UUID> uuid(String value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
