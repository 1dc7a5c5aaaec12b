package org.opd.orchestrator.fhir;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.booking.Appointment;
import org.opd.orchestrator.booking.AppointmentType;
import org.opd.orchestrator.booking.SlotHolds;
import org.opd.orchestrator.fhir.FhirQueries.DoctorRow;
import org.opd.orchestrator.fhir.SlotFinder.FoundSlot;
import org.opd.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A doctor's Schedule (their week and planned shifts: one per doctor, with the doctor's id), its Slots (the
 * booking package's, from now on) and {@code Slot/$hold}, which holds one for a patient as a real booking hold.
 */
@RestController
@RequestMapping(FhirConfiguration.BASE)
class FhirScheduleController {

    /** How many doctors one slot search by service type covers. */
    private static final int MAX_DOCTORS = 50;
    private static final Set<String> SLOT_STATUSES = Set.of("free", "busy", "busy-unavailable", "busy-tentative", "entered-in-error");

    private final FhirQueries queries;
    private final SlotFinder slots;
    private final SlotHolds holds;
    private final ScopeCheck scope;
    private final Clock clock;

    FhirScheduleController(FhirQueries queries, SlotFinder slots, SlotHolds holds, ScopeCheck scope, Clock clock) {
        this.queries = queries;
        this.slots = slots;
        this.holds = holds;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/Schedule/{id}")
    Schedule schedule(@PathVariable String id, Caller caller) {
        UUID doctorId = Ids.of("Schedule", id);
        scope.requireReach(caller, Resource.DOCTOR, doctorId);
        return schedule(queries.doctor(doctorId).orElseThrow(() -> FhirException.notFound("Schedule", id)));
    }

    @GetMapping("/Schedule")
    Bundle schedules(HttpServletRequest request, Caller caller) {
        Search search = Search.of(request, "_id", "actor", "active", "service-type", "date");
        Optional<Search.Ref> actor = search.reference("actor", "Practitioner", "Location", "HealthcareService");
        UUID doctorId = search.one("_id").map(v -> Search.uuid("_id", v)).orElse(null);
        List<String> codes = search.codes("service-type", FhirResources.DEPARTMENT_CODE).orElse(null);
        Search.Range date = search.range("date", zone(caller));
        List<Schedule> found = new ArrayList<>();
        List<UUID> doctorIds = actor.map(a -> switch (a.type()) {
            case "Practitioner" -> List.of(a.id());
            case "Location" -> queries.doctorsOfCabin(a.id());
            default -> null;
        }).orElse(null);
        if (doctorIds != null && doctorIds.isEmpty()) {
            return Bundles.searchset(request, search, List.of());
        }
        UUID deptId = actor.filter(a -> a.type().equals("HealthcareService")).map(Search.Ref::id).orElse(null);
        List<DoctorRow> doctors = queries.doctors(Scope.directory(caller), doctorId, null, null, codes, null, 1000, 0).rows();
        for (DoctorRow doctor : doctors) {
            if (doctorIds != null && !doctorIds.contains(doctor.doctorId())) {
                continue;
            }
            if (deptId != null && !deptId.equals(doctor.deptId())) {
                continue;
            }
            Schedule schedule = schedule(doctor);
            if (search.bool("active").map(a -> a != schedule.getActive()).orElse(false)) {
                continue;
            }
            Instant start = schedule.getPlanningHorizon().getStart().toInstant();
            Instant end = schedule.getPlanningHorizon().getEnd().toInstant();
            if (date.overlaps(start, end)) {
                found.add(schedule);
            }
        }
        return Bundles.searchset(request, search, found);
    }

    private Schedule schedule(DoctorRow doctor) {
        LocalDate today = LocalDate.now(clock.withZone(doctor.zone()));
        return FhirResources.schedule(doctor, queries.week(doctor.doctorId()), queries.shiftCabins(doctor.doctorId(), today),
                today, SlotFinder.MAX_DAYS);
    }

    @GetMapping("/Slot/{id}")
    Slot slot(@PathVariable String id, Caller caller) {
        FoundSlot slot = find(id, caller).orElseThrow(() -> FhirException.notFound("Slot", id));
        return FhirResources.slot(slot.doctor(), slot.start(), slot.end(), slot.status());
    }

    @GetMapping("/Slot")
    Bundle slots(HttpServletRequest request, Caller caller) {
        Search search = Search.of(request, "schedule", "service-type", "status", "start");
        List<DoctorRow> doctors = doctors(search, caller, "schedule", "Schedule");
        List<String> statuses = search.codesAmong("status", SLOT_STATUSES).orElse(null);
        List<Slot> found = new ArrayList<>();
        for (DoctorRow doctor : doctors) {
            Search.Range range = slots.bounded(search.range("start", doctor.zone()), "start");
            for (FoundSlot slot : slots.of(doctor, range)) {
                if (statuses == null || statuses.contains(slot.status().toCode())) {
                    found.add(FhirResources.slot(doctor, slot.start(), slot.end(), slot.status()));
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Slot::getStart));
        return Bundles.searchset(request, search, found);
    }

    /**
     * The doctors a slot search or {@code $find} names: by a reference parameter, or all of a department's by
     * {@code service-type}; one of them is required.
     */
    List<DoctorRow> doctors(Search search, Caller caller, String parameter, String type) {
        Optional<Search.Ref> named = search.reference(parameter, type);
        Optional<List<String>> codes = search.codes("service-type", FhirResources.DEPARTMENT_CODE);
        if (named.isEmpty() && codes.isEmpty()) {
            throw FhirException.badParameter(parameter, "or 'service-type' is required: slots are computed per doctor");
        }
        named.ifPresent(ref -> scope.requireReach(caller, Resource.DOCTOR, ref.id()));
        return queries.doctors(Scope.directory(caller), named.map(Search.Ref::id).orElse(null), null, null, codes.orElse(null),
                true, MAX_DOCTORS, 0).rows();
    }

    private Optional<FoundSlot> find(String id, Caller caller) {
        SlotId slotId = SlotId.parse(id);
        if (slotId == null) {
            return Optional.empty();
        }
        scope.requireReach(caller, Resource.DOCTOR, slotId.doctorId());
        return queries.doctor(slotId.doctorId()).flatMap(doctor -> slots
                .of(doctor, new Search.Range(slotId.start(), slotId.start().plusSeconds(1))).stream()
                .filter(s -> s.start().equals(slotId.start())).findFirst());
    }

    /** Holds the slot of the path. */
    @PostMapping("/Slot/{id}/$hold")
    ResponseEntity<org.hl7.fhir.r4.model.Appointment> hold(@PathVariable String id,
                                                          @RequestBody(required = false) Parameters parameters, Caller caller) {
        return hold(id, parameters == null ? new Parameters() : parameters, caller, false);
    }

    /** Holds the slot a {@code slot} parameter, or an {@code appointment} from {@code $find}, names. */
    @PostMapping("/Slot/$hold")
    ResponseEntity<org.hl7.fhir.r4.model.Appointment> hold(@RequestBody Parameters parameters, Caller caller) {
        return hold(null, parameters, caller, true);
    }

    private ResponseEntity<org.hl7.fhir.r4.model.Appointment> hold(String pathId, Parameters parameters, Caller caller, boolean named) {
        org.hl7.fhir.r4.model.Appointment proposed = parameters.getParameter().stream()
                .filter(p -> p.getName().equals("appointment") && p.getResource() instanceof org.hl7.fhir.r4.model.Appointment)
                .map(p -> (org.hl7.fhir.r4.model.Appointment) p.getResource()).findFirst().orElse(null);
        Search search = Search.of(parameters, "slot", "patient", "reason", "appointment-type", "appointment");
        String slotText = pathId != null ? "Slot/" + pathId : search.one("slot")
                .or(() -> Optional.ofNullable(proposed).filter(p -> p.hasSlot()).map(p -> p.getSlotFirstRep().getReference()))
                .orElseThrow(() -> FhirException.badParameter("slot", "is required (or an appointment from $find with its slot)"));
        if (!named && search.has("slot")) {
            throw FhirException.badParameter("slot", "is in the path already");
        }
        SlotId slot = SlotId.parse(slotText.replaceFirst("^.*Slot/", ""));
        if (slot == null) {
            throw FhirException.notFound("Slot", slotText.replaceFirst("^.*Slot/", ""));
        }
        UUID patientId = search.one("patient").map(v -> Search.parseReference("patient", v, "Patient").id())
                .or(() -> Optional.ofNullable(proposed).flatMap(FhirScheduleController::patientOf))
                .orElseThrow(() -> FhirException.badParameter("patient", "is required: whose hold it is"));
        scope.requireReach(caller, Resource.DOCTOR, slot.doctorId());
        scope.requireReach(caller, Resource.PATIENT, patientId);
        if (queries.doctor(slot.doctorId()).isEmpty()) {
            throw FhirException.notFound("Slot", SlotId.of(slot.doctorId(), slot.start()));
        }
        AppointmentType type = search.one("appointment-type").map(FhirScheduleController::type).orElse(AppointmentType.CONSULTATION);
        String reason = search.one("reason").orElse("Booked through FHIR");
        if (reason.length() > 1000) {
            throw FhirException.badParameter("reason", "is longer than 1000 characters");
        }
        Appointment held = holds.hold(slot.doctorId(), patientId, slot.start(), type, reason, caller.subjectId());
        org.hl7.fhir.r4.model.Appointment answer = FhirResources.appointment(queries.appointment(held.appointmentId()).orElseThrow());
        return ResponseEntity.created(URI.create(Bundles.base() + "/Appointment/" + held.appointmentId())).body(answer);
    }

    private static Optional<UUID> patientOf(org.hl7.fhir.r4.model.Appointment proposed) {
        return proposed.getParticipant().stream().map(p -> p.getActor())
                .filter(Reference::hasReference).map(Reference::getReference).filter(r -> r.contains("Patient/"))
                .findFirst().map(r -> Search.parseReference("appointment.participant.actor", r, "Patient").id());
    }

    /** Our codes, or HL7 v2's appointment reasons (table 0276) where they mean one of ours. */
    static AppointmentType type(String code) {
        String bare = code.contains("|") ? code.substring(code.indexOf('|') + 1) : code;
        for (var entry : FhirResources.V2_REASON.entrySet()) {
            if (entry.getValue().equals(bare)) {
                return entry.getKey();
            }
        }
        try {
            return AppointmentType.valueOf(bare);
        } catch (IllegalArgumentException e) {
            throw FhirException.badParameter("appointment-type", "must be one of ROUTINE, FOLLOWUP, EMERGENCY or "
                    + java.util.Arrays.toString(AppointmentType.values()));
        }
    }

    /** Dates without a zone: the caller's hospital's, else UTC. */
    ZoneId zone(Caller caller) {
        return caller.hospitalId() == null ? ZoneOffset.UTC : queries.hospitalZone(caller.hospitalId()).orElse(ZoneOffset.UTC);
    }
}
