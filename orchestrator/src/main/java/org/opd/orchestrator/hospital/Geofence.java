package org.opd.orchestrator.hospital;

/** The circle around a hospital inside which a patient may check in. */
public record Geofence(Coordinates center, int radiusMeters) {

    public double distanceMetersTo(Coordinates point) {
        return center.distanceMetersTo(point);
    }

    public boolean contains(Coordinates point) {
        return distanceMetersTo(point) <= radiusMeters;
    }
}
