package org.opd.orchestrator.hospital.web;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

import org.opd.orchestrator.hospital.Coordinates;
import org.opd.orchestrator.hospital.NewHospital;
import org.opd.orchestrator.hospital.OpeningHours;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

record CreateHospitalRequest(
        @NotBlank @Size(max = 255) String name,
        @NotBlank String address,
        @NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
        @Positive @Max(100_000) Integer geofenceRadiusMeters,
        @TimeZoneId String timezone,
        Map<@Pattern(regexp = "monday|tuesday|wednesday|thursday|friday|saturday|sunday",
                message = "must be a lower-case weekday name") String,
                @Valid @NotNull OpeningHours> operatingHours) {

    NewHospital toNewHospital() {
        return new NewHospital(name, address, new Coordinates(latitude.doubleValue(), longitude.doubleValue()),
                geofenceRadiusMeters, timezone == null ? null : ZoneId.of(timezone), operatingHours);
    }
}
