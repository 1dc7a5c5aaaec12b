package org.opd.orchestrator.token.web;

import org.opd.orchestrator.hospital.Coordinates;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** Where the patient's device is when checking in. */
record CheckInRequest(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    Coordinates toCoordinates() {
        return new Coordinates(latitude, longitude);
    }
}
