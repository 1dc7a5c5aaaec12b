package org.opd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * The staff sign-in pages in a real browser against the whole running system, as the bootstrap
 * administrator meets them on the first day: e-mail and password, a new password, the second factor
 * set up from the key the page shows; and the "forgot my password" page.
 */
class SignInBrowserIT extends BrowserAgainstSystem {

    @Test
    void theBootstrapAdministratorSignsInChangesThePasswordAndSetsUpTheSecondFactor() throws Exception {
        // Given the sign-in form
        browser.get(system.baseUrl + "/login");
        waitForHeading("Sign in");
        Browser.screenshot(browser, "sign-in");

        // When the bootstrap administrator types the configured e-mail and password
        browser.findElement(By.id("username")).sendKeys(system.secret(LocalSecrets.BOOTSTRAP_ADMIN_EMAIL));
        browser.findElement(By.id("password")).sendKeys(system.secret(LocalSecrets.BOOTSTRAP_ADMIN_PASSWORD));
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // Then a new password is asked for first; a mismatch is said in words and nothing moves on
        waitForHeading("Choose a new password");
        browser.findElement(By.id("newPassword")).sendKeys("first-day-passphrase");
        browser.findElement(By.id("confirmPassword")).sendKeys("a-different-passphrase");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForHeading("Choose a new password");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).isEqualTo("The two passwords differ");
        browser.findElement(By.id("newPassword")).sendKeys("first-day-passphrase");
        browser.findElement(By.id("confirmPassword")).sendKeys("first-day-passphrase");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // And then the second factor, whose key the page shows for the authenticator app
        waitForHeading("Set up your second factor");
        String key = browser.findElement(By.id("totp-secret")).getText();
        assertThat(key).matches("[A-Z2-7]{16,}");
        Browser.screenshot(browser, "sign-in-second-factor");
        browser.findElement(By.id("code")).sendKeys(totp(key, Instant.now()));
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // Then the administrator is signed in
        waitForHeading("Signed in");
        assertThat(browser.findElement(By.id("signed-in")).getText()).startsWith("You are signed in");
    }

    @Test
    void aWrongPasswordIsRefusedInWordsAndTheForgotLinkAnswersTheSameWhetherOrNotTheAddressHasAnAccount() {
        browser.get(system.baseUrl + "/login");
        waitForHeading("Sign in");
        browser.findElement(By.id("username")).sendKeys(system.secret(LocalSecrets.BOOTSTRAP_ADMIN_EMAIL));
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForHeading("Sign in");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("That e-mail address and password do not match an active account");

        browser.findElement(By.id("forgot")).click();
        waitForHeading("Forgot your password?");
        browser.findElement(By.id("email")).sendKeys("nobody@hospital.example");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        waitForHeading("Check your e-mail");
        assertThat(browser.findElement(By.id("reset-sent")).getText()).startsWith("If an account has this address");
    }

    private static String totp(String key, Instant at) throws Exception {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();
        return String.format("%06d", generator.generateOneTimePassword(
                new SecretKeySpec(new Base32().decode(key), generator.getAlgorithm()), at));
    }
}
