package org.opd.orchestrator.audit;

import java.util.List;
import java.util.UUID;

import org.opd.schemas.identity.Claims;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who made an audited request, as their credential said at the time.
 *
 * @param subject    the JWT's {@code sub} (account, client or patient session); null when nobody was authenticated
 * @param type       the {@link Claims#PRINCIPAL_TYPE} claim ({@code STAFF}, {@code PATIENT}, {@code DEVICE}, {@code CLIENT})
 * @param roles      the {@link Claims#ROLES} claim, or the {@code ROLE_} authorities of another kind of authentication
 * @param hospitalId the {@link Claims#HOSPITAL_ID} claim
 */
public record AuditCaller(String subject, String type, List<String> roles, UUID hospitalId) {

    /** Nobody authenticated: no credential, or one that was refused. */
    public static final AuditCaller NONE = new AuditCaller(null, null, List.of(), null);

    private static final int MAX_SUBJECT_LENGTH = 255;
    private static final int MAX_TYPE_LENGTH = 20;
    private static final String ROLE_PREFIX = "ROLE_";

    public AuditCaller {
        roles = List.copyOf(roles);
    }

    /** From Spring Security's authentication: a JWT's claims, or the name and roles of any other authenticated principal. */
    public static AuditCaller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return NONE;
        }
        Jwt jwt = authentication.getPrincipal() instanceof Jwt principal ? principal
                : authentication.getCredentials() instanceof Jwt credentials ? credentials : null;
        if (jwt == null) {
            List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                    .map(authority -> authority.substring(ROLE_PREFIX.length())).toList();
            return new AuditCaller(cut(authentication.getName(), MAX_SUBJECT_LENGTH), null, roles, null);
        }
        List<String> roles = jwt.hasClaim(Claims.ROLES) ? jwt.getClaimAsStringList(Claims.ROLES) : List.of();
        String subject = jwt.getSubject() != null ? jwt.getSubject() : authentication.getName();
        return new AuditCaller(cut(subject, MAX_SUBJECT_LENGTH), cut(jwt.getClaimAsString(Claims.PRINCIPAL_TYPE), MAX_TYPE_LENGTH),
                roles == null ? List.of() : roles, uuid(jwt.getClaimAsString(Claims.HOSPITAL_ID)));
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
