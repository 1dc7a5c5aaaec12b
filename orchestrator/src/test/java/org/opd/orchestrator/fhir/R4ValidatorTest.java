package org.opd.orchestrator.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** The validator that FhirIT runs on every answer does see what the R4 base profiles forbid. */
class R4ValidatorTest {

    @Test
    void passesABookedAppointmentWithItsStatusParticipantAndTimes() {
        assertThat(R4Validator.problems(json(booked()))).isEmpty();
    }

    @Test
    void reportsAnAppointmentWithoutItsRequiredStatusAndParticipantAsErrors() {
        Appointment appointment = booked().setStatus(null);
        appointment.getParticipant().clear();

        assertThat(R4Validator.problems(json(appointment)))
                .anySatisfy(p -> assertThat(p).startsWith("ERROR").contains("Appointment.status"))
                .anySatisfy(p -> assertThat(p).startsWith("ERROR").contains("Appointment.participant"));
    }

    @Test
    void reportsABrokenInvariantAndAnElementR4DoesNotHave() {
        // app-3: only proposed, cancelled and waitlisted appointments may go without start and end.
        Appointment noTimes = booked().setStart(null).setEnd(null);
        String withUnknownElement = json(booked()).replaceFirst("\\{", "{\"colour\":\"blue\",");

        assertThat(R4Validator.problems(json(noTimes))).anySatisfy(p -> assertThat(p).startsWith("ERROR").contains("app-3"));
        assertThat(R4Validator.problems(withUnknownElement)).anySatisfy(p -> assertThat(p).startsWith("ERROR").contains("colour"));
        assertThatThrownBy(() -> R4Validator.assertValid(withUnknownElement)).isInstanceOf(AssertionError.class).hasMessageContaining("colour");
    }

    @Test
    void acceptsCodesOfOurOwnCodeSystemsButNotOfAnyOtherUnknownOne() {
        Appointment ours = booked();
        ours.addServiceType().addCoding().setSystem(FhirResources.DEPARTMENT_CODE).setCode("CARD");
        Appointment foreign = booked();
        foreign.addServiceType().addCoding().setSystem("http://example.org/department").setCode("CARD");

        assertThat(R4Validator.problems(json(ours))).isEmpty();
        assertThat(R4Validator.problems(json(foreign))).anySatisfy(p -> assertThat(p).startsWith("WARNING").contains("http://example.org/department"));
    }

    private static Appointment booked() {
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED)
                .setStart(new Date(1_800_000_000_000L)).setEnd(new Date(1_800_000_900_000L));
        appointment.addParticipant().setActor(new Reference("Practitioner/1"))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.setId("1");
        return appointment;
    }

    private static String json(Resource resource) {
        return FhirClient.FHIR.newJsonParser().encodeResourceToString(resource);
    }
}
