package org.opd.orchestrator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.testsupport.TestIssuer;

/**
 * A hospital that signs its staff in with its own identity provider (Keycloak, Azure AD) points
 * the orchestrator at it by one setting ({@code opd.security.trusted-issuers}): its tokens are
 * accepted with the roles and hospital they carry; an issuer nobody configured is not.
 */
class ExternalIssuerIT extends OrchestratorIntegrationTest {

    @Test
    void acceptsATokenOfTheConfiguredIssuerWithItsRolesAndHospital() {
        // Given a clinic, and a nurse of it signed in at the hospital's own identity provider
        Clinic clinic = Clinic.open(api);
        String nurse = HOSPITAL_IDP.token().subject("nurse-7@hospital.example").roles("NURSE")
                .hospitalId(UUID.fromString(clinic.hospitalId)).sign();

        // When the nurse reads the clinic's doctor and another hospital's
        Api.Reply own = api.as(nurse).get("/doctors/" + clinic.doctorId);
        Api.Reply other = api.as(nurse).get("/doctors/" + Clinic.open(api).doctorId);

        // Then the own hospital's is answered, the other refused by scope
        assertThat(own.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void refusesATokenOfAnIssuerNobodyConfigured() {
        // Given an independent issuer that is not trusted, minting the same claims
        Clinic clinic = Clinic.open(api);
        try (TestIssuer stranger = TestIssuer.start()) {
            String token = stranger.token().roles("NURSE").hospitalId(UUID.fromString(clinic.hospitalId)).sign();

            // When its token is used
            Api.Reply reply = api.as(token).get("/doctors/" + clinic.doctorId);

            // Then it is refused as unauthenticated, and the stranger was never asked for its keys
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
            assertThat(stranger.keyRequests()).isZero();
        }
    }

    @Test
    void refusesAForgedTokenThatNamesTheConfiguredIssuer() {
        Clinic clinic = Clinic.open(api);
        String forged = HOSPITAL_IDP.token().roles("ADMIN").hospitalId(UUID.fromString(clinic.hospitalId)).signedWithUnknownKey().sign();

        assertThat(api.as(forged).get("/doctors/" + clinic.doctorId).status()).isEqualTo(401);
    }
}
