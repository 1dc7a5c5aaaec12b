package org.opd.orchestrator.identity.patient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.identity.IdentityProperties;
import org.opd.schemas.identity.Claims;
import org.opd.schemas.identity.PrincipalType;
import org.opd.schemas.identity.Role;
import org.opd.security.Caller;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import org.opd.orchestrator.error.UnauthorizedException;

/**
 * Patients' sessions: an access token of this issuer for the patients registered with the phone
 * that received the code, good for 15 minutes and renewed while in use, never past an hour
 * from the sign-in (the {@code auth_time} claim).
 */
@Service
public class PatientSessions {

    private final JwtEncoder encoder;
    private final IdentityProperties.PatientSession limits;
    private final String issuer;
    private final Clock clock;

    PatientSessions(JwtEncoder encoder, IdentityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.limits = properties.patientSession();
        this.issuer = properties.issuer().toString();
        this.clock = clock;
    }

    public PatientSession start(UUID hospitalId, List<UUID> patientIds) {
        Instant now = clock.instant();
        return token(UUID.randomUUID().toString(), hospitalId, patientIds, now, now);
    }

    /** A fresh token for a session still in use; refused once the session's hour is over. */
    public PatientSession renew(Jwt current) {
        Caller caller = Caller.of(current);
        Instant signedIn = Instant.ofEpochSecond(((Number) current.getClaim(Claims.AUTH_TIME)).longValue());
        Instant now = clock.instant();
        if (!now.isBefore(signedIn.plus(limits.absolute()))) {
            throw new SessionOverException(limits.absolute());
        }
        return token(caller.subject(), caller.hospitalId(), List.copyOf(caller.patientIds()), signedIn, now);
    }

    private PatientSession token(String session, UUID hospitalId, List<UUID> patientIds, Instant signedIn, Instant now) {
        Instant endsAt = signedIn.plus(limits.absolute());
        Instant expiresAt = min(now.plus(limits.idle()), endsAt);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(session)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(Claims.PRINCIPAL_TYPE, PrincipalType.PATIENT.name())
                .claim(Claims.ROLES, List.of(Role.PATIENT.name()))
                .claim(Claims.HOSPITAL_ID, hospitalId.toString())
                .claim(Claims.PATIENT_IDS, patientIds.stream().map(UUID::toString).toList())
                .claim(Claims.AUTH_TIME, signedIn.getEpochSecond())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        return new PatientSession(token, expiresAt, endsAt, hospitalId, patientIds);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The session's hour is over: the patient signs in again with a new code. */
    public static class SessionOverException extends UnauthorizedException {

        SessionOverException(Duration absolute) {
            super("session-over", "Session over", "A patient session lasts at most " + absolute.toMinutes()
                    + " minutes; sign in again with a new code");
        }
    }
}
