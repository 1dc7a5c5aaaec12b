package org.opd.orchestrator.fhir;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI's instance validator ({@link FhirInstanceValidator}, the HL7 core validator under it) with the R4 base
 * profiles: every StructureDefinition of R4 (structure, cardinality, data types, the FHIRPath invariants such as
 * {@code app-3}) and the value sets of its bindings, as HAPI ships them in {@code hapi-fhir-validation-resources-r4}.
 * A resource contained in another (a Bundle's entries, an OperationOutcome's issues) is checked with it.
 * <p>
 * It reads the JSON as it was sent, not a parsed copy: HAPI's parser drops what it does not know, the validator does
 * not. Building it loads the whole specification (seconds), so there is one, for every test of the JVM.
 */
final class R4Validator {

    private static final FhirValidator VALIDATOR = validator();

    private R4Validator() {
    }

    private static FhirValidator validator() {
        FhirContext fhir = FhirContext.forR4Cached();
        // The chain caches what it looked up itself (CachingValidationSupport is deprecated in HAPI 8 for that reason).
        ValidationSupportChain r4 = new ValidationSupportChain(ValidationSupportChain.CacheConfiguration.defaultValues(),
                new DefaultProfileValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        FhirValidator validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(r4));
        return validator;
    }

    /**
     * dom-6, "a resource should have narrative": a best-practice rule we decline. The answers are for systems, which
     * read the data; a narrative would repeat it as XHTML that could disagree with it.
     */
    private static final String NO_NARRATIVE = "http://hl7.org/fhir/StructureDefinition/DomainResource#dom-6";

    /** "CodeSystem is unknown and can't be validated": said of a code whose system no terminology service here knows. */
    private static final String UNKNOWN_CODE_SYSTEM = "Terminology_PassThrough_TX_Message";

    /**
     * What makes an answer invalid: every ERROR and FATAL, and every WARNING — a warning of the base profiles is a
     * "should" we can meet — but two. {@link #NO_NARRATIVE}; and {@link #UNKNOWN_CODE_SYSTEM} for a code system of our
     * own ({@link FhirResources#SYSTEM_BASE}): a hospital's department codes where R4 binds only an example value set,
     * our appointment types beside the v2-0276 code of the preferred one. Any other unknown code system still fails,
     * and so does an unknown code of a known one (an ERROR). INFORMATION is not a fault: it says what the validator did not check — a search link it
     * cannot read types from ({@code $find}'s), or that a concept with one of our codes beside a valid v2-0276 code is
     * "not in" the preferred value set, because our coding cannot be checked.
     * <p>
     * One validation at a time: FhirIT's racers validate their answers at once, and this keeps the shared validator's
     * lazily filled caches out of a race of their own. It costs the race under test nothing: its requests are sent.
     */
    static synchronized List<String> problems(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() != ResultSeverityEnum.INFORMATION)
                .filter(m -> m.getSeverity() != ResultSeverityEnum.WARNING || !declined(m))
                .map(R4Validator::describe).toList();
    }

    private static boolean declined(SingleValidationMessage warning) {
        return NO_NARRATIVE.equals(warning.getMessageId())
                || UNKNOWN_CODE_SYSTEM.equals(warning.getMessageId()) && warning.getMessage().contains(FhirResources.SYSTEM_BASE);
    }

    /** @throws AssertionError naming every problem */
    static void assertValid(String json) {
        List<String> problems = problems(json);
        if (!problems.isEmpty()) {
            throw new AssertionError("Not valid FHIR R4:\n  " + String.join("\n  ", problems) + "\n" + json);
        }
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + (m.getLocationString() == null ? "" : m.getLocationString() + ": ") + m.getMessage()
                + (m.getMessageId() == null ? "" : " [" + m.getMessageId() + "]");
    }
}
