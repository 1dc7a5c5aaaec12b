package org.opd.deploy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/** A browser test's fixture: the whole system on a fresh database, and one headless Chromium, for the class. */
abstract class BrowserAgainstSystem {

    @TempDir
    static Path dataDir;

    static RunningSystem system;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir);
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
    }
}
