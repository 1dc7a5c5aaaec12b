package org.opd.orchestrator.access;

import java.util.UUID;

/** Whose a record is: its hospital, and where known its department, doctor and patient. */
record Owners(UUID hospitalId, UUID deptId, UUID doctorId, UUID patientId) {
}
