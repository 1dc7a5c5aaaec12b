package org.opd.orchestrator.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.Parallel;
import org.opd.orchestrator.support.PatientSignIn;
import org.opd.orchestrator.support.WeekdayMornings;
import org.springframework.http.HttpMethod;

/**
 * FHIR R4 at /fhir over HTTP against the running orchestrator, its database and the booking package: every
 * answer (resources, searchsets, operation results and OperationOutcomes) is validated against R4 by HAPI's
 * validator in {@link FhirClient}.
 */
class FhirIT extends OrchestratorIntegrationTest {

    private FhirClient fhir;

    @BeforeEach
    void client() {
        fhir = new FhirClient(rest, api.callers().hospitalStaff());
    }

    @Test
    void theCapabilityStatementIsOpenAndNamesWhatIsServed() {
        CapabilityStatement cs = fhir.as(null).get("/metadata").ok(CapabilityStatement.class);

        assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(cs.getFormat()).extracting(f -> f.getValue()).contains("application/fhir+json");
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactlyInAnyOrder("Practitioner", "HealthcareService", "Location", "Schedule", "Slot", "Appointment", "Patient");
        assertThat(cs.getRestFirstRep().getResource()).flatExtracting(r -> r.getOperation()).extracting(o -> o.getName())
                .containsExactlyInAnyOrder("find", "book", "hold");
    }

    @Test
    void practitionersServicesLocationsAndSchedulesReadAndSearch() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        String empCode = api.get("/doctors/" + clinic.doctorId).text("empCode");

        Practitioner doctor = fhir.get("/Practitioner/" + clinic.doctorId).ok(Practitioner.class);
        assertThat(doctor.getNameFirstRep().getText()).isEqualTo("Dr. Asha Rao");
        assertThat(doctor.getIdentifierFirstRep().getValue()).isEqualTo(empCode);
        Bundle byCode = fhir.get("/Practitioner?identifier=" + FhirResources.EMPLOYEE_CODE + "|" + empCode).ok(Bundle.class);
        assertThat(ids(byCode)).containsExactly(clinic.doctorId);
        assertThat(byCode.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(byCode.getTotal()).isEqualTo(1);
        Bundle byId = fhir.get("/Practitioner?_id=" + clinic.doctorId + "&name=asha&active=true").ok(Bundle.class);
        assertThat(ids(byId)).containsExactly(clinic.doctorId);

        HealthcareService cardiology = fhir.get("/HealthcareService/" + clinic.deptId).ok(HealthcareService.class);
        assertThat(cardiology.getName()).isEqualTo("Cardiology");
        assertThat(cardiology.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("CARD");
        assertThat(cardiology.getLocation()).extracting(Reference::getReference).containsExactly("Location/" + clinic.cabinId);
        assertThat(ids(fhir.get("/HealthcareService?location=Location/" + clinic.cabinId + "&service-type=CARD").ok(Bundle.class)))
                .containsExactly(clinic.deptId);

        Location cabin = fhir.get("/Location/" + clinic.cabinId).ok(Location.class);
        assertThat(cabin.getName()).isEqualTo("C-101");
        assertThat(cabin.getStatus()).isEqualTo(Location.LocationStatus.ACTIVE);
        assertThat(ids(fhir.get("/Location?service=HealthcareService/" + clinic.deptId + "&status=active").ok(Bundle.class)))
                .containsExactly(clinic.cabinId);
        assertThat(fhir.get("/Location?service=HealthcareService/" + clinic.deptId + "&status=suspended").ok(Bundle.class).getTotal())
                .isZero();

        Schedule schedule = fhir.get("/Schedule/" + clinic.doctorId).ok(Schedule.class);
        assertThat(schedule.getActive()).isTrue();
        assertThat(schedule.getActor()).extracting(Reference::getReference)
                .contains("Practitioner/" + clinic.doctorId, "HealthcareService/" + clinic.deptId, "Location/" + clinic.cabinId);
        assertThat(schedule.getComment()).contains("Mon 09:00–13:00 in C-101 (15 min slots)");
        assertThat(ids(fhir.get("/Schedule?actor=Practitioner/" + clinic.doctorId + "&date=" + Clinic.today().plusDays(3)).ok(Bundle.class)))
                .containsExactly(clinic.doctorId);
        assertThat(ids(fhir.get("/Schedule?actor=Location/" + clinic.cabinId).ok(Bundle.class))).containsExactly(clinic.doctorId);
        assertThat(fhir.get("/Schedule?actor=Practitioner/" + clinic.doctorId + "&date=lt2001-01-01").ok(Bundle.class).getTotal()).isZero();
    }

    @Test
    void slotsAreTheBookingPackagesAndAppointmentsAndPatientsRead() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        String patientId = clinic.patient();
        assertThat(api.post("/appointments", Map.of("doctorId", clinic.doctorId, "patientId", patientId,
                "startTime", at(day, "09:30").toString(), "appointmentType", "FOLLOW_UP", "reason", "Review")).status()).isEqualTo(201);

        Bundle slots = fhir.get("/Slot?schedule=Schedule/" + clinic.doctorId + "&start=ge" + day + "&start=lt" + day.plusDays(1))
                .ok(Bundle.class);
        assertThat(slots.getTotal()).isEqualTo(WeekdayMornings.SLOTS_PER_DAY);
        List<Slot> all = resources(slots, Slot.class);
        assertThat(all).filteredOn(s -> s.getStatus() == Slot.SlotStatus.BUSY).extracting(s -> localTime(s.getStartElement().getValueAsString()))
                .containsExactly("09:30");
        assertThat(all).filteredOn(s -> s.getStatus() == Slot.SlotStatus.FREE).hasSize(WeekdayMornings.SLOTS_PER_DAY - 1);
        Bundle free = fhir.get("/Slot?schedule=Schedule/" + clinic.doctorId + "&start=" + day + "&status=free&_count=5").ok(Bundle.class);
        assertThat(free.getTotal()).isEqualTo(WeekdayMornings.SLOTS_PER_DAY - 1);
        assertThat(free.getEntry()).hasSize(5);
        assertThat(free.getLink("next")).isNotNull();
        Slot first = fhir.get("/Slot/" + all.get(0).getIdElement().getIdPart()).ok(Slot.class);
        assertThat(first.getSchedule().getReference()).isEqualTo("Schedule/" + clinic.doctorId);
        assertThat(fhir.get("/Slot?service-type=" + FhirResources.DEPARTMENT_CODE + "|CARD&start=" + day).ok(Bundle.class).getTotal())
                .isGreaterThanOrEqualTo(WeekdayMornings.SLOTS_PER_DAY);

        Bundle appointments = fhir.get("/Appointment?actor=Practitioner/" + clinic.doctorId + "&date=" + day + "&status=booked")
                .ok(Bundle.class);
        Appointment booked = resources(appointments, Appointment.class).get(0);
        assertThat(appointments.getTotal()).isEqualTo(1);
        assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(booked.getAppointmentType().getCoding()).extracting(c -> c.getCode()).contains("FOLLOWUP");
        assertThat(booked.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactlyInAnyOrder("Patient/" + patientId, "Practitioner/" + clinic.doctorId);
        assertThat(fhir.get("/Appointment/" + booked.getIdElement().getIdPart()).ok(Appointment.class).getSlotFirstRep().getReference())
                .isEqualTo("Slot/" + all.stream().filter(s -> s.getStatus() == Slot.SlotStatus.BUSY).findFirst().orElseThrow().getIdElement().getIdPart());
        assertThat(fhir.get("/Appointment?patient=Patient/" + patientId + "&status=cancelled").ok(Bundle.class).getTotal()).isZero();

        Patient patient = fhir.get("/Patient/" + patientId).ok(Patient.class);
        assertThat(patient.getNameFirstRep().getText()).isEqualTo("Meera Iyer");
        assertThat(patient.getGender().toCode()).isEqualTo("female");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1980-01-01");
        String uhid = patient.getIdentifierFirstRep().getValue();
        assertThat(ids(fhir.get("/Patient?identifier=" + uhid).ok(Bundle.class))).containsExactly(patientId);

        // Read by a patient's record is in the audit trail, as the API's reads are.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE resource_type = 'PATIENT' AND resource_id = :id::uuid AND path = :path")
                .param("id", patientId).param("path", "/fhir/Patient/{patientId}").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void findHoldAndBookBookOneSlotOnceWhenCallersRace() throws Exception {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        int racers = 8;
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            patients.add(clinic.patient("Patient " + i, "+91980000020" + i));
        }

        // $find: the free slots of the day as proposed appointments
        Bundle found = fhir.get("/Appointment/$find?practitioner=Practitioner/" + clinic.doctorId + "&start=" + day + "&end=" + day)
                .ok(Bundle.class);
        List<Appointment> proposed = resources(found, Appointment.class);
        assertThat(proposed).hasSize(WeekdayMornings.SLOTS_PER_DAY).allMatch(a -> a.getStatus() == Appointment.AppointmentStatus.PROPOSED);
        Appointment offer = proposed.get(2);
        String slotId = offer.getSlotFirstRep().getReferenceElement().getIdPart();

        // Every racer holds that slot at once: the database lets exactly one through
        CyclicBarrier together = new CyclicBarrier(racers);
        List<Callable<FhirClient.Reply>> holds = new ArrayList<>();
        for (String patientId : patients) {
            holds.add(() -> {
                together.await();
                return fhir.post("/Slot/" + slotId + "/$hold", new Parameters()
                        .addParameter("patient", new Reference("Patient/" + patientId))
                        .addParameter("reason", new StringType("Chest pain")));
            });
        }
        List<FhirClient.Reply> held = Parallel.run(holds);
        assertThat(held).extracting(FhirClient.Reply::status).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        held.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.outcome(409).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT));
        Appointment hold = held.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().as(Appointment.class);
        assertThat(hold.getStatus()).isEqualTo(Appointment.AppointmentStatus.PENDING);
        assertThat(hold.getStart()).isEqualTo(offer.getStart());
        assertThat(fhir.get("/Slot/" + slotId).ok(Slot.class).getStatus()).isEqualTo(Slot.SlotStatus.BUSYTENTATIVE);
        assertThat(resources(fhir.get("/Appointment/$find?practitioner=Practitioner/" + clinic.doctorId + "&start=" + day + "&end=" + day)
                .ok(Bundle.class), Appointment.class)).hasSize(WeekdayMornings.SLOTS_PER_DAY - 1);

        // Every racer books that hold at once: it is booked once
        CyclicBarrier again = new CyclicBarrier(racers);
        List<Callable<FhirClient.Reply>> books = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            books.add(() -> {
                again.await();
                return fhir.post("/Appointment/$book", new Parameters()
                        .addParameter("appointment", new Reference("Appointment/" + hold.getIdElement().getIdPart())));
            });
        }
        List<FhirClient.Reply> booked = Parallel.run(books);
        assertThat(booked).extracting(FhirClient.Reply::status).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        assertThat(booked.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().as(Appointment.class).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(fhir.get("/Slot/" + slotId).ok(Slot.class).getStatus()).isEqualTo(Slot.SlotStatus.BUSY);
        assertThat(jdbc.sql("SELECT status || ' ' || count(*) FROM appointments WHERE doctor_id = :d GROUP BY status")
                .param("d", UUID.fromString(clinic.doctorId)).query(String.class).list()).containsExactly("CONFIRMED 1");

        // The proposed appointment of $find holds too, and a POST $find takes Parameters
        Bundle posted = fhir.post("/Appointment/$find", new Parameters()
                .addParameter("practitioner", new Reference("Practitioner/" + clinic.doctorId))
                .addParameter("start", new StringType(day.toString())).addParameter("end", new StringType(day.toString()))
                .addParameter("patient", new Reference("Patient/" + patients.get(1)))).ok(Bundle.class);
        Appointment next = resources(posted, Appointment.class).get(0);
        Parameters withOffer = new Parameters();
        withOffer.addParameter().setName("appointment").setResource(next);
        Appointment heldToo = fhir.post("/Slot/$hold", withOffer).ok(Appointment.class);
        assertThat(heldToo.getParticipant()).extracting(p -> p.getActor().getReference()).contains("Patient/" + patients.get(1));
        assertThat(fhir.post("/Appointment/" + heldToo.getIdElement().getIdPart() + "/$book", null).ok(Appointment.class).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.BOOKED);
    }

    @Test
    void unknownIdsAndTypesAre404OperationOutcomes() {
        String random = UUID.randomUUID().toString();
        for (String path : List.of("/Practitioner/" + random, "/Practitioner/not-an-id", "/HealthcareService/" + random,
                "/Location/" + random, "/Schedule/" + random, "/Slot/" + random + "-1900000000", "/Slot/nonsense",
                "/Appointment/" + random, "/Patient/" + random, "/Observation/" + random, "/Nothing")) {
            OperationOutcome outcome = fhir.get(path).outcome(404);
            assertThat(outcome.getIssueFirstRep().getCode()).as(path)
                    .isIn(OperationOutcome.IssueType.NOTFOUND, OperationOutcome.IssueType.NOTSUPPORTED);
        }
        assertThat(fhir.post("/Appointment/$book", new Parameters().addParameter("appointment", new Reference("Appointment/" + random)))
                .outcome(404).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void badParametersAre400OperationOutcomes() {
        Clinic clinic = Clinic.open(api);
        String schedule = "schedule=Schedule/" + clinic.doctorId;
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("/Practitioner?colour=blue", "colour");
        bad.put("/Practitioner?_count=-1", "_count");
        bad.put("/Practitioner?_count=many", "_count");
        bad.put("/Practitioner?active=perhaps", "active");
        bad.put("/Practitioner?_format=xml", "_format");
        bad.put("/Slot", "schedule");
        bad.put("/Slot?" + schedule + "&start=tomorrow", "start");
        bad.put("/Slot?" + schedule + "&start=ge2030-02-30", "start");
        bad.put("/Slot?" + schedule + "&start=ne2030-01-01", "start");
        bad.put("/Slot?" + schedule + "&status=open", "status");
        bad.put("/Slot?" + schedule + "&start=ge" + Clinic.today() + "&start=le" + Clinic.today().plusDays(60), "start");
        bad.put("/Slot?schedule=Practitioner/" + clinic.doctorId, "schedule");
        bad.put("/Appointment?status=maybe", "status");
        bad.put("/Appointment?actor=Location/" + clinic.cabinId, "actor");
        bad.put("/Appointment?patient=Patient/42", "patient");
        bad.put("/Appointment/$find?practitioner=Practitioner/" + clinic.doctorId + "&end=" + Clinic.today(), "start");
        bad.put("/Appointment/$find?start=" + Clinic.today() + "&end=" + Clinic.today(), "practitioner");
        for (Map.Entry<String, String> request : bad.entrySet()) {
            OperationOutcome outcome = fhir.get(request.getKey()).outcome(400);
            assertThat(outcome.getIssueFirstRep().getExpression()).as(request.getKey()).extracting(e -> e.getValue())
                    .containsExactly(request.getValue());
        }
        assertThat(fhir.post("/Slot/" + clinic.doctorId + "-1900000000/$hold", new Parameters()).outcome(400)
                .getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly("patient");
        assertThat(fhir.exchange(HttpMethod.POST, "/Appointment/$book", "{\"resourceType\":\"Parameters\",\"parameter\":[{").outcome(400)
                .getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.STRUCTURE);
        assertThat(fhir.exchange(HttpMethod.DELETE, "/Practitioner/" + clinic.doctorId, null).outcome(405)).isNotNull();
    }

    @Test
    void callsNeedTheApisTokensAndRoles() {
        Clinic clinic = Clinic.open(api);
        String patientId = clinic.patient();

        assertThat(fhir.as(null).get("/Practitioner/" + clinic.doctorId).outcome(401).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.LOGIN);
        assertThat(fhir.as("not-a-token").get("/Patient/" + patientId).outcome(401)).isNotNull();
        String display = api.callers().client(Set.of("DISPLAY"), clinic.hospitalId, clinic.deptId, null);
        assertThat(fhir.as(display).get("/Patient/" + patientId).outcome(403).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(fhir.as(display).get("/Slot?schedule=Schedule/" + clinic.doctorId).outcome(403)).isNotNull();
        String doctor = api.callers().doctor(clinic.doctorId);
        assertThat(fhir.as(doctor).get("/Patient/" + patientId).ok(Patient.class).getIdElement().getIdPart()).isEqualTo(patientId);
        assertThat(fhir.as(doctor).post("/Slot/$hold", new Parameters()).outcome(403)).isNotNull();

        // A caller of another hospital reaches none of this one's records
        Clinic other = Clinic.open(api);
        String otherDesk = api.callers().client(Set.of("RECEPTIONIST"), other.hospitalId, null, null);
        assertThat(fhir.as(otherDesk).get("/Patient/" + patientId).outcome(403)).isNotNull();
        assertThat(fhir.as(otherDesk).get("/Practitioner?_id=" + clinic.doctorId).ok(Bundle.class).getTotal()).isZero();
        assertThat(fhir.as(otherDesk).get("/Practitioner?_id=" + other.doctorId).ok(Bundle.class).getTotal()).isEqualTo(1);
    }

    @Test
    void aPatientSeesOnlyTheirOwnDemographicsAndAppointmentsAndBooksOnlyForThemself() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        String phone = PatientSignIn.phone();
        String me = clinic.patient("Anita Desai", phone);
        String other = clinic.patient("Ravi Kumar", PatientSignIn.phone());
        assertThat(api.post("/appointments", Map.of("doctorId", clinic.doctorId, "patientId", other,
                "startTime", at(day, "09:00").toString(), "appointmentType", "CONSULTATION", "reason", "Other's")).status()).isEqualTo(201);
        FhirClient patient = fhir.as(PatientSignIn.accessToken(api, jdbc, clinic, phone, me));

        assertThat(patient.get("/Patient/" + me).ok(Patient.class).getNameFirstRep().getText()).isEqualTo("Anita Desai");
        assertThat(patient.get("/Patient/" + other).outcome(403).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(ids(patient.get("/Patient?name=a").ok(Bundle.class))).containsExactly(me);

        // Free slots and $find are theirs to see; a hold for another patient is refused, their own goes through
        Slot free = resources(patient.get("/Slot?schedule=Schedule/" + clinic.doctorId + "&start=" + day + "&status=free").ok(Bundle.class),
                Slot.class).get(0);
        String slotPath = "/Slot/" + free.getIdElement().getIdPart() + "/$hold";
        assertThat(patient.post(slotPath, new Parameters().addParameter("patient", new Reference("Patient/" + other))).outcome(403)).isNotNull();
        Appointment held = patient.post(slotPath, new Parameters().addParameter("patient", new Reference("Patient/" + me))).ok(Appointment.class);
        assertThat(patient.post("/Appointment/" + held.getIdElement().getIdPart() + "/$book", null).ok(Appointment.class).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.BOOKED);

        // Searching appointments finds only their own, whatever else the doctor has
        Bundle mine = patient.get("/Appointment?practitioner=Practitioner/" + clinic.doctorId).ok(Bundle.class);
        assertThat(ids(mine)).containsExactly(held.getIdElement().getIdPart());
        assertThat(fhir.get("/Appointment?practitioner=Practitioner/" + clinic.doctorId).ok(Bundle.class).getTotal()).isEqualTo(2);
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).map(type::cast).toList();
    }

    private static java.time.OffsetDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(Clinic.ZONE).toOffsetDateTime();
    }

    private static String localTime(String instant) {
        return java.time.OffsetDateTime.parse(instant).atZoneSameInstant(Clinic.ZONE).toLocalTime().toString();
    }
}
