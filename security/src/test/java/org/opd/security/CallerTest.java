package org.opd.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.schemas.identity.Claims;
import org.opd.schemas.identity.PrincipalType;
import org.opd.schemas.identity.Role;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    private static final UUID HOSPITAL = UUID.randomUUID();
    private static final UUID DEPT = UUID.randomUUID();
    private static final UUID DOCTOR = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID DEVICE = UUID.randomUUID();

    @Test
    void readsEveryClaimOfTheToken() {
        // Given a token with every claim the services read
        Jwt jwt = jwt()
                .subject("staff-1")
                .claim(Claims.PRINCIPAL_TYPE, "STAFF")
                .claim(Claims.ROLES, List.of("DOCTOR", "DEPARTMENT_HEAD"))
                .claim(Claims.HOSPITAL_ID, HOSPITAL.toString())
                .claim(Claims.DEPT_ID, DEPT.toString())
                .claim(Claims.DOCTOR_ID, DOCTOR.toString())
                .claim(Claims.PATIENT_IDS, List.of(PATIENT.toString()))
                .claim(Claims.DEVICE_ID, DEVICE.toString())
                .build();

        // When
        Caller caller = Caller.of(jwt);

        // Then
        assertThat(caller).isEqualTo(new Caller("staff-1", PrincipalType.STAFF, Set.of(Role.DOCTOR, Role.DEPARTMENT_HEAD),
                HOSPITAL, DEPT, DOCTOR, Set.of(PATIENT), DEVICE));
    }

    @Test
    void ignoresRoleNamesItDoesNotKnow() {
        Jwt jwt = jwt().claim(Claims.ROLES, List.of("NURSE", "realm-admin", "nurse", "ROLE_ADMIN")).build();

        assertThat(Caller.of(jwt).roles()).containsExactly(Role.NURSE);
    }

    @Test
    void hasNoRolesWithoutTheRolesClaim() {
        Caller caller = Caller.of(jwt().build());

        assertThat(caller.roles()).isEmpty();
        assertThat(caller.hasAny(Role.values())).isFalse();
    }

    @Test
    void takesIdsThatAreNotUuidsAsAbsent() {
        // Given ids an issuer got wrong, and one good patient id among bad ones
        Jwt jwt = jwt()
                .subject("not-a-uuid")
                .claim(Claims.HOSPITAL_ID, "hospital-7")
                .claim(Claims.DEPT_ID, "")
                .claim(Claims.DOCTOR_ID, "1234")
                .claim(Claims.PATIENT_IDS, List.of("x", PATIENT.toString(), "00000000-0000-0000-0000"))
                .claim(Claims.DEVICE_ID, "screen-3")
                .build();

        // When
        Caller caller = Caller.of(jwt);

        // Then
        assertThat(caller.hospitalId()).isNull();
        assertThat(caller.deptId()).isNull();
        assertThat(caller.doctorId()).isNull();
        assertThat(caller.deviceId()).isNull();
        assertThat(caller.subjectId()).isNull();
        assertThat(caller.patientIds()).containsExactly(PATIENT);
    }

    @Test
    void takesAnUnknownPrincipalTypeAsAbsent() {
        assertThat(Caller.of(jwt().claim(Claims.PRINCIPAL_TYPE, "ROBOT").build()).type()).isNull();
    }

    @Test
    void aCallerWithoutHospitalMayActInEveryHospitalOnlyAsStaffOrClient() {
        UUID anywhere = UUID.randomUUID();

        assertThat(Caller.of(jwt().claim(Claims.PRINCIPAL_TYPE, "STAFF").build()).mayActIn(anywhere)).isTrue();
        assertThat(Caller.of(jwt().claim(Claims.PRINCIPAL_TYPE, "CLIENT").build()).mayActIn(anywhere)).isTrue();
        assertThat(Caller.of(jwt().claim(Claims.PRINCIPAL_TYPE, "PATIENT").build()).mayActIn(anywhere)).isFalse();
        assertThat(Caller.of(jwt().build()).mayActIn(anywhere)).isFalse();
        Caller scoped = Caller.of(jwt().claim(Claims.PRINCIPAL_TYPE, "STAFF").claim(Claims.HOSPITAL_ID, HOSPITAL.toString()).build());
        assertThat(scoped.mayActIn(HOSPITAL)).isTrue();
        assertThat(scoped.mayActIn(anywhere)).isFalse();
    }

    private static Jwt.Builder jwt() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("token").header("alg", "RS256").subject(UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plusSeconds(300));
    }
}
