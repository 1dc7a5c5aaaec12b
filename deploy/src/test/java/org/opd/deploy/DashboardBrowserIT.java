package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operations dashboard in a real browser against the whole running system: an operator signs in,
 * sees the departments' lines and the doctors live, and acknowledges then resolves an open alert.
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
        assertThat(browser.findElement(By.cssSelector("#departments tbody tr")).getText()).startsWith("Cardiology 1");
        assertThat(browser.findElement(By.cssSelector("#doctors .doctor")).getText()).contains("Dr. Asha Rao", "cabin C-101");
        WebElement alert = waitFor(Duration.ofSeconds(5), d -> d.findElement(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "']")));
        assertThat(alert.getText()).contains("CRITICAL", "BOTTLENECK", "Cardiology: 25 in line");

        // When a second patient joins the line, then the dashboard shows it without a reload
        clinic.arrive(clinic.token("Ravi Shankar", "+919812340032"));
        waitFor(Duration.ofSeconds(10), d -> cell("#departments tbody tr", ".waiting").equals("2") ? true : null);

        // When the operator acknowledges the alert, then it stays open, marked acknowledged
        clickInAlert(alertId, "Acknowledge");
        waitFor(Duration.ofSeconds(5), d -> d.findElement(By.cssSelector("#alerts tr[data-alert-id='" + alertId + "']"))
                .getAttribute("class").contains("acknowledged") ? true : null);
        Browser.screenshot(browser, "dashboard");

        // When the operator resolves it, then it leaves the open alerts
        clickInAlert(alertId, "Resolve");
        waitFor(Duration.ofSeconds(5), d -> d.findElement(By.id("no-alerts")).isDisplayed() ? true : null);
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("BOTTLENECK: resolved");
        assertThat(browser.getPageSource()).doesNotContain("Meera", "Ravi", "9812340031");
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
