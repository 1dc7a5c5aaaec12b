-- Consultation notes (spec 000): SOAP sections and ICD-10 diagnoses of one consultation (a token
-- that was IN_CONSULTATION or COMPLETED), written by the token's doctor.
--
-- A clinical record is never overwritten: every amendment is a new version of the whole note,
-- with the reason for it, and the earlier versions stay as they were. Both tables refuse UPDATE,
-- DELETE and TRUNCATE. The note keeps the token's hospital, patient and doctor itself, because
-- tokens move to tokens_archive after 90 days (V5) and nothing may reference a token row.

-- The ICD-10-CM code list (CMS / NCHS release, see icd10cm/README.md in the schemas jar); V36
-- loads it. Codes are kept as CMS writes them, without the dot (E119 for E11.9).
CREATE TABLE icd10_codes (
    code          VARCHAR(7) PRIMARY KEY,
    -- A code valid for a diagnosis; the others are headings of a category (E11, E11.6).
    billable      BOOLEAN    NOT NULL,
    description   TEXT       NOT NULL,
    search_vector TSVECTOR   GENERATED ALWAYS AS (to_tsvector('english', description)) STORED
);

CREATE INDEX idx_icd10_codes_search ON icd10_codes USING GIN (search_vector);
-- Prefix search by code (E11 finds E11.9) whatever the database's collation.
CREATE INDEX idx_icd10_codes_prefix ON icd10_codes (code text_pattern_ops);

CREATE TABLE consultation_notes (
    token_id         UUID         NOT NULL,
    version          INT          NOT NULL CHECK (version >= 1),
    hospital_id      UUID         NOT NULL REFERENCES hospitals(hospital_id),
    patient_id       UUID         NOT NULL REFERENCES patients(patient_id),
    doctor_id        UUID         NOT NULL REFERENCES doctors(doctor_id),
    subjective       TEXT,
    objective        TEXT,
    assessment       TEXT,
    plan             TEXT,
    -- How the text was made: typed by the doctor. Spec 000 drafts notes from the consultation's
    -- audio with a speech and a language model; none is available to this installation.
    source           VARCHAR(10)  NOT NULL CHECK (source IN ('TYPED')),
    amendment_reason TEXT,
    written_by       VARCHAR(255) NOT NULL,
    written_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (token_id, version),
    CONSTRAINT chk_amendment_reason CHECK ((version = 1) = (amendment_reason IS NULL))
);

CREATE INDEX idx_consultation_notes_patient ON consultation_notes (patient_id, written_at DESC);

-- The diagnoses of one version, in the doctor's order (the first is the principal one), with the
-- description the code list gave when the note was written.
CREATE TABLE consultation_diagnoses (
    token_id    UUID        NOT NULL,
    version     INT         NOT NULL,
    position    SMALLINT    NOT NULL CHECK (position >= 1),
    code        VARCHAR(7)  NOT NULL,
    description TEXT        NOT NULL,
    PRIMARY KEY (token_id, version, position),
    UNIQUE (token_id, version, code),
    FOREIGN KEY (token_id, version) REFERENCES consultation_notes (token_id, version)
);

CREATE FUNCTION refuse_clinical_note_change() RETURNS TRIGGER AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused (amend the note with a new version)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consultation_notes_append_only BEFORE UPDATE OR DELETE ON consultation_notes
    FOR EACH ROW EXECUTE FUNCTION refuse_clinical_note_change();
CREATE TRIGGER consultation_notes_no_truncate BEFORE TRUNCATE ON consultation_notes
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_clinical_note_change();
CREATE TRIGGER consultation_diagnoses_append_only BEFORE UPDATE OR DELETE ON consultation_diagnoses
    FOR EACH ROW EXECUTE FUNCTION refuse_clinical_note_change();
CREATE TRIGGER consultation_diagnoses_no_truncate BEFORE TRUNCATE ON consultation_diagnoses
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_clinical_note_change();
