package org.opd.orchestrator.identity.patient.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.identity.otp.OneTimeCodes;
import org.opd.orchestrator.identity.patient.PatientSession;
import org.opd.orchestrator.identity.patient.PatientSessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A patient signs in with the phone they registered: a one-time code by SMS, then a session
 * token for their own records, renewed while in use. The first two calls are open (limited by
 * rate); the answer to asking for a code never says whether the phone is known.
 */
@RestController
class PatientSessionController {

    private final OneTimeCodes codes;
    private final PatientSessions sessions;

    PatientSessionController(OneTimeCodes codes, PatientSessions sessions) {
        this.codes = codes;
        this.sessions = sessions;
    }

    record CodeRequest(@NotNull UUID hospitalId, @NotBlank @Size(max = 20) String phone) {
    }

    record SignInRequest(@NotNull UUID hospitalId, @NotBlank @Size(max = 20) String phone,
                         @NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6 digits of the code") String code) {
    }

    record SessionResponse(String accessToken, String tokenType, Instant expiresAt, Instant sessionEndsAt, UUID hospitalId,
                           List<UUID> patientIds) {

        static SessionResponse of(PatientSession session) {
            return new SessionResponse(session.accessToken(), "Bearer", session.expiresAt(), session.endsAt(),
                    session.hospitalId(), session.patientIds());
        }
    }

    @PostMapping("/api/v1/patient-sessions/codes")
    ResponseEntity<Map<String, String>> requestCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        codes.issue(request.hospitalId(), request.phone(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("detail", "If this phone is registered, a code is on its way by SMS"));
    }

    @PostMapping("/api/v1/patient-sessions")
    ResponseEntity<SessionResponse> signIn(@Valid @RequestBody SignInRequest request) {
        List<UUID> patients = codes.verify(request.hospitalId(), request.phone(), request.code());
        return ResponseEntity.status(HttpStatus.CREATED).body(SessionResponse.of(sessions.start(request.hospitalId(), patients)));
    }

    /** A new token for the same session, until an hour after the sign-in. */
    @PostMapping("/api/v1/patient-sessions/renew")
    SessionResponse renew(@AuthenticationPrincipal Jwt token) {
        return SessionResponse.of(sessions.renew(token));
    }
}
