package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The patient's status page in a real browser, sized as a phone, against the whole running system: the
 * link comes from the SMS the notifier sent for the new token, and the page follows that token only.
 */
class StatusPageBrowserIT extends BrowserAgainstSystem {

    @Test
    void theLinkOfTheTokenMessageShowsThatTokenLiveUntilItIsCalledIn() {
        // Given two patients in line, the second of whom got the "token created" SMS with the link
        RunningSystem.Clinic clinic = system.openClinic();
        String first = clinic.token("Ravi Shankar", "+919812340021");
        String mine = clinic.token("Meera Iyer", "+919812340022");
        clinic.arrive(first);
        clinic.arrive(mine);
        String link = system.statusPageSentTo("+919812340022");
        assertThat(link).startsWith(system.baseUrl + "/screens/status.html#").doesNotContain(mine);

        // When the patient opens it on a phone
        Dimension tv = browser.manage().window().getSize();
        try {
            phoneSized();
            browser.get(link);

            // Then it shows the patient's own token, second in line, with an ETA range, and no one else's
            waitFor(Duration.ofSeconds(20), d -> text("state").equals("You are number 2 in line") ? true : null);
            assertThat(text("token")).isEqualTo("CARD-002");
            assertThat(text("visit")).isEqualTo("Dr. Asha Rao · Cardiology");
            assertThat(text("eta")).matches("Expected in about \\d+ min \\(up to \\d+ min\\)");
            assertThat(browser.getPageSource()).doesNotContain("CARD-001", "Ravi", "Meera", "9812340022");
            assertFitsThePhone();
            Browser.screenshot(browser, "status-page");

            // When the patient ahead is seen and done, and the doctor calls this one in
            system.post(clinic.doctor, "/doctors/" + clinic.doctorId + "/call-next", Map.of());
            system.post(clinic.doctor, "/tokens/" + first + "/start", Map.of());
            waitFor(Duration.ofSeconds(5), d -> text("state").equals("You are number 1 in line") ? true : null);
            system.post(clinic.doctor, "/tokens/" + first + "/complete", Map.of());
            system.post(clinic.doctor, "/doctors/" + clinic.doctorId + "/call-next", Map.of());

            // Then, live, the page says which cabin to go to, highlighted
            waitFor(Duration.ofSeconds(5), d -> text("state").equals("Please go to cabin C-101 now") ? true : null);
            assertThat(browser.findElement(By.id("card")).getAttribute("class")).contains("called");
            assertThat(text("eta")).isEmpty();
            assertFitsThePhone();
            Browser.screenshot(browser, "status-page-called");

            // And a link with one character changed shows nothing but that it does not work
            browser.get(link.substring(0, link.length() - 2) + (link.endsWith("A") ? "BB" : "AA"));
            browser.navigate().refresh();
            waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("gone")).isDisplayed() ? true : null);
            assertThat(text("gone")).isEqualTo("This link no longer works.");
            assertThat(browser.findElement(By.id("card")).isDisplayed()).isFalse();
        } finally {
            browser.manage().window().setSize(tv);
        }
    }
}
