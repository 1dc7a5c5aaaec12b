package org.opd.orchestrator.token;

import java.time.LocalDate;
import java.util.UUID;

import org.opd.schemas.token.TokenStatus;

/** Which tokens to list; each null part does not filter. {@code serviceDate} is the hospital's local day. */
public record TokenFilter(UUID hospitalId, UUID deptId, UUID doctorId, UUID patientId, TokenStatus status,
                          LocalDate serviceDate) {
}
