package org.opd.orchestrator.specialty.web;

import java.util.UUID;

import org.opd.orchestrator.specialty.Specialty;

/** @param specialty null when cleared */
record DoctorSpecialtyResponse(UUID doctorId, Specialty specialty) {
}
