package org.opd.orchestrator.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opd.orchestrator.support.Api;
import org.opd.orchestrator.support.Clinic;
import org.opd.orchestrator.support.OrchestratorIntegrationTest;
import org.opd.orchestrator.support.WeekdayMornings;
import org.opd.schemas.status.OfferLinks;
import org.opd.schemas.status.StatusLinks;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WaitlistIT extends OrchestratorIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private HoldRelease holds;

    @Autowired
    private WaitlistOffers offers;

    @Test
    void aFreedSlotIsOfferedToTheWaitlistInOrderAndALapsedOfferPassesToTheNext() throws Exception {
        // Given a booked 09:00 and two patients waiting for that day, Asha first, then Ravi
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        Api.Reply booked = book(clinic, clinic.patient("Meera Nair", "+919800000201"), at(day, "09:00"));
        String asha = clinic.patient("Asha Rao", "+919800000202");
        String ravi = clinic.patient("Ravi Kumar", "+919800000203");
        Api.Reply ashaJoined = join(clinic, asha, day);
        Api.Reply raviJoined = join(clinic, ravi, day);
        assertThat(ashaJoined.status()).isEqualTo(201);
        assertThat(ashaJoined.body().path("position").asInt()).isEqualTo(1);
        assertThat(raviJoined.body().path("position").asInt()).isEqualTo(2);

        // When the booked patient cancels and the offers run
        api.post("/appointments/" + booked.text("appointmentId") + "/cancel", Map.of("reason", "Travelling"));
        offers.offerFreedSlots();

        // Then Asha, first in line, holds 09:00 for 15 minutes, and Ravi is now first
        JsonNode ashaEntry = entry(ashaJoined);
        assertThat(ashaEntry.path("status").asText()).isEqualTo("OFFERED");
        Api.Reply ashaHold = api.get("/appointments/" + ashaEntry.path("offeredAppointmentId").asText());
        assertThat(ashaHold.text("patientId")).isEqualTo(asha);
        assertThat(ashaHold.text("status")).isEqualTo("SCHEDULED");
        assertThat(OffsetDateTime.parse(ashaHold.text("startTime"))).isEqualTo(at(day, "09:00"));
        assertThat(OffsetDateTime.parse(ashaHold.text("holdExpiresAt"))).isBefore(OffsetDateTime.now().plusMinutes(16));
        assertThat(entry(raviJoined).path("position").asInt()).isEqualTo(1);
        // and the offer is published for the notifier with the entry it went to
        JsonNode offered = offerEvent(ashaHold.text("appointmentId"));
        assertThat(offered.path("waitlistEntryId").asText()).isEqualTo(ashaJoined.text("entryId"));
        assertThat(offered.path("paymentRequired").asBoolean()).isFalse();

        // When Asha lets the hold lapse
        jdbc.sql("UPDATE appointments SET hold_expires_at = now() - interval '1 second' WHERE appointment_id = :id")
                .param("id", UUID.fromString(ashaHold.text("appointmentId"))).update();
        holds.releaseAllLapsed();
        offers.offerFreedSlots();

        // Then her turn is over and Ravi holds 09:00
        assertThat(entry(ashaJoined).path("status").asText()).isEqualTo("LAPSED");
        JsonNode raviEntry = entry(raviJoined);
        assertThat(raviEntry.path("status").asText()).isEqualTo("OFFERED");
        Api.Reply raviHold = api.get("/appointments/" + raviEntry.path("offeredAppointmentId").asText());
        assertThat(raviHold.text("patientId")).isEqualTo(ravi);
        assertThat(OffsetDateTime.parse(raviHold.text("startTime"))).isEqualTo(at(day, "09:00"));

        // And when Ravi takes it with the link of his offer message (no sign-in), 09:00 is his and his entry is booked
        String link = OfferLinks.withKey(STATUS_LINK_KEY).linkOf(UUID.fromString(raviHold.text("appointmentId")));
        Api.Reply confirmed = api.anonymous().post("/offer-links/" + link + "/confirm");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(OffsetDateTime.parse(confirmed.text("startTime"))).isEqualTo(at(day, "09:00"));
        assertThat(confirmed.body().has("patientId")).isFalse();
        assertThat(entry(raviJoined).path("status").asText()).isEqualTo("BOOKED");
        assertThat(api.get("/appointments/" + raviHold.text("appointmentId")).text("status")).isEqualTo("CONFIRMED");
        // once: the same link again is refused, and a status link of the same id opens nothing
        assertThat(api.anonymous().post("/offer-links/" + link + "/confirm").text("currentStatus")).isEqualTo("CONFIRMED");
        String statusLink = StatusLinks.withKey(STATUS_LINK_KEY).linkOf(UUID.fromString(raviHold.text("appointmentId")));
        assertThat(api.anonymous().post("/offer-links/" + statusLink + "/confirm").status()).isEqualTo(404);
        assertThat(api.anonymous().post("/offer-links/not-a-link/confirm").text("type")).isEqualTo("urn:opd:problem:validation");
        assertThat(api.get("/doctors/" + clinic.doctorId + "/waitlist?date=" + day).body())
                .extracting(e -> e.path("status").asText()).containsExactly("LAPSED", "BOOKED");
        assertThat(prometheus()).containsPattern("opd_waitlist_openings_total\\{[^}]*outcome=\"offered\"[^}]*} [1-9]");
    }

    @Test
    void aPaidDoctorsFreedSlotIsOfferedWithItsPaymentLink() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        assertThat(api.put("/doctors/" + clinic.doctorId + "/booking-fee", Map.of("amountMinor", 50_000, "currency", "INR"))
                .status()).isEqualTo(200);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        Api.Reply booked = book(clinic, clinic.patient("Meera Nair", "+919800000211"), at(day, "10:00"));
        Api.Reply joined = join(clinic, clinic.patient("Asha Rao", "+919800000212"), day);

        api.post("/appointments/" + booked.text("appointmentId") + "/cancel", Map.of("reason", "Travelling"));
        offers.offerFreedSlots();

        Api.Reply hold = api.get("/appointments/" + entry(joined).path("offeredAppointmentId").asText());
        assertThat(hold.text("status")).isEqualTo("SCHEDULED");
        assertThat(hold.text("paymentUrl")).startsWith("http");
        assertThat(offerEvent(hold.text("appointmentId")).path("paymentRequired").asBoolean()).isTrue();
    }

    @Test
    void leavingTheListMeansTheNextFreedSlotGoesToTheNextPatient() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        Api.Reply booked = book(clinic, clinic.patient("Meera Nair", "+919800000221"), at(day, "09:30"));
        Api.Reply first = join(clinic, clinic.patient("Asha Rao", "+919800000222"), day);
        Api.Reply second = join(clinic, clinic.patient("Ravi Kumar", "+919800000223"), day);

        assertThat(api.delete("/waitlist-entries/" + first.text("entryId")).status()).isEqualTo(204);
        api.post("/appointments/" + booked.text("appointmentId") + "/cancel", Map.of("reason", "Travelling"));
        offers.offerFreedSlots();

        assertThat(entry(first).path("status").asText()).isEqualTo("LEFT");
        JsonNode offered = entry(second);
        assertThat(offered.path("status").asText()).isEqualTo("OFFERED");
        // and the desk confirms the hold for the patient
        Api.Reply confirmed = api.post("/appointments/" + offered.path("offeredAppointmentId").asText() + "/confirm");
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(entry(second).path("status").asText()).isEqualTo("BOOKED");
        assertThat(api.delete("/waitlist-entries/" + first.text("entryId")).status()).isEqualTo(409);
        // and joining, reading and leaving the patient's entry are in the audit trail, with the patient
        assertThat(jdbc.sql("""
                        SELECT DISTINCT action || ' ' || path FROM audit_log
                        WHERE resource_type = 'WAITLIST_ENTRY' AND (resource_id = :id::uuid OR resource_id IS NULL)
                          AND patient_id = :patient::uuid""")
                .param("id", first.text("entryId")).param("patient", first.text("patientId")).query(String.class).list())
                .contains("READ /api/v1/waitlist-entries/{entryId}", "CHANGE /api/v1/waitlist-entries/{entryId}");
    }

    @Test
    void refusesBadEntriesNamingTheFieldAndStoresNothing() {
        Clinic clinic = Clinic.open(api);
        WeekdayMornings.set(api, clinic);
        String patient = clinic.patient();
        LocalDate sunday = Clinic.today().with(TemporalAdjusters.next(DayOfWeek.SUNDAY));

        Api.Reply past = join(clinic, patient, Clinic.today().minusDays(1));
        Api.Reply dayOff = join(clinic, patient, sunday);
        Api.Reply noPatient = api.post("/doctors/" + clinic.doctorId + "/waitlist", Map.of("date", sunday.plusDays(1).toString()));
        Api.Reply noDate = api.post("/doctors/" + clinic.doctorId + "/waitlist", Map.of("patientId", patient));
        Api.Reply notADate = api.post("/doctors/" + clinic.doctorId + "/waitlist", Map.of("patientId", patient, "date", "tomorrow"));

        assertThat(List.of(past, dayOff, noPatient, noDate, notADate)).extracting(Api.Reply::status).containsOnly(400);
        assertThat(List.of(past, dayOff, noPatient, noDate)).extracting(WaitlistIT::field)
                .containsExactly("date", "date", "patientId", "date");
        assertThat(past.contentType().toString()).startsWith("application/problem+json");
        assertThat(entriesOf(clinic)).isZero();

        // And a patient is on a doctor's list for a day once
        LocalDate day = WeekdayMornings.workdayAfter(Clinic.today());
        assertThat(join(clinic, patient, day).status()).isEqualTo(201);
        Api.Reply twice = join(clinic, patient, day);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("field")).isEqualTo("patientId");
        assertThat(entriesOf(clinic)).isEqualTo(1);
    }

    private Api.Reply book(Clinic clinic, String patientId, OffsetDateTime start) {
        Api.Reply reply = api.post("/appointments", Map.of("doctorId", clinic.doctorId, "patientId", patientId,
                "startTime", start.toString(), "appointmentType", "CONSULTATION", "reason", "Knee pain"));
        assertThat(reply.status()).isEqualTo(201);
        return reply;
    }

    private Api.Reply join(Clinic clinic, String patientId, LocalDate day) {
        return api.post("/doctors/" + clinic.doctorId + "/waitlist", Map.of("patientId", patientId, "date", day.toString()));
    }

    private JsonNode entry(Api.Reply joined) {
        Api.Reply reply = api.get("/waitlist-entries/" + joined.text("entryId"));
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    /** The WAITLIST_OFFERED event of a hold, as the cdc-connector will publish it. */
    private JsonNode offerEvent(String appointmentId) {
        String payload = jdbc.sql("""
                        SELECT payload::text FROM outbox
                        WHERE aggregatetype = 'appointment-events' AND type = 'WAITLIST_OFFERED' AND payload->>'appointmentId' = :id""")
                .param("id", appointmentId).query(String.class).single();
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long entriesOf(Clinic clinic) {
        return jdbc.sql("SELECT count(*) FROM waitlist_entries WHERE doctor_id = :d").param("d", UUID.fromString(clinic.doctorId))
                .query(Long.class).single();
    }

    private static String field(Api.Reply reply) {
        return reply.body().path("errors").path(0).path("field").asText(null);
    }

    private static OffsetDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(Clinic.ZONE).toOffsetDateTime();
    }
}
