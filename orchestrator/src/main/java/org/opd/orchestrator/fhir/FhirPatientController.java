package org.opd.orchestrator.fhir;

import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.fhir.FhirQueries.Page;
import org.opd.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Patients' demographics (identifier, name, gender, birth date, phone and e-mail), nothing clinical, to the
 * roles that read a patient in the API; every read is in the audit trail.
 */
@RestController
@RequestMapping(FhirConfiguration.BASE)
class FhirPatientController {

    private final FhirQueries queries;
    private final ScopeCheck scope;

    FhirPatientController(FhirQueries queries, ScopeCheck scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/Patient/{id}")
    Patient read(@PathVariable String id, Caller caller) {
        UUID patientId = Ids.of("Patient", id);
        scope.requireReach(caller, Resource.PATIENT, patientId);
        return FhirResources.patient(queries.patient(patientId).orElseThrow(() -> FhirException.notFound("Patient", id)));
    }

    @GetMapping("/Patient")
    Bundle search(HttpServletRequest request, Caller caller) {
        Search search = Search.of(request, "_id", "identifier", "name", "phone");
        Page<FhirQueries.PatientRow> page = queries.patients(Scope.patientRecords(caller),
                search.one("_id").map(v -> Search.uuid("_id", v)).orElse(null),
                identifier(search), search.one("name").orElse(null), search.one("phone").orElse(null), search.count(), search.offset());
        return Bundles.searchset(request, search, page.rows().stream().map(FhirResources::patient).toList(), page.total());
    }

    /** A UHID: bare, or with the hospital's system ({@code urn:opd:uhid:<hospital>|UH-1}). */
    private static String identifier(Search search) {
        return search.one("identifier").map(v -> {
            int bar = v.indexOf('|');
            if (bar >= 0 && !v.substring(0, bar).isEmpty() && !v.substring(0, bar).startsWith(FhirResources.UHID)) {
                throw FhirException.badParameter("identifier", "takes UHIDs (" + FhirResources.UHID + ":<hospital>|value)");
            }
            String value = bar >= 0 ? v.substring(bar + 1) : v;
            if (value.isEmpty()) {
                throw FhirException.badParameter("identifier", "has an empty value");
            }
            return value;
        }).orElse(null);
    }
}
