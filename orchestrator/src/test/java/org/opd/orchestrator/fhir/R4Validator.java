package org.opd.orchestrator.fhir;

import java.util.List;
import java.util.stream.Collectors;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * HAPI's {@link FhirValidator} with the R4 specification's own rules, as HAPI ships them in
 * {@code hapi-fhir-validation-resources-r4}: the XML schemas of every resource (structure, cardinality, data
 * types, the codes of required bindings) and the Schematron of every resource (its invariants, such as
 * {@code app-3}: a booked appointment has a start and an end). A resource contained in another (a Bundle's
 * entries, an OperationOutcome's issues) is checked with it.
 * <p>
 * HAPI's instance validator ({@code hapi-fhir-validation}, and the HL7 core validator under it) is not served
 * by this project's registry, so the StructureDefinition-driven validator is not used; docs/fhir.md says so.
 */
final class R4Validator {

    private static final FhirValidator VALIDATOR = validator();

    /**
     * Two invariants whose XPath in the R4 Schematron contradicts their own FHIRPath: cpb-15 ("If kind = capability,
     * implementation must be absent, software must be present") and cpb-16 ("If kind = requirements, …") both test
     * {@code f:kind/@value='instance'}, so no CapabilityStatement of kind {@code instance} (a server's own, as here) can
     * pass both. Their FHIRPath ({@code kind != 'capability' or …}, {@code kind != 'requirements' or …}) does not apply to
     * {@code instance}, and {@link #checkCapabilityInvariants} checks it instead.
     */
    private static final List<String> R4_SCHEMATRON_ERRATA = List.of("cpb-15:", "cpb-16:");

    private R4Validator() {
    }

    private static FhirValidator validator() {
        FhirValidator validator = FhirContext.forR4Cached().newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(true);
        return validator;
    }

    /** The errors and warnings; empty when the resource is valid. */
    static synchronized List<String> problems(IBaseResource resource) {
        ValidationResult result = VALIDATOR.validateWithResult(resource);
        List<String> problems = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL
                        || m.getSeverity() == ResultSeverityEnum.WARNING)
                .filter(m -> R4_SCHEMATRON_ERRATA.stream().noneMatch(m.getMessage()::contains))
                .map(R4Validator::describe).collect(Collectors.toCollection(java.util.ArrayList::new));
        if (resource instanceof org.hl7.fhir.r4.model.CapabilityStatement cs) {
            problems.addAll(checkCapabilityInvariants(cs));
        }
        return problems;
    }

    /** cpb-15 and cpb-16 as their FHIRPath says. */
    static List<String> checkCapabilityInvariants(org.hl7.fhir.r4.model.CapabilityStatement cs) {
        List<String> problems = new java.util.ArrayList<>();
        String kind = cs.getKind() == null ? null : cs.getKind().toCode();
        if ("capability".equals(kind) && (cs.hasImplementation() || !cs.hasSoftware())) {
            problems.add("ERROR cpb-15: If kind = capability, implementation must be absent, software must be present");
        }
        if ("requirements".equals(kind) && (cs.hasImplementation() || cs.hasSoftware())) {
            problems.add("ERROR cpb-16: If kind = requirements, implementation and software must be absent");
        }
        return problems;
    }

    /** @throws AssertionError naming every problem */
    static void assertValid(IBaseResource resource) {
        List<String> problems = problems(resource);
        if (!problems.isEmpty()) {
            throw new AssertionError("Not valid FHIR R4 (" + resource.fhirType() + "):\n  " + String.join("\n  ", problems)
                    + "\n" + FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(resource));
        }
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + (m.getLocationString() == null ? "" : m.getLocationString() + ": ") + m.getMessage();
    }
}
