-- Medical specialties (spec 002 `specialties`): a lookup shared by every hospital, named in two
-- languages and found by slug, used by doctors and by the doctor directory's filter. Spec 002 keeps
-- English and Greek names; this installation's screens speak English and Hindi, so the second name
-- is Hindi.
CREATE TABLE specialties (
    specialty_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    slug         VARCHAR(64)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_en      VARCHAR(100) NOT NULL,
    name_hi      VARCHAR(100) NOT NULL,
    icon         VARCHAR(64),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A doctor's specialty from the lookup; the free-text `specialization` of spec 004 stays as it was.
ALTER TABLE doctors ADD COLUMN specialty_id UUID REFERENCES specialties(specialty_id);
CREATE INDEX idx_doctors_specialty ON doctors(specialty_id);
