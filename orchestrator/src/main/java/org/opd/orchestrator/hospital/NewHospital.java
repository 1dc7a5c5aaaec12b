package org.opd.orchestrator.hospital;

import java.time.ZoneId;
import java.util.Map;

/** A hospital to create; null optional values take the schema's defaults. */
public record NewHospital(
        String name,
        String address,
        Coordinates location,
        Integer geofenceRadiusMeters,
        ZoneId zone,
        Map<String, OpeningHours> operatingHours) {
}
