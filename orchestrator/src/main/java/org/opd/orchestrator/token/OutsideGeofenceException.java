package org.opd.orchestrator.token;

import java.util.Map;
import java.util.UUID;

import org.opd.orchestrator.error.BusinessRuleException;

/** A check-in from further away from the hospital than its geofence allows. */
public class OutsideGeofenceException extends BusinessRuleException {

    OutsideGeofenceException(UUID tokenId, long distanceMeters, int radiusMeters) {
        super("outside-geofence", "Outside the geofence",
                "Token " + tokenId + " cannot check in " + distanceMeters + " m from the hospital; the geofence allows "
                        + radiusMeters + " m",
                Map.of("distanceMeters", distanceMeters, "radiusMeters", radiusMeters));
    }
}
