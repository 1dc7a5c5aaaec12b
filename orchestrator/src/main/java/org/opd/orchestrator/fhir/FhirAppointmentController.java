package org.opd.orchestrator.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.opd.orchestrator.booking.AppointmentStatus;
import org.opd.orchestrator.booking.SlotHolds;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.fhir.FhirQueries.DoctorRow;
import org.opd.orchestrator.fhir.FhirQueries.Page;
import org.opd.orchestrator.fhir.SlotFinder.FoundSlot;
import org.opd.security.Caller;
import org.hl7.fhir.r4.model.Slot.SlotStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Appointments (the appointments table), and the scheduling operations over the booking package:
 * {@code $find} offers free slots as proposed appointments, {@code $book} books a slot held by {@code Slot/$hold}.
 */
@RestController
@RequestMapping(FhirConfiguration.BASE)
class FhirAppointmentController {

    private final FhirQueries queries;
    private final SlotFinder slots;
    private final SlotHolds holds;
    private final ScopeCheck scope;
    private final FhirScheduleController schedules;

    FhirAppointmentController(FhirQueries queries, SlotFinder slots, SlotHolds holds, ScopeCheck scope, FhirScheduleController schedules) {
        this.queries = queries;
        this.slots = slots;
        this.holds = holds;
        this.scope = scope;
        this.schedules = schedules;
    }

    @GetMapping("/Appointment/{id}")
    org.hl7.fhir.r4.model.Appointment read(@PathVariable String id, Caller caller) {
        UUID appointmentId = Ids.of("Appointment", id);
        scope.requireReach(caller, org.opd.orchestrator.access.Resource.APPOINTMENT, appointmentId);
        return FhirResources.appointment(queries.appointment(appointmentId).orElseThrow(() -> FhirException.notFound("Appointment", id)));
    }

    @GetMapping("/Appointment")
    Bundle search(HttpServletRequest request, Caller caller) {
        Search search = Search.of(request, "_id", "actor", "practitioner", "patient", "date", "status", "service-type");
        UUID doctorId = search.reference("practitioner", "Practitioner").map(Search.Ref::id).orElse(null);
        UUID patientId = search.reference("patient", "Patient").map(Search.Ref::id).orElse(null);
        Optional<Search.Ref> actor = search.reference("actor", "Practitioner", "Patient");
        if (actor.isPresent()) {
            if (actor.get().type().equals("Practitioner")) {
                doctorId = both("actor", doctorId, actor.get().id());
            } else {
                patientId = both("actor", patientId, actor.get().id());
            }
        }
        List<AppointmentStatus> statuses = search.codesAmong("status", FhirResources.FHIR_APPOINTMENT_STATUSES).map(codes -> {
            List<AppointmentStatus> ours = new ArrayList<>();
            FhirResources.STATUS.forEach((status, fhir) -> {
                if (codes.contains(fhir.toCode())) {
                    ours.add(status);
                }
            });
            return ours;
        }).orElse(null);
        Page<FhirQueries.AppointmentRow> page = queries.appointments(Scope.patientRecords(caller),
                search.one("_id").map(v -> Search.uuid("_id", v)).orElse(null), doctorId, patientId, statuses,
                search.codes("service-type", FhirResources.DEPARTMENT_CODE).orElse(null),
                search.range("date", schedules.zone(caller)), search.count(), search.offset());
        return Bundles.searchset(request, search, page.rows().stream().map(FhirResources::appointment).toList(), page.total());
    }

    private static UUID both(String parameter, UUID one, UUID other) {
        if (one != null && !one.equals(other)) {
            // Two different doctors (or patients) for one appointment: nothing matches; say so rather than guess.
            throw FhirException.badParameter(parameter, "names another participant than the other parameters");
        }
        return other;
    }

    /**
     * The free slots from {@code start} to {@code end} of a doctor ({@code practitioner}) or a department
     * ({@code service-type}), as proposed appointments each naming its slot, ready for {@code Slot/$hold}.
     */
    @GetMapping("/Appointment/$find")
    Bundle find(HttpServletRequest request, Caller caller) {
        return find(request, Search.of(request, FIND), caller);
    }

    @PostMapping("/Appointment/$find")
    Bundle find(HttpServletRequest request, @RequestBody Parameters parameters, Caller caller) {
        return find(request, Search.of(parameters, FIND), caller);
    }

    private static final String[] FIND = {"start", "end", "practitioner", "service-type", "patient"};

    private Bundle find(HttpServletRequest request, Search search, Caller caller) {
        search.required("start");
        search.required("end");
        UUID patientId = search.reference("patient", "Patient").map(Search.Ref::id).orElse(null);
        if (patientId != null) {
            scope.requireReach(caller, org.opd.orchestrator.access.Resource.PATIENT, patientId);
        }
        List<DoctorRow> doctors = schedules.doctors(search, caller, "practitioner", "Practitioner");
        List<Resource> proposed = new ArrayList<>();
        List<FoundSlot> free = new ArrayList<>();
        for (DoctorRow doctor : doctors) {
            Search.Range from = search.range("start", doctor.zone());
            Search.Range to = search.range("end", doctor.zone());
            Search.Range asked = slots.bounded(new Search.Range(from.from(), to.to()), "end");
            slots.of(doctor, asked).stream().filter(s -> s.status() == SlotStatus.FREE && !s.end().isAfter(asked.to()))
                    .forEach(free::add);
        }
        free.sort(java.util.Comparator.comparing(FoundSlot::start));
        for (FoundSlot slot : free) {
            proposed.add(FhirResources.proposed(slot.doctor(), slot.start(), slot.end(), slot.cabinId(), patientId));
        }
        return Bundles.searchset(request, search, proposed);
    }

    /** Books the held appointment of the path. */
    @PostMapping("/Appointment/{id}/$book")
    org.hl7.fhir.r4.model.Appointment book(@PathVariable String id, @RequestBody(required = false) Parameters parameters, Caller caller) {
        if (parameters != null) {
            Search.of(parameters);
        }
        return book(Ids.of("Appointment", id), caller);
    }

    /** Books the held appointment an {@code appointment} parameter names (a reference, or the Appointment $hold answered). */
    @PostMapping("/Appointment/$book")
    org.hl7.fhir.r4.model.Appointment book(@RequestBody Parameters parameters, Caller caller) {
        Optional<String> resourceId = parameters.getParameter().stream()
                .filter(p -> p.getName().equals("appointment") && p.getResource() instanceof org.hl7.fhir.r4.model.Appointment)
                .map(p -> p.getResource().getIdElement().getIdPart()).filter(java.util.Objects::nonNull).findFirst();
        Search search = Search.of(parameters, "appointment");
        String reference = search.one("appointment").or(() -> resourceId)
                .orElseThrow(() -> FhirException.badParameter("appointment", "is required: the held Appointment (Appointment/id)"));
        return book(Search.parseReference("appointment", reference, "Appointment").id(), caller);
    }

    private org.hl7.fhir.r4.model.Appointment book(UUID appointmentId, Caller caller) {
        scope.requireReach(caller, org.opd.orchestrator.access.Resource.APPOINTMENT, appointmentId);
        holds.book(appointmentId);
        return FhirResources.appointment(queries.appointment(appointmentId).orElseThrow());
    }
}
