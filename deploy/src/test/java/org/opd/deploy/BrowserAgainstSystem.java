package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser test's fixture: the whole system on a fresh database, and one headless Chromium, for the class. */
abstract class BrowserAgainstSystem {

    /** A large phone's viewport (CSS pixels), for the patients' pages. */
    static final int PHONE_WIDTH = 430;
    static final int PHONE_HEIGHT = 932;

    @TempDir
    static Path dataDir;

    static RunningSystem system;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        system = RunningSystem.start(dataDir);
        browser = Browser.open();
    }

    /**
     * Waits until the condition holds, polling every 20 ms; the pages redraw on each change, so an element found
     * just before may be gone (tried again). On a timeout the message quotes what the page showed.
     */
    static <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, timeout, Duration.ofMillis(20)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the page showed: " + browser.findElement(By.tagName("body")).getText())
                .until(condition);
    }

    /**
     * Opens a staff page, which sends the browser to the issuer's sign-in; signs in with a new account's initial
     * password, chooses the new one, and is back on the page (its heading shown).
     */
    static void signInForTheFirstTime(String page, String heading, String email, String initialPassword, String newPassword) {
        browser.get(system.baseUrl + page);
        waitForHeading("Sign in");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(initialPassword);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForHeading("Choose a new password");
        browser.findElement(By.id("newPassword")).sendKeys(newPassword);
        browser.findElement(By.id("confirmPassword")).sendKeys(newPassword);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForHeading(heading);
        assertThat(browser.getCurrentUrl()).isEqualTo(system.baseUrl + page);
    }

    /** The window set so that the page itself is {@value #PHONE_WIDTH} px wide, as on the phone. */
    static void phoneSized() {
        browser.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
        long innerWidth = (Long) js().executeScript("return window.innerWidth;");
        long innerHeight = (Long) js().executeScript("return window.innerHeight;");
        browser.manage().window().setSize(new Dimension((int) (2 * PHONE_WIDTH - innerWidth), (int) (2 * PHONE_HEIGHT - innerHeight)));
        assertThat((Long) js().executeScript("return window.innerWidth;")).isEqualTo(PHONE_WIDTH);
    }

    /** Nothing scrolls sideways and the card is inside the screen's width. */
    static void assertFitsThePhone() {
        assertThat((Long) js().executeScript("return document.documentElement.scrollWidth;")).isLessThanOrEqualTo(PHONE_WIDTH);
        Number right = (Number) js().executeScript("return document.getElementById('card').getBoundingClientRect().right;");
        assertThat(right.doubleValue()).isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /** The text of the element with this id, as shown. */
    static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    static JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    static void waitForHeading(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
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
