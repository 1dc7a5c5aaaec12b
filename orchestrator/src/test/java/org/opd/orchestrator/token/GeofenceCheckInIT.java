package org.opd.orchestrator.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;

/** The clinic's geofence is 200 m; one metre north is 1 / 111 195 degrees of latitude on the mean-radius sphere. */
class GeofenceCheckInIT extends OrchestratorIntegrationTest {

    private static final double DEGREES_PER_METRE_NORTH = 1 / 111_195.0;

    @Test
    void acceptsACheckIn199MetresAwayAndStoresWhereItHappened() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();
        double latitude = Clinic.LATITUDE + 199 * DEGREES_PER_METRE_NORTH;

        Api.Reply checkedIn = checkIn(tokenId, latitude);

        assertThat(checkedIn.status()).isEqualTo(200);
        assertThat(jdbc.sql("""
                        SELECT round(check_in_latitude, 6) || ',' || round(check_in_longitude, 6) FROM tokens
                        WHERE token_id = :id::uuid
                        """).param("id", tokenId).query(String.class).single())
                .isEqualTo("%.6f,%.6f".formatted(latitude, Clinic.LONGITUDE));
        assertThat(jdbc.sql("""
                        SELECT (metadata->>'distanceMeters')::int FROM token_history
                        WHERE token_id = :id::uuid AND new_status = 'CHECKED_IN'
                        """).param("id", tokenId).query(Integer.class).single()).isEqualTo(199);
    }

    @Test
    void acceptsACheckInExactlyAtTheRadius() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        Api.Reply checkedIn = checkIn(tokenId, Clinic.LATITUDE + 199.99 * DEGREES_PER_METRE_NORTH);

        assertThat(checkedIn.status()).isEqualTo(200);
    }

    @Test
    void refusesACheckIn201MetresAwayAndStoresNothing() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        Api.Reply refused = checkIn(tokenId, Clinic.LATITUDE + 201 * DEGREES_PER_METRE_NORTH);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).isEqualTo("urn:opd:problem:outside-geofence");
        assertThat(refused.body().path("distanceMeters").asInt()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT status || ':' || coalesce(check_in_latitude::text, '-') FROM tokens WHERE token_id = :id::uuid")
                .param("id", tokenId).query(String.class).single()).isEqualTo("BOOKED:-");
    }

    @Test
    void refusesCoordinatesOffTheEarthAsInvalidInput() {
        Clinic clinic = Clinic.open(api);
        String tokenId = clinic.token(1).get("tokenId").asText();

        Api.Reply refused = api.post("/tokens/" + tokenId + "/check-in", Map.of("latitude", 90.5, "longitude", -181));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("latitude", "longitude");
    }

    private Api.Reply checkIn(String tokenId, double latitude) {
        return api.post("/tokens/" + tokenId + "/check-in", Map.of("latitude", latitude, "longitude", Clinic.LONGITUDE));
    }
}
