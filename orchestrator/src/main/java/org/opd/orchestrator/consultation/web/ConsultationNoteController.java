package org.opd.orchestrator.consultation.web;

import java.net.URI;
import java.util.UUID;

import org.opd.orchestrator.consultation.ConsultationNotes;
import org.opd.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * The note of a consultation (SOAP and ICD-10 diagnoses). Writing the next version amends it;
 * nothing is ever overwritten. Every call is in the audit trail as {@code CONSULTATION_NOTE}.
 */
@RestController
@RequestMapping("/api/v1/tokens/{tokenId}/notes")
class ConsultationNoteController {

    private final ConsultationNotes notes;

    ConsultationNoteController(ConsultationNotes notes) {
        this.notes = notes;
    }

    /** 201 with the note's versions; 409 when the token was not seen or the version is not the next one. */
    @PostMapping
    ResponseEntity<NoteResponse> write(@PathVariable UUID tokenId, @Valid @RequestBody WriteNoteRequest request, Caller caller) {
        NoteResponse note = NoteResponse.of(notes.write(tokenId, request.toDraft(), caller.subject()));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + tokenId + "/notes")).body(note);
    }

    @GetMapping
    NoteResponse read(@PathVariable UUID tokenId) {
        return NoteResponse.of(notes.versions(tokenId));
    }
}
