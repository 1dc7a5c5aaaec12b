package org.opd.orchestrator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.CalComWebhook;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** A Cal.com booking is an appointment like any other: on its day it becomes a token, and Cal.com's cancel cancels it. */
class CalComBookingTokenIT extends OrchestratorIntegrationTest {

    private static final String SECRET = "cal-com-webhook-secret-of-the-test";

    @Autowired
    private AppointmentTokens appointmentTokens;

    @Test
    void aCalComBookingForTodayBecomesATokenThatItsCancellationCancels() {
        Clinic.assumeSlotsLeftToday();
        // Given a connected clinic and a Cal.com booking of today's first free slot
        Clinic clinic = Clinic.open(api);
        api.put("/hospitals/" + clinic.hospitalId + "/cal-com", Map.of("webhookSecret", SECRET));
        api.put("/doctors/" + clinic.doctorId + "/cal-com", Map.of("userId", "5151", "eventTypeId", "88"));
        JsonNode slots = api.get("/doctors/" + clinic.doctorId + "/available-slots?from=" + Clinic.today() + "&to=" + Clinic.today())
                .body().path("slots");
        assertThat(slots).as("free slots today").isNotEmpty();
        OffsetDateTime start = OffsetDateTime.parse(slots.get(0).path("startTime").asText());
        OffsetDateTime end = OffsetDateTime.parse(slots.get(0).path("endTime").asText());
        String uid = "bk-" + UUID.randomUUID();
        Api.Reply created = CalComWebhook.deliver(api, clinic.hospitalId,
                CalComWebhook.delivery("BOOKING_CREATED", uid, null, "5151", "88", start, end), SECRET);
        assertThat(created.text("outcome")).isEqualTo("CREATED");

        // When the day's appointments are put in the queues
        appointmentTokens.issueDueTokens();

        // Then it is an ONLINE token of the doctor; and Cal.com's cancellation cancels the token too
        String tokenId = api.get("/appointments/" + created.text("appointmentId")).text("tokenId");
        assertThat(tokenId).isNotNull();
        assertThat(api.get("/tokens/" + tokenId).text("bookingType")).isEqualTo("ONLINE");
        Api.Reply cancelled = CalComWebhook.deliver(api, clinic.hospitalId,
                CalComWebhook.delivery("BOOKING_CANCELLED", uid, null, "5151", "88", start, end), SECRET);
        assertThat(cancelled.text("outcome")).isEqualTo("CANCELLED");
        assertThat(api.get("/tokens/" + tokenId).text("status")).isEqualTo("CANCELLED");
    }
}
