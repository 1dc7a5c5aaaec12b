package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.opd.schemas.alert.AlertSeverity;
import org.opd.schemas.alert.AlertType;
import org.openqa.selenium.WebElement;

/**
 * The operations dashboard in a real browser against the whole running system: an operator signs in,
 * sees the departments' lines and the doctors live, an alert raised while the page is open, the day's charts and the
 * doctors' day figures, acknowledges then resolves an alert, and signs out.
 */
class DashboardBrowserIT extends BrowserAgainstSystem {

    private static final String OPERATOR_EMAIL = "ops@city-hospital.example";

    @Test
    void anOperatorSeesTheLinesLiveAndAcknowledgesThenResolvesAnAlert() {
        // Given a clinic with one patient waiting, an open bottleneck alert of its department, and an operator
        RunningSystem.Clinic clinic = system.openClinic();
        clinic.arrive(clinic.token("Meera Iyer", "+919812340031"));
        String alertId = system.openAlert("BOTTLENECK", "CRITICAL", "DEPARTMENT", clinic.deptId, "Cardiology: 25 in line");
        clinic.staffAccount(OPERATOR_EMAIL, "control-room-morning", List.of("OPERATIONS"), null);

        // When the operator signs in to the dashboard
        signInForTheFirstTime("/screens/dashboard.html", "OPD operations", OPERATOR_EMAIL, "control-room-morning",
                "control-room-evening");

        // Then it shows the department's line, the doctor on shift, and the open alert
        waitFor(Duration.ofSeconds(15), d -> cell("#departments tbody tr", ".waiting").equals("1") ? true : null);
        // (read again until it holds: each change redraws the rows)
        waitFor(Duration.ofSeconds(5), d -> d.findElement(By.cssSelector("#departments tbody tr")).getText().startsWith("Cardiology 1") ? true : null);
        waitFor(Duration.ofSeconds(5), d -> d.findElement(By.cssSelector("#doctors .doctor")).getText().contains("Dr. Asha Rao")
                && d.findElement(By.cssSelector("#doctors .doctor")).getText().contains("cabin C-101") ? true : null);
        String alert = waitFor(Duration.ofSeconds(5), d -> d.findElement(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "']")).getText());
        assertThat(alert).contains("CRITICAL", "BOTTLENECK", "Cardiology: 25 in line");

        // When a second patient joins the line, then the dashboard shows it without a reload
        clinic.arrive(clinic.token("Ravi Shankar", "+919812340032"));
        waitFor(Duration.ofSeconds(10), d -> cell("#departments tbody tr", ".waiting").equals("2") ? true : null);

        // When the doctor sees the first patient, then the day's charts show the hour's check-ins and completion
        String first = system.post(clinic.doctor, "/doctors/" + clinic.doctorId + "/call-next", Map.of()).get("tokenId").asText();
        system.post(clinic.doctor, "/tokens/" + first + "/start", Map.of());
        system.post(clinic.doctor, "/tokens/" + first + "/complete", Map.of());
        waitFor(Duration.ofSeconds(10), d -> cell("#departments tbody tr", ".waiting").equals("1") ? true : null);
        waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("throughput-summary")).getText()
                .equals("Today so far: 2 checked in, 1 completed.") ? true : null);
        assertThat(browser.findElement(By.id("wait-summary")).getText()).matches("Today so far: 1 seen, after \\d+ min on average\\.");
        assertThat(browser.findElements(By.cssSelector("#throughput-chart canvas, #wait-chart canvas"))).hasSize(2);

        // When the system raises an alert while the page is open, then it appears without waiting for a refresh
        system.raiseAlert(AlertType.LONG_WAIT, AlertSeverity.WARNING, clinic.deptId, clinic.hospitalId, "Cardiology: a 40-minute wait");
        waitFor(Duration.ofSeconds(10), d -> d.findElement(By.id("alerts")).getText().contains("Cardiology: a 40-minute wait") ? true : null);

        // And the doctors' day shows the doctor's figures once the metrics job computed them
        waitFor(Duration.ofSeconds(90), d -> d.findElements(By.cssSelector("#doctor-metrics tbody tr")).stream()
                .anyMatch(row -> row.getText().startsWith("Dr. Asha Rao 2 1 0")) ? true : null);

        // When the operator acknowledges the alert, then it stays open, marked acknowledged
        clickInAlert(alertId, "Acknowledge");
        waitFor(Duration.ofSeconds(5), d -> d.findElement(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "']"))
                .getAttribute("class").contains("acknowledged") ? true : null);
        // The whole dashboard in one picture (the charts and the doctors' day are below a TV's first screen)
        browser.manage().window().setSize(new Dimension(1920, 1900));
        Browser.screenshot(browser, "dashboard");
        browser.manage().window().setSize(new Dimension(1920, 1080));

        // When the operator resolves it, then it leaves the open alerts
        clickInAlert(alertId, "Resolve");
        waitFor(Duration.ofSeconds(5), d -> d.findElements(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "']")).isEmpty() ? true : null);
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("BOTTLENECK: resolved");
        assertThat(browser.getPageSource()).doesNotContain("Meera", "Ravi", "9812340031");

        // When the operator signs out, then the page asks for a sign-in again
        browser.findElement(By.id("sign-out")).click();
        waitForHeading("Sign in");
        browser.get(system.baseUrl + "/screens/dashboard.html");
        waitForHeading("Sign in");
    }

    private static String cell(String row, String cell) {
        List<WebElement> cells = browser.findElements(By.cssSelector(row + " " + cell));
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }

    private static void clickInAlert(String alertId, String label) {
        waitFor(Duration.ofSeconds(5), d -> {
            d.findElement(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "']"))
                    .findElement(By.xpath(".//button[text()='" + label + "']")).click();
            return true;
        });
    }
}
