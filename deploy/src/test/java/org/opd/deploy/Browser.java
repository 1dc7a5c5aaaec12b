package org.opd.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Headless Chromium as a waiting-room TV runs it (1920x1080, sound allowed without a click),
 * driven through Debian's chromedriver (deploy/bin/ensure-browser.sh installs both).
 */
final class Browser {

    /** The screenshots shown in the README. */
    static final Path SCREENSHOTS = Path.of("..", "docs", "screens");

    private Browser() {
    }

    static WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("OPD_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--window-size=1920,1080", "--no-sandbox", "--disable-dev-shm-usage",
                "--autoplay-policy=no-user-gesture-required", "--lang=en-IN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("OPD_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // The window size counts the browser's own frame; make the page itself 1920x1080, as on the TV.
        long frame = 1080 - (Long) driver.executeScript("return window.innerHeight;");
        driver.manage().window().setSize(new Dimension(1920, (int) (1080 + frame)));
        return driver;
    }

    /** Opens a display (query: what it shows, {@code dept=…&lang=…}) and sets it up, as on its first start, with its device credential. */
    static void openDisplay(WebDriver driver, String baseUrl, String query, JsonNode credential) {
        // A device of its own: nothing stored from another display set up in this browser before.
        driver.get(baseUrl + "/screens/display.html");
        ((JavascriptExecutor) driver).executeScript("localStorage.clear();");
        driver.get(baseUrl + "/screens/display.html?" + query);
        WebElement setup = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("setup")).isDisplayed() ? d.findElement(By.id("setup")) : null);
        setup.findElement(By.name("clientId")).sendKeys(credential.get("clientId").asText());
        setup.findElement(By.name("clientSecret")).sendKeys(credential.get("clientSecret").asText());
        setup.findElement(By.tagName("button")).click();
    }

    static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
