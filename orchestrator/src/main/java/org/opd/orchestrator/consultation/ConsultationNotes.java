package org.opd.orchestrator.consultation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.opd.orchestrator.error.ConflictException;
import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.NotFoundException;
import org.opd.orchestrator.token.TokenParties;
import org.opd.orchestrator.token.TokenQueries;
import org.opd.schemas.token.TokenStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the notes of consultations. A note belongs to a token that was seen (in
 * consultation or completed), carries its doctor's diagnoses checked against the ICD-10-CM list,
 * and is amended only by writing its next version whole: the versions before it stay as written.
 * Who may call is the access rules' business (the token's own doctor writes; the token's doctor
 * and its patient read); this service checks what the note says.
 */
@Service
public class ConsultationNotes {

    private static final Set<TokenStatus> CONSULTED = EnumSet.of(TokenStatus.IN_CONSULTATION, TokenStatus.COMPLETED);

    private final TokenQueries tokens;
    private final Icd10Codes codes;
    private final ConsultationNoteRepository notes;
    private final Clock clock;

    ConsultationNotes(TokenQueries tokens, Icd10Codes codes, ConsultationNoteRepository notes, Clock clock) {
        this.tokens = tokens;
        this.codes = codes;
        this.notes = notes;
        this.clock = clock;
    }

    /** @return every version of the note, the one just written last */
    @Transactional
    public List<ConsultationNote> write(UUID tokenId, NoteDraft draft, String writtenBy) {
        TokenParties token = tokens.parties(tokenId).orElseThrow(() -> new NotFoundException("token", tokenId));
        if (!CONSULTED.contains(token.status())) {
            throw new ConflictException("no-consultation", "No consultation",
                    "A note belongs to a consultation; the token is " + token.status(),
                    Map.of("currentStatus", token.status().name()));
        }
        requireContent(draft);
        requireReasonForAmendments(draft);
        List<Diagnosis> diagnoses = diagnoses(draft.diagnosisCodes());
        int current = notes.currentVersion(tokenId);
        if (draft.version() != current + 1) {
            throw changedConcurrently(current);
        }
        try {
            notes.insert(new ConsultationNote(tokenId, draft.version(), token.hospitalId(), token.patientId(), token.doctorId(),
                    blankAsNull(draft.subjective()), blankAsNull(draft.objective()), blankAsNull(draft.assessment()),
                    blankAsNull(draft.plan()), diagnoses, NoteSource.TYPED, blankAsNull(draft.amendmentReason()),
                    writtenBy, clock.instant()));
        } catch (DuplicateKeyException e) {
            // Another amendment of the same version was committed first.
            throw changedConcurrently(draft.version());
        }
        return notes.versions(tokenId);
    }

    /** Every version of the token's note, the first first. */
    @Transactional(readOnly = true)
    public List<ConsultationNote> versions(UUID tokenId) {
        tokens.parties(tokenId).orElseThrow(() -> new NotFoundException("token", tokenId));
        List<ConsultationNote> versions = notes.versions(tokenId);
        if (versions.isEmpty()) {
            throw new NotFoundException("consultation note for the token", tokenId);
        }
        return versions;
    }

    private static void requireContent(NoteDraft draft) {
        boolean written = blankAsNull(draft.subjective()) != null || blankAsNull(draft.objective()) != null
                || blankAsNull(draft.assessment()) != null || blankAsNull(draft.plan()) != null
                || !draft.diagnosisCodes().isEmpty();
        if (!written) {
            throw new InvalidInputException("subjective", "or another SOAP section, or a diagnosis, is needed: the note is empty");
        }
    }

    private static void requireReasonForAmendments(NoteDraft draft) {
        boolean hasReason = blankAsNull(draft.amendmentReason()) != null;
        if (draft.version() > 1 && !hasReason) {
            throw new InvalidInputException("amendmentReason", "is required to amend a note (version " + draft.version() + ")");
        }
        if (draft.version() == 1 && hasReason) {
            throw new InvalidInputException("amendmentReason", "must be left out of the first version: nothing is amended");
        }
    }

    /** The codes as the list has them, in the doctor's order; a 400 naming the first that is not a diagnosis code. */
    private List<Diagnosis> diagnoses(List<String> written) {
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String field = "diagnoses[" + i + "].code";
            String code = Icd10Code.stored(written.get(i))
                    .orElseThrow(() -> new InvalidInputException(field, "is not an ICD-10-CM code"));
            if (stored.contains(code)) {
                throw new InvalidInputException(field, "is listed twice");
            }
            stored.add(code);
        }
        Map<String, Icd10Code> known = codes.find(new LinkedHashSet<>(stored));
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            String field = "diagnoses[" + i + "].code";
            Icd10Code code = known.get(stored.get(i));
            if (code == null) {
                throw new InvalidInputException(field, "is not an ICD-10-CM code (FY2022 code list)");
            }
            if (!code.billable()) {
                throw new InvalidInputException(field, "is the heading of a category (" + code.description()
                        + "); choose one of its codes");
            }
            diagnoses.add(new Diagnosis(code.code(), code.description()));
        }
        return diagnoses;
    }

    private static ConflictException changedConcurrently(int currentVersion) {
        return new ConflictException("concurrent-modification", "Changed concurrently",
                "The note is at version " + currentVersion + "; amend it as version " + (currentVersion + 1),
                Map.of("currentVersion", currentVersion));
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
