package org.opd.orchestrator.hospital;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * @param operatingHours by lower-case weekday name ("monday"), as spec 004 stores them
 */
public record Hospital(
        UUID hospitalId,
        String name,
        String address,
        Coordinates location,
        int geofenceRadiusMeters,
        ZoneId zone,
        Map<String, OpeningHours> operatingHours,
        String status) {

    public Geofence geofence() {
        return new Geofence(location, geofenceRadiusMeters);
    }
}
