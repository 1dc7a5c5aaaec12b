package org.opd.orchestrator.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.opd.orchestrator.access.Resource;
import org.opd.orchestrator.access.ScopeCheck;
import org.opd.orchestrator.fhir.FhirQueries.Page;
import org.opd.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** The master data: doctors as Practitioner, departments as HealthcareService, cabins as Location. */
@RestController
@RequestMapping(FhirConfiguration.BASE)
class FhirDirectoryController {

    /** FHIR's Location status and the cabin statuses it stands for. */
    private static final Map<String, List<String>> LOCATION_STATUS = Map.of(
            "active", List.of("AVAILABLE", "OCCUPIED"),
            "suspended", List.of("MAINTENANCE"),
            "inactive", List.of());

    private final FhirQueries queries;
    private final ScopeCheck scope;

    FhirDirectoryController(FhirQueries queries, ScopeCheck scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @GetMapping("/Practitioner/{id}")
    Practitioner practitioner(@PathVariable String id, Caller caller) {
        UUID doctorId = Ids.of("Practitioner", id);
        scope.requireReach(caller, Resource.DOCTOR, doctorId);
        return FhirResources.practitioner(queries.doctor(doctorId).orElseThrow(() -> FhirException.notFound("Practitioner", id)));
    }

    @GetMapping("/Practitioner")
    Bundle practitioners(HttpServletRequest request, Caller caller) {
        Search search = Search.of(request, "_id", "name", "identifier", "active");
        Page<FhirQueries.DoctorRow> page = queries.doctors(Scope.directory(caller), search.one("_id").map(v -> Search.uuid("_id", v)).orElse(null),
                search.one("name").orElse(null), identifier(search, FhirResources.EMPLOYEE_CODE), null, search.bool("active").orElse(null),
                search.count(), search.offset());
        return Bundles.searchset(request, search, page.rows().stream().map(FhirResources::practitioner).toList(), page.total());
    }

    @GetMapping("/HealthcareService/{id}")
    HealthcareService healthcareService(@PathVariable String id, Caller caller) {
        UUID deptId = Ids.of("HealthcareService", id);
        scope.requireReach(caller, Resource.DEPARTMENT, deptId);
        return FhirResources.healthcareService(queries.department(deptId)
                .orElseThrow(() -> FhirException.notFound("HealthcareService", id)));
    }

    @GetMapping("/HealthcareService")
    Bundle healthcareServices(HttpServletRequest request, Caller caller) {
        Search search = Search.of(request, "_id", "name", "service-type", "active", "location");
        Page<FhirQueries.DepartmentRow> page = queries.departments(Scope.directory(caller),
                search.one("_id").map(v -> Search.uuid("_id", v)).orElse(null), search.one("name").orElse(null),
                search.codes("service-type", FhirResources.DEPARTMENT_CODE).orElse(null), search.bool("active").orElse(null),
                search.reference("location", "Location").map(Search.Ref::id).orElse(null), search.count(), search.offset());
        return Bundles.searchset(request, search, page.rows().stream().map(FhirResources::healthcareService).toList(), page.total());
    }

    @GetMapping("/Location/{id}")
    Location location(@PathVariable String id, Caller caller) {
        UUID cabinId = Ids.of("Location", id);
        scope.requireReach(caller, Resource.CABIN, cabinId);
        return FhirResources.location(queries.cabin(cabinId).orElseThrow(() -> FhirException.notFound("Location", id)));
    }

    @GetMapping("/Location")
    Bundle locations(HttpServletRequest request, Caller caller) {
        Search search = Search.of(request, "_id", "name", "status", "service");
        List<String> statuses = search.codesAmong("status", LOCATION_STATUS.keySet())
                .map(codes -> codes.stream().flatMap(c -> LOCATION_STATUS.get(c).stream()).toList()).orElse(null);
        Page<FhirQueries.CabinRow> page = statuses != null && statuses.isEmpty() ? new Page<>(List.of(), 0)
                : queries.cabins(Scope.directory(caller), search.one("_id").map(v -> Search.uuid("_id", v)).orElse(null),
                search.one("name").orElse(null), statuses,
                search.reference("service", "HealthcareService").map(Search.Ref::id).orElse(null), search.count(), search.offset());
        return Bundles.searchset(request, search, page.rows().stream().map(FhirResources::location).toList(), page.total());
    }

    /** An identifier token: {@code system|value} of the given system, or a bare value. */
    static String identifier(Search search, String system) {
        Optional<List<String>> values = search.codes("identifier", system);
        if (values.isPresent() && values.get().size() > 1) {
            throw FhirException.badParameter("identifier", "takes one value");
        }
        return values.map(v -> v.get(0)).orElse(null);
    }
}
