package org.opd.orchestrator.consultation;

/** One diagnosis of a note: the stored code and the description the code list gave when it was written. */
public record Diagnosis(String code, String description) {

    /** The code as clinicians write it: {@code E11.9}. */
    public String dottedCode() {
        return Icd10Code.dotted(code);
    }
}
