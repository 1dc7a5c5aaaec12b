package org.opd.orchestrator.specialty.web;

import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.specialty.Specialties;
import org.opd.orchestrator.specialty.Specialty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
class SpecialtyController {

    private final Specialties specialties;

    SpecialtyController(Specialties specialties) {
        this.specialties = specialties;
    }

    /** 409 naming {@code slug} when it is taken. */
    @PostMapping("/api/v1/specialties")
    ResponseEntity<Specialty> create(@Valid @RequestBody CreateSpecialtyRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(specialties.create(request.slug(), request.nameEn().strip(), request.nameHi().strip(), request.icon()));
    }

    /** Every specialty, by English name (a short lookup: not paged). */
    @GetMapping("/api/v1/specialties")
    List<Specialty> list() {
        return specialties.all();
    }

    @PutMapping("/api/v1/doctors/{doctorId}/specialty")
    DoctorSpecialtyResponse assign(@PathVariable UUID doctorId, @Valid @RequestBody AssignSpecialtyRequest request) {
        return new DoctorSpecialtyResponse(doctorId, specialties.assign(doctorId, request.specialtyId()));
    }
}
