package org.opd.orchestrator.fhir;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What this server serves: read and search of seven types, three scheduling operations, JSON, bearer tokens. */
@RestController
@RequestMapping(FhirConfiguration.BASE)
class FhirMetadataController {

    private record Param(String name, SearchParamType type, String doc) {
    }

    private static final Param COUNT = new Param("_count", SearchParamType.NUMBER, "Page size (default 50, at most 500)");
    private static final Param OFFSET = new Param("_offset", SearchParamType.NUMBER, "Where the page starts (the next link carries it)");

    private static final Map<String, List<Param>> SEARCHES = new java.util.LinkedHashMap<>();

    static {
        SEARCHES.put("Practitioner", List.of(new Param("_id", SearchParamType.TOKEN, "The doctor's id"),
                new Param("name", SearchParamType.STRING, "A part of the doctor's name"),
                new Param("identifier", SearchParamType.TOKEN, "The employee code (" + FhirResources.EMPLOYEE_CODE + ")"),
                new Param("active", SearchParamType.TOKEN, "Not inactive")));
        SEARCHES.put("HealthcareService", List.of(new Param("_id", SearchParamType.TOKEN, "The department's id"),
                new Param("name", SearchParamType.STRING, "A part of the department's name"),
                new Param("service-type", SearchParamType.TOKEN, "The department's code (" + FhirResources.DEPARTMENT_CODE + ")"),
                new Param("active", SearchParamType.TOKEN, "Active departments"),
                new Param("location", SearchParamType.REFERENCE, "A cabin of the department")));
        SEARCHES.put("Location", List.of(new Param("_id", SearchParamType.TOKEN, "The cabin's id"),
                new Param("name", SearchParamType.STRING, "A part of the cabin number"),
                new Param("status", SearchParamType.TOKEN, "active (available or occupied), suspended (maintenance)"),
                new Param("service", SearchParamType.REFERENCE, "The department (HealthcareService) of the cabin")));
        SEARCHES.put("Schedule", List.of(new Param("_id", SearchParamType.TOKEN, "The doctor's id"),
                new Param("actor", SearchParamType.REFERENCE, "Practitioner, Location (cabin) or HealthcareService (department)"),
                new Param("active", SearchParamType.TOKEN, "Whether the doctor has a week or planned shifts"),
                new Param("service-type", SearchParamType.TOKEN, "The department's code"),
                new Param("date", SearchParamType.DATE, "Within the planning horizon (a month ahead)")));
        SEARCHES.put("Slot", List.of(new Param("schedule", SearchParamType.REFERENCE, "The doctor's Schedule (this or service-type is required)"),
                new Param("service-type", SearchParamType.TOKEN, "All doctors of the department"),
                new Param("status", SearchParamType.TOKEN, "free, busy, busy-tentative (held), busy-unavailable (doctor away)"),
                new Param("start", SearchParamType.DATE, "When the slot starts (default: the next 7 days; at most 31)")));
        SEARCHES.put("Appointment", List.of(new Param("_id", SearchParamType.TOKEN, "The appointment's id"),
                new Param("actor", SearchParamType.REFERENCE, "Practitioner or Patient"),
                new Param("practitioner", SearchParamType.REFERENCE, "The doctor"),
                new Param("patient", SearchParamType.REFERENCE, "The patient"),
                new Param("date", SearchParamType.DATE, "When the appointment starts"),
                new Param("status", SearchParamType.TOKEN, "pending (held), booked, arrived, fulfilled, cancelled, noshow"),
                new Param("service-type", SearchParamType.TOKEN, "The doctor's department code")));
        SEARCHES.put("Patient", List.of(new Param("_id", SearchParamType.TOKEN, "The patient's id"),
                new Param("identifier", SearchParamType.TOKEN, "The UHID"),
                new Param("name", SearchParamType.STRING, "A part of the name"),
                new Param("phone", SearchParamType.TOKEN, "The registered phone number (E.164)")));
    }

    private final Date started = new Date();

    @GetMapping("/metadata")
    CapabilityStatement metadata() {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setId("opd-orchestrator");
        cs.setUrl(Bundles.base() + "/metadata");
        cs.setName("OpdOrchestratorFhir");
        cs.setTitle("OPD orchestrator: scheduling over FHIR R4");
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setExperimental(false);
        cs.setDate(started);
        cs.setPublisher("OPD orchestrator");
        cs.setDescription("Doctors, departments, cabins, schedules, slots, appointments and patients' demographics (read and "
                + "search), and the scheduling operations Appointment/$find, Slot/$hold and Appointment/$book over the booking "
                + "of the OPD orchestrator");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("OPD orchestrator");
        cs.getImplementation().setDescription("OPD orchestrator FHIR R4 endpoint").setUrl(Bundles.base());
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        cs.addFormat("json");
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Read-only resources; every call but this one needs an access token of the OPD's issuer "
                + "(Authorization: Bearer), with the roles of the same calls of /api/v1");
        rest.getSecurity().setCors(true).addService(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("OAuth 2.0 bearer tokens; discovery at /.well-known/openid-configuration");
        for (Map.Entry<String, List<Param>> type : SEARCHES.entrySet()) {
            CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type.getKey());
            resource.setProfile("http://hl7.org/fhir/StructureDefinition/" + type.getKey());
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION);
            resource.setReadHistory(false).setUpdateCreate(false);
            for (Param p : type.getValue()) {
                resource.addSearchParam().setName(p.name()).setType(p.type()).setDocumentation(p.doc());
            }
            resource.addSearchParam().setName(COUNT.name()).setType(COUNT.type()).setDocumentation(COUNT.doc());
            resource.addSearchParam().setName(OFFSET.name()).setType(OFFSET.type()).setDocumentation(OFFSET.doc());
            if (type.getKey().equals("Appointment")) {
                resource.addOperation().setName("find").setDefinition(FhirResources.SYSTEM_BASE + "operation:appointment-find")
                        .setDocumentation("Free slots from start to end of a practitioner or a service-type, as proposed appointments");
                resource.addOperation().setName("book").setDefinition(FhirResources.SYSTEM_BASE + "operation:appointment-book")
                        .setDocumentation("Books the appointment a Slot/$hold answered (parameter appointment)");
            }
            if (type.getKey().equals("Slot")) {
                resource.addOperation().setName("hold").setDefinition(FhirResources.SYSTEM_BASE + "operation:slot-hold")
                        .setDocumentation("Holds a free slot for a patient (parameters slot, patient, reason, appointment-type) "
                                + "for 15 minutes; answers the held Appointment (pending)");
            }
        }
        return cs;
    }
}
