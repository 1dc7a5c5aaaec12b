package org.opd.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.opd.schemas.identity.Claims;
import org.opd.schemas.identity.PrincipalType;
import org.opd.schemas.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the access token says: the subject, what kind of principal, its roles and
 * the hospital, department, doctor or patients it is limited to. Unknown role names from another
 * issuer are ignored, not guessed at.
 */
public record Caller(
        String subject,
        PrincipalType type,
        Set<Role> roles,
        UUID hospitalId,
        UUID deptId,
        UUID doctorId,
        Set<UUID> patientIds,
        UUID deviceId) {

    public static Caller of(Jwt jwt) {
        return new Caller(
                jwt.getSubject(),
                enumOrNull(PrincipalType.class, jwt.getClaimAsString(Claims.PRINCIPAL_TYPE)),
                roles(jwt.getClaimAsStringList(Claims.ROLES)),
                uuid(jwt.getClaimAsString(Claims.HOSPITAL_ID)),
                uuid(jwt.getClaimAsString(Claims.DEPT_ID)),
                uuid(jwt.getClaimAsString(Claims.DOCTOR_ID)),
                uuids(jwt.getClaimAsStringList(Claims.PATIENT_IDS)),
                uuid(jwt.getClaimAsString(Claims.DEVICE_ID)));
    }

    /** The caller of the current request, if it presented a JWT. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? Optional.of(of(jwt.getToken())) : Optional.empty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** A caller without a hospital claim (the bootstrap administrator) may act in every hospital. */
    public boolean mayActIn(UUID hospital) {
        return hospitalId == null ? type == PrincipalType.STAFF || type == PrincipalType.CLIENT : hospitalId.equals(hospital);
    }

    /** The subject as a UUID when it is one (staff accounts and clients of the embedded issuer), for history rows. */
    public UUID subjectId() {
        return uuid(subject);
    }

    static Set<Role> roles(Collection<String> names) {
        if (names == null) {
            return Set.of();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            Role role = enumOrNull(Role.class, name);
            if (role != null) {
                roles.add(role);
            }
        }
        return Set.copyOf(roles);
    }

    private static Set<UUID> uuids(List<String> values) {
        return values == null ? Set.of() : values.stream().map(Caller::uuid).filter(v -> v != null).collect(Collectors.toUnmodifiableSet());
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
