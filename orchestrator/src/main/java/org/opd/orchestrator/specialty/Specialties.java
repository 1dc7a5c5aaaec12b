package org.opd.orchestrator.specialty;

import java.util.List;
import java.util.UUID;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.error.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The specialties lookup and which doctor belongs to which. */
@Service
public class Specialties {

    private final SpecialtyRepository repository;

    Specialties(SpecialtyRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public Specialty create(String slug, String nameEn, String nameHi, String icon) {
        return repository.create(slug, nameEn, nameHi, icon);
    }

    @Transactional(readOnly = true)
    public List<Specialty> all() {
        return repository.all();
    }

    /** Sets (or, with null, clears) the doctor's specialty; 404 for an unknown doctor, 400 naming an unknown specialty. */
    @Transactional
    public Specialty assign(UUID doctorId, UUID specialtyId) {
        Specialty specialty = null;
        if (specialtyId != null) {
            try {
                specialty = repository.require(specialtyId);
            } catch (NotFoundException e) {
                throw new InvalidInputException("specialtyId", "no specialty has this id");
            }
        }
        if (!repository.assign(doctorId, specialtyId)) {
            throw new NotFoundException("doctor", doctorId);
        }
        return specialty;
    }
}
