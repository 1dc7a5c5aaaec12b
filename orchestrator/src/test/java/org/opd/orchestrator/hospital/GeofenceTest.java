package org.opd.orchestrator.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeofenceTest {

    private static final Coordinates MG_ROAD = new Coordinates(12.9716, 77.5946);

    @Test
    void measuresGreatCircleDistances() {
        // One degree of latitude is 111.2 km on the mean-radius sphere.
        assertThat(MG_ROAD.distanceMetersTo(new Coordinates(13.9716, 77.5946))).isCloseTo(111_195, within(1.0));
        // MG Road, Bengaluru to Chennai airport: about 279 km as the crow flies.
        assertThat(MG_ROAD.distanceMetersTo(new Coordinates(12.9941, 80.1709)) / 1000).isCloseTo(279.3, within(1.0));
    }

    @Test
    void containsPointsUpToItsRadiusInclusive() {
        Geofence fence = new Geofence(MG_ROAD, 200);
        // 0.0018 degrees of latitude is 200.15 m; 0.0017 is 189 m.
        assertThat(fence.contains(new Coordinates(12.9733, 77.5946))).isTrue();
        assertThat(fence.contains(new Coordinates(12.9734, 77.5946))).isFalse();
        assertThat(fence.contains(MG_ROAD)).isTrue();
    }
}
