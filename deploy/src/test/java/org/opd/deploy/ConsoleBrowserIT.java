package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The staff console in a real browser against the whole running system: the front desk and then the
 * doctor sign in at the embedded issuer (code flow with PKCE) and take tokens through their whole life
 * with the buttons their roles are given.
 */
class ConsoleBrowserIT extends BrowserAgainstSystem {

    private static final String CONSOLE = "/screens/console.html";
    private static final String DESK_EMAIL = "desk@city-hospital.example";
    private static final String DOCTOR_EMAIL = "asha.rao@city-hospital.example";

    @Test
    void theDeskIssuesAndChecksInAndTheDoctorCallsStartsCompletesAndMarksANoShow() {
        // Given a clinic, a registered patient, another already waiting, and accounts for the desk and for Dr. Rao
        RunningSystem.Clinic clinic = system.openClinic();
        clinic.patient("Meera Iyer", "+919812340011");
        String waiting = clinic.token("Ravi Shankar", "+919812340012");
        clinic.staffAccount(DESK_EMAIL, "opening-morning-words", List.of("RECEPTIONIST", "NURSE"), null);
        clinic.staffAccount(DOCTOR_EMAIL, "stethoscope-first-day", List.of("DOCTOR"), clinic.doctorId);

        // When the desk opens the console and signs in
        signInForTheFirstTime(CONSOLE, "OPD console", DESK_EMAIL, "opening-morning-words", "tea-and-biscuits-2026");

        // Then it shows the front desk only, with today's token already issued
        waitFor(Duration.ofSeconds(15), d -> d.findElement(By.id("desk")).isDisplayed() ? true : null);
        assertThat(browser.findElement(By.id("doctor")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("NURSE, RECEPTIONIST");
        waitFor(Duration.ofSeconds(5), d -> deskStatus(waiting).equals("BOOKED") ? true : null);

        // When it finds the patient by phone and issues a token with Dr. Rao
        browser.findElement(By.id("patient-query")).sendKeys("+919812340011");
        browser.findElement(By.cssSelector("#find-patient button")).click();
        WebElement found = waitFor(Duration.ofSeconds(5), d -> d.findElement(By.cssSelector("#patients li")));
        assertThat(found.getText()).contains("Meera Iyer");
        found.findElement(By.tagName("button")).click();

        // Then the new token is in today's list, and checking in and sending to the line move it on
        waitFor(Duration.ofSeconds(5), d -> message().startsWith("Token CARD-002 issued") ? true : null);
        // (the line is in the order of joining it: the earlier token first)
        String issued = deskRow("CARD-002").getAttribute("data-token-id");
        assertThat(deskStatus(issued)).isEqualTo("BOOKED");
        for (String tokenId : List.of(waiting, issued)) {
            clickInDeskRow(tokenId, "Check in");
            waitFor(Duration.ofSeconds(5), d -> deskStatus(tokenId).equals("CHECKED_IN") ? true : null);
            clickInDeskRow(tokenId, "To waiting line");
            waitFor(Duration.ofSeconds(5), d -> deskStatus(tokenId).equals("WAITING") ? true : null);
        }
        Browser.screenshot(browser, "console-desk");

        // When Dr. Rao signs in on another device (a fresh browser session)
        browser.manage().deleteAllCookies();
        signInForTheFirstTime(CONSOLE, "OPD console", DOCTOR_EMAIL, "stethoscope-first-day", "stethoscope-second-day");

        // Then the console shows Dr. Rao's own queue only, live from the projection, both tokens in line
        waitFor(Duration.ofSeconds(15), d -> d.findElement(By.id("doctor")).isDisplayed() ? true : null);
        assertThat(browser.findElement(By.id("desk")).isDisplayed()).isFalse();
        waitFor(Duration.ofSeconds(15), d -> queueTokens().equals(List.of("CARD-001", "CARD-002")) ? true : null);

        // When the doctor calls the next patient, then the called token can be started or marked a no-show; it is no
        // longer listed as one still to wait, and nobody else can be called until it is dealt with
        browser.findElement(By.id("call-next")).click();
        waitFor(Duration.ofSeconds(5), d -> cabin().contains("Called") && cabin().contains("CARD-001") ? true : null);
        waitFor(Duration.ofSeconds(5), d -> queueTokens().equals(List.of("CARD-002")) ? true : null);
        assertThat(browser.findElement(By.id("call-next")).isEnabled()).isFalse();
        Browser.screenshot(browser, "console-doctor");
        clickInCabin("Start");
        waitFor(Duration.ofSeconds(5), d -> cabin().contains("In consultation") && cabin().contains("CARD-001") ? true : null);
        clickInCabin("Complete");
        waitFor(Duration.ofSeconds(5), d -> message().equals("Token CARD-001: COMPLETED") ? true : null);
        waitFor(Duration.ofSeconds(5), d -> cabin().equals("Nobody in the cabin") ? true : null);
        assertThat(browser.findElement(By.id("call-next")).isEnabled()).isTrue();

        // And the next one, who does not come in, is marked a no-show; the line is then empty
        browser.findElement(By.id("call-next")).click();
        waitFor(Duration.ofSeconds(5), d -> cabin().contains("Called") && cabin().contains("CARD-002") ? true : null);
        clickInCabin("No-show");
        waitFor(Duration.ofSeconds(5), d -> message().equals("Token CARD-002: NO_SHOW") ? true : null);
        waitFor(Duration.ofSeconds(15), d -> queueTokens().isEmpty() ? true : null);

        // And calling again is refused in words from the API's problem
        browser.findElement(By.id("call-next")).click();
        waitFor(Duration.ofSeconds(5), d -> browser.findElement(By.id("message")).getAttribute("class").equals("error") ? true : null);
        assertThat(message()).containsIgnoringCase("waiting");

        // When the doctor signs out, then the console asks for a sign-in again, also when opened anew
        browser.findElement(By.id("sign-out")).click();
        waitForHeading("Sign in");
        browser.get(system.baseUrl + CONSOLE);
        waitForHeading("Sign in");
    }

    private static WebElement deskRow(String tokenNumber) {
        return waitFor(Duration.ofSeconds(5), d -> d.findElements(By.cssSelector("#desk-tokens tbody tr")).stream()
                .filter(row -> row.findElement(By.className("token")).getText().equals(tokenNumber)).findFirst().orElse(null));
    }

    private static String deskStatus(String tokenId) {
        return browser.findElements(By.cssSelector("#desk-tokens tr[data-token-id='" + tokenId + "'] .status")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    private static void clickInDeskRow(String tokenId, String label) {
        waitFor(Duration.ofSeconds(5), d -> {
            d.findElement(By.cssSelector("#desk-tokens tr[data-token-id='" + tokenId + "']"))
                    .findElement(By.xpath(".//button[text()='" + label + "']")).click();
            return true;
        });
    }

    private static void clickInCabin(String label) {
        waitFor(Duration.ofSeconds(5), d -> {
            d.findElement(By.id("in-cabin")).findElement(By.xpath(".//button[text()='" + label + "']")).click();
            return true;
        });
    }

    private static String cabin() {
        WebElement cabin = browser.findElement(By.id("in-cabin"));
        // The buttons' labels are not the cabin's state.
        return cabin.getText().replaceAll("(Start|No-show|Complete)", "").replaceAll("\\s+", " ").strip();
    }

    private static List<String> queueTokens() {
        return browser.findElements(By.cssSelector("#doctor-queue tbody td.token")).stream().map(WebElement::getText).toList();
    }

    private static String message() {
        return browser.findElement(By.id("message")).getText();
    }
}
