package org.opd.orchestrator.token.web;

import java.util.UUID;

import org.opd.orchestrator.token.TransferPlace;

import jakarta.validation.constraints.NotNull;

/**
 * The doctor (of any department of the hospital) the token goes to, and where in that line:
 * KEEP (by its priority and check-in, the default), FRONT or BACK.
 */
record TransferRequest(@NotNull UUID toDoctorId, TransferPlace place) {

    TransferPlace placeOrDefault() {
        return place == null ? TransferPlace.KEEP : place;
    }
}
