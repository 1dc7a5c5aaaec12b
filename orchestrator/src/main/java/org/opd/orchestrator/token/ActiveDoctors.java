package org.opd.orchestrator.token;

import java.util.Map;

import org.opd.orchestrator.doctor.Doctor;
import org.opd.orchestrator.error.BusinessRuleException;

/** Only an ACTIVE doctor takes tokens, issued or moved to them. */
final class ActiveDoctors {

    private static final String ACTIVE = "ACTIVE";

    private ActiveDoctors() {
    }

    static void require(Doctor doctor) {
        if (!ACTIVE.equals(doctor.status())) {
            throw new BusinessRuleException("doctor-unavailable", "Doctor unavailable",
                    "Doctor " + doctor.doctorId() + " is " + doctor.status() + " and takes no tokens",
                    Map.of("field", "doctorId", "doctorStatus", doctor.status()));
        }
    }
}
