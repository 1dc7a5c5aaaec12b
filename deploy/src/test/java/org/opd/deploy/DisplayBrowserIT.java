package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The waiting-room display in a real browser against the whole running system: tokens are moved
 * through the API, and each change must be on the screen within a second of the API's answer.
 */
class DisplayBrowserIT extends BrowserAgainstSystem {

    /** The bound: from the API's 2xx to the change drawn on an open screen. */
    private static final Duration DRAWN_WITHIN = Duration.ofSeconds(1);

    @Test
    void showsTheQueueLiveCallsOutTheCallAndReloadsAfterTheStreamDrops() {
        // Given a department with two patients waiting for Dr. Rao,
        // when its display is switched on for the first time and set up with its credential
        RunningSystem.Clinic clinic = system.openClinic();
        String first = clinic.token("Meera Iyer", "+919812340001");
        clinic.arrive(first);
        clinic.arrive(clinic.token("Ravi Shankar", "+919812340002"));
        switchOnDisplayOf(clinic);

        // Then it shows the department, the cabin and both tokens in line with masked names, in English and Hindi
        waitFor(Duration.ofSeconds(30), d -> rows().size() == 2 ? true : null);
        assertThat(browser.findElement(By.id("department")).getText()).isEqualTo("Cardiology");
        assertThat(cabin().getText()).contains("Cabin", "केबिन", "C-101", "Dr. Asha Rao", "Now seeing", "अभी देख रहे हैं");
        assertThat(rowTexts()).containsExactly(List.of("1", "CARD-001", "M*** I***"), List.of("2", "CARD-002", "R*** S***"));
        assertThat(browser.getPageSource()).doesNotContain("Meera", "Iyer", "Ravi", "Shankar");
        followVersionsAndSpeech();

        // When the doctor calls the next patient
        system.post(clinic.doctor, "/doctors/" + clinic.doctorId + "/call-next", Map.of());

        // Then within a second the row is highlighted and the call is spoken in both languages
        waitFor(DRAWN_WITHIN, d -> rows().get(0).get(4).contains("called") ? true : null);
        assertThat(rows().get(0).get(1)).isEqualTo("CARD-001");
        assertThat(rows().get(0).get(3)).contains("Please go in", "कृपया अंदर जाएँ");
        waitFor(DRAWN_WITHIN, d -> spoken().size() == 2 ? true : null);
        assertThat(spoken()).containsExactly("en-IN|Token CARD-001, please go to cabin C-101.",
                "hi-IN|टोकन CARD-001, कृपया केबिन C-101 में जाएँ।");
        Browser.screenshot(browser, "display");

        // When the consultation starts, then within a second the first is being seen and the second is next
        system.post(clinic.doctor, "/tokens/" + first + "/start", Map.of());
        waitFor(DRAWN_WITHIN, d -> nowSeeing().contains("CARD-001") && rows().size() == 1 ? true : null);
        assertThat(rowTexts()).containsExactly(List.of("1", "CARD-002", "R*** S***"));

        // When the stream drops (Redis ends the orchestrator's subscription) and the consultation ends meanwhile
        dropTheLiveSubscription();
        waitFor(Duration.ofSeconds(5), d -> d.findElement(By.id("connection")).isDisplayed() ? true : null);
        assertThat(browser.findElement(By.id("connection")).getText()).contains("Reconnecting", "फिर से जुड़ रहे हैं");
        system.post(clinic.doctor, "/tokens/" + first + "/complete", Map.of());

        // Then it reconnects and shows the state as it is now, not the stale one
        waitFor(Duration.ofSeconds(15), d -> !d.findElement(By.id("connection")).isDisplayed()
                && !nowSeeing().contains("CARD-001") ? true : null);
        assertThat(rowTexts()).containsExactly(List.of("1", "CARD-002", "R*** S***"));

        // And the screen never went back to an older version
        assertThat(versionsDrawn()).isSorted().isNotEmpty();
        assertThat(spoken()).hasSize(2);
    }

    @Test
    void aParkedPatientIsAskedToComeToTheDeskUntilRecalled() {
        // Given two patients waiting for Dr. Rao, and the department's display showing them
        RunningSystem.Clinic clinic = system.openClinic();
        String first = clinic.token("Meera Iyer", "+919812340011");
        clinic.arrive(first);
        clinic.arrive(clinic.token("Ravi Shankar", "+919812340012"));
        switchOnDisplayOf(clinic);
        waitFor(Duration.ofSeconds(30), d -> rows().size() == 2 ? true : null);

        // When the desk parks the first (she stepped out)
        system.post(clinic.desk, "/tokens/" + first + "/park", Map.of("reason", "Stepped out for a test"));

        // Then within a second she leaves the line and is asked, in both languages, to come to the desk
        waitFor(DRAWN_WITHIN, d -> rows().size() == 1 && !parked().isEmpty() ? true : null);
        assertThat(rowTexts()).containsExactly(List.of("1", "CARD-002", "R*** S***"));
        assertThat(parked()).contains("Stepped out: please come to the desk", "बाहर गए", "CARD-001 M*** I***");
        Browser.screenshot(browser, "display-parked");

        // When the desk recalls her to the front of the line, then she is first again and no longer asked to come
        system.post(clinic.desk, "/tokens/" + first + "/recall", Map.of("end", "FRONT"));
        waitFor(DRAWN_WITHIN, d -> rows().size() == 2 && parked().isEmpty() ? true : null);
        assertThat(rowTexts().get(0)).containsExactly("1", "CARD-001", "M*** I***");
    }

    @Test
    void aHospitalDisplayShowsItsDepartmentsInTurn() {
        // Given a hospital with cardiology and a second department, and a display for the whole hospital
        RunningSystem.Clinic clinic = system.openClinic();
        String admin = system.token(system.credential(Map.of("kind", "INTEGRATION", "name", "Set-up", "roles", List.of("ADMIN"))));
        system.post(admin, "/hospitals/" + clinic.hospitalId + "/departments", Map.of("name", "Orthopaedics", "code", "ORTH",
                "avgConsultationMinutes", 10, "bufferMinutes", 5, "maxTokensPerDay", 100, "colorCode", "#1565C0",
                "priorityLevel", 2));
        JsonNode display = system.credential(Map.of("kind", "DISPLAY", "name", "Lobby TV", "hospitalId", clinic.hospitalId,
                "roles", List.of("DISPLAY")));

        // When it is set up to show each department for 3 s
        Browser.openDisplay(browser, system.baseUrl, "hospital=" + clinic.hospitalId + "&cycle=3&lang=en", display);

        // Then it shows one department, then the other, then the first again, each in its own colour
        List<String> seen = new ArrayList<>();
        waitFor(Duration.ofSeconds(15), d -> {
            // Name and colour read at once: the page may switch between two reads.
            String shown = (String) js().executeScript("const name = document.getElementById('department').innerText;"
                    + " return name && name + ' ' + getComputedStyle(document.getElementById('banner')).backgroundColor;");
            if (shown != null && !shown.isEmpty() && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(shown))) {
                seen.add(shown);
            }
            return seen.size() >= 3 ? true : null;
        });
        assertThat(seen.subList(0, 3)).contains("Cardiology rgb(192, 57, 43)", "Orthopaedics rgb(21, 101, 192)");
        assertThat(seen.get(0)).isEqualTo(seen.get(2)).isNotEqualTo(seen.get(1));
    }

    private static WebElement cabin() {
        return browser.findElement(By.cssSelector(".cabin"));
    }

    /** The cabin's line as drawn now, read at once: per row its cells' texts, then the row's class. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> rows() {
        return (List<List<String>>) js().executeScript("""
                return [...document.querySelectorAll('.cabin tbody tr')]
                    .map(row => [...row.cells].map(cell => cell.innerText).concat(row.className));
                """);
    }

    /** Issues the department's display credential and sets the display up with it, in English and Hindi. */
    private static void switchOnDisplayOf(RunningSystem.Clinic clinic) {
        JsonNode display = system.credential(Map.of("kind", "DISPLAY", "name", "Cardiology TV " + clinic.deptId,
                "hospitalId", clinic.hospitalId, "deptId", clinic.deptId, "roles", List.of("DISPLAY")));
        Browser.openDisplay(browser, system.baseUrl, "dept=" + clinic.deptId + "&lang=en,hi", display);
    }

    /** The cabin's list of parked tokens as shown, empty when none. */
    private static String parked() {
        List<WebElement> parked = cabin().findElements(By.cssSelector(".parked"));
        return parked.isEmpty() ? "" : parked.get(0).getText().replace('\n', ' ');
    }

    private static String nowSeeing() {
        return browser.findElement(By.cssSelector(".cabin .now")).getText();
    }

    private static List<List<String>> rowTexts() {
        return rows().stream().map(row -> row.subList(0, 3)).toList();
    }

    /** Records each version the page draws, and replaces the browser's speech with a recorder. */
    private static void followVersionsAndSpeech() {
        js().executeScript("""
                window.drawnVersions = [];
                new MutationObserver(() => document.querySelectorAll('.cabin')
                        .forEach(c => window.drawnVersions.push(Number(c.dataset.version))))
                    .observe(document.getElementById('cabins'), { childList: true });
                window.spokenWords = [];
                window.speechSynthesis.speak = words => window.spokenWords.push(words.lang + '|' + words.text);
                """);
    }

    @SuppressWarnings("unchecked")
    private static List<String> spoken() {
        return (List<String>) js().executeScript("return window.spokenWords;");
    }

    @SuppressWarnings("unchecked")
    private static List<Long> versionsDrawn() {
        return (List<Long>) js().executeScript("return window.drawnVersions;");
    }

    /** As when Redis restarts or the network blips: the orchestrator's subscription is cut. */
    private static void dropTheLiveSubscription() {
        try (JedisPooled redis = new JedisPooled("127.0.0.1", 6379)) {
            String clients = SafeEncoder.encode((byte[]) redis.sendCommand(Protocol.Command.CLIENT, "LIST", "TYPE", "pubsub"));
            for (String client : clients.split("\n")) {
                if (client.contains(" name=opd-orchestrator-screens ")) {
                    redis.sendCommand(Protocol.Command.CLIENT, "KILL", "ADDR", client.replaceAll(".*\\baddr=(\\S+).*", "$1").strip());
                }
            }
        }
    }
}
