package org.opd.orchestrator.hospital;

/** A point on the earth, in degrees (WGS 84). */
public record Coordinates(double latitude, double longitude) {

    /** Mean earth radius (IUGG), the usual sphere for great-circle distances. */
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    public Coordinates {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("Not a point on the earth: " + latitude + ", " + longitude);
        }
    }

    /** Great-circle distance by the haversine formula, which stays exact for the short distances of a geofence. */
    public double distanceMetersTo(Coordinates other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
