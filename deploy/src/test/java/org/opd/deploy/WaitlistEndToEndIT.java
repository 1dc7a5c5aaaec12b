package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opd.deploy.RunningSystem.Clinic;
import org.opd.schemas.status.OfferLinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A waitlist offer through the running system: a cancellation over the orchestrator's API frees a slot, the
 * orchestrator offers it to the waiting patient (a hold and its outbox event), Debezium and Kafka carry the
 * event to the notifier, the patient's phone gets the SMS with the offer link, and the link takes the slot.
 */
class WaitlistEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.start(dataDir);
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aCancelledSlotReachesTheWaitingPatientsPhoneAsAnOfferWhoseLinkBooksIt() throws Exception {
        // Given a doctor seeing patients tomorrow morning, 10:00 booked, and Ravi on the waitlist for that day
        Clinic clinic = system.openClinic();
        LocalDate tomorrow = LocalDate.now(RunningSystem.HOSPITAL_ZONE).plusDays(1);
        clinic.morningShiftOn(tomorrow);
        String ten = tomorrow.atTime(10, 0).atZone(RunningSystem.HOSPITAL_ZONE).toOffsetDateTime().toString();
        JsonNode booked = system.post(clinic.desk, "/appointments", Map.of("doctorId", clinic.doctorId,
                "patientId", clinic.patient("Meera Iyer", "+919812347101"), "startTime", ten,
                "appointmentType", "CONSULTATION", "reason", "Follow-up"));
        String ravi = clinic.patient("Ravi Kumar", "+919812347102");
        JsonNode entry = system.post(clinic.desk, "/doctors/" + clinic.doctorId + "/waitlist",
                Map.of("patientId", ravi, "date", tomorrow.toString()));
        assertThat(entry.path("position").asInt()).isEqualTo(1);

        // When the booked patient cancels
        system.post(clinic.desk, "/appointments/" + booked.path("appointmentId").asText() + "/cancel",
                Map.of("reason", "Travelling"));

        // Then Ravi's phone gets the offer, naming the doctor, with the link of the offer page
        String page = system.offerPageSentTo("+919812347102");
        assertThat(system.smsTo("+919812347102")).singleElement().satisfies(text -> assertThat(text)
                .contains("Dr. Asha Rao", "Cardiology", "10:00").doesNotContain("Ravi", "Meera"));

        // And the link takes the slot: booked for 10:00, and his entry with it
        String link = page.substring(page.indexOf('#') + 1);
        HttpResponse<String> confirmed = HTTP.send(HttpRequest.newBuilder(URI.create(system.baseUrl + "/api/v1/offer-links/"
                        + link + "/confirm")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(system.get(clinic.desk, "/waitlist-entries/" + entry.path("entryId").asText()).path("status").asText())
                .isEqualTo("BOOKED");
        assertThat(page).startsWith(system.baseUrl + OfferLinks.PAGE_PATH + "#");
    }
}
