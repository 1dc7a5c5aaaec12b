package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.opd.deploy.RunningSystem.Clinic;
import org.opd.schemas.status.OfferLinks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A waitlist offer through the running system, as the patient meets it: a cancellation over the orchestrator's
 * API frees a slot, the orchestrator offers it to the waiting patient (a hold and its outbox event), Debezium and
 * Kafka carry the event to the notifier, the patient's phone gets the SMS with the offer link, and the offer page,
 * opened on a phone, takes the slot.
 */
class WaitlistBrowserIT extends BrowserAgainstSystem {

    @Test
    void aCancelledSlotReachesTheWaitingPatientsPhoneAsAnOfferWhosePageBooksIt() {
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
        assertThat(page).startsWith(system.baseUrl + OfferLinks.PAGE_PATH + "#");
        assertThat(system.smsTo("+919812347102")).singleElement().satisfies(text -> assertThat(text)
                .contains("Dr. Asha Rao", "Cardiology", "10:00").doesNotContain("Ravi", "Meera"));

        Dimension tv = browser.manage().window().getSize();
        try {
            // When he opens it on his phone and takes the slot
            phoneSized();
            browser.get(page);
            waitFor(Duration.ofSeconds(10), d -> text("intro").startsWith("A slot has opened up") ? true : null);
            assertThat(text("heading")).isEqualTo("Your slot from the waitlist");
            assertFitsThePhone();
            Browser.screenshot(browser, "offer-page");
            browser.findElement(By.id("confirm")).click();

            // Then the page says it is booked, at the hospital's 10:00, and his waitlist entry is booked with it
            String day = tomorrow.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
            waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("outcome")).isDisplayed() ? true : null);
            assertThat(text("outcome")).isEqualTo("Booked: your appointment is at " + day + ", 10:00.");
            assertThat(browser.findElement(By.id("confirm")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("intro")).isDisplayed()).isFalse();
            assertFitsThePhone();
            Browser.screenshot(browser, "offer-page-booked");
            assertThat(system.get(clinic.desk, "/waitlist-entries/" + entry.path("entryId").asText()).path("status").asText())
                    .isEqualTo("BOOKED");

            // And the same link once more takes nothing: the offer is spent
            browser.navigate().refresh();
            waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("confirm")).isDisplayed() ? true : null);
            browser.findElement(By.id("confirm")).click();
            waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("outcome")).isDisplayed() ? true : null);
            assertThat(text("outcome")).isEqualTo("This offer has lapsed or was already taken.");

            // And a forged link is told it opens no offer
            browser.get(page.substring(0, page.length() - 2) + (page.endsWith("A") ? "BB" : "AA"));
            browser.navigate().refresh();
            waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("confirm")).isDisplayed() ? true : null);
            browser.findElement(By.id("confirm")).click();
            waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("gone")).isDisplayed() ? true : null);
            assertThat(text("gone")).isEqualTo("This link does not open an offer.");
        } finally {
            browser.manage().window().setSize(tv);
        }
    }
}
