package org.opd.orchestrator.token;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.ConflictException;
import org.opd.schemas.token.TokenStatus;

/** The doctor's cabin is taken: a patient is in consultation, or has been called in and not yet started. */
public class DoctorBusyException extends ConflictException {

    DoctorBusyException(UUID doctorId, Token inCabin) {
        super("doctor-busy", "Doctor busy",
                "Doctor " + doctorId + " already has token " + inCabin.booking().tokenNumber()
                        + (inCabin.status() == TokenStatus.IN_CONSULTATION
                        ? " in consultation" : " called in"),
                Map.of("tokenId", inCabin.booking().tokenId().toString(),
                        "tokenNumber", inCabin.booking().tokenNumber(),
                        "currentStatus", inCabin.status().name()));
    }
}
