package org.opd.orchestrator.specialty.web;

import java.util.UUID;

/** @param specialtyId null clears the doctor's specialty */
record AssignSpecialtyRequest(UUID specialtyId) {
}
