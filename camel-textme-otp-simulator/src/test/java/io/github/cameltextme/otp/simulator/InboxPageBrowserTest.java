package io.github.cameltextme.otp.simulator;

import static io.github.cameltextme.otp.simulator.ApiClient.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inbox page in headless Chromium (Debian's chromium and chromium-driver packages; other locations with
 * {@code -Dtextme.chromium=...} and {@code -Dtextme.chromedriver=...}). Skipped with a printed reason when they are
 * missing, unless {@code -Dtextme.browser.required=true} or the environment variable
 * {@code TEXTME_BROWSER_REQUIRED=true} (set by {@code .ci/run}), which make it fail instead.
 */
@ExtendWith(TextMeSimulatorExtension.class)
class InboxPageBrowserTest {

    private static final File CHROMIUM = new File(System.getProperty("textme.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("textme.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final By MESSAGES = By.cssSelector("[data-testid=message]");
    private static final String PHONE = "0521234567";

    /** Selenium warns that it has no CDP support matching the installed Chromium; this test does not use CDP. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private static String skipReason;
    private static Path profile;
    private static WebDriver driver;

    static TextMeSimulator sim;
    private ApiClient api;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String missing = CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)";
            if (Boolean.getBoolean("textme.browser.required")
                || Boolean.parseBoolean(System.getenv("TEXTME_BROWSER_REQUIRED"))) {
                throw new IllegalStateException("Browser test cannot run: " + missing + ", and the browser test is required");
            }
            skipReason = "Browser test skipped: " + missing;
            System.out.println(skipReason);
            return;
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        profile = Files.createTempDirectory("textme-inbox-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void openInbox() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
        api = new ApiClient(sim);
        driver.get(sim.inboxUrl());
        wait(ExpectedConditions.textToBe(By.cssSelector("[data-testid=status]"), "live"));
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");
    }

    private <T> T wait(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    private void assertNotReloaded() {
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;"),
                "the page was reloaded");
    }

    @Test
    void newMessageAndItsCodeAppearWithoutReload() {
        assertTrue(driver.findElement(By.cssSelector("[data-testid=empty]")).isDisplayed());
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));

        List<WebElement> messages = wait(ExpectedConditions.numberOfElementsToBe(MESSAGES, 1));
        WebElement message = messages.get(0);
        assertEquals(sim.lastCode(PHONE), message.findElement(By.cssSelector("[data-testid=code]")).getText());
        assertEquals(PHONE, message.findElement(By.cssSelector("[data-testid=phone]")).getText());
        assertEquals(Requests.SOURCE, message.findElement(By.cssSelector("[data-testid=source]")).getText());
        assertEquals("1", message.findElement(By.cssSelector("[data-testid=app-id]")).getText());
        assertEquals(sim.messages().get(0).text(), message.findElement(By.cssSelector("[data-testid=text]")).getText());
        assertTrue(message.findElement(By.cssSelector("[data-testid=copy]")).isDisplayed());
        assertEquals("1 message", driver.findElement(By.cssSelector("[data-testid=message-count]")).getText());
        assertNotReloaded();
    }

    @Test
    void newestMessageIsListedFirst() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        wait(ExpectedConditions.numberOfElementsToBe(MESSAGES, 1));
        assertStatus(0, api.post(Requests.sendOtp("demo", "0547654321")));
        List<WebElement> messages = wait(ExpectedConditions.numberOfElementsToBe(MESSAGES, 2));
        assertEquals("0547654321", messages.get(0).findElement(By.cssSelector("[data-testid=phone]")).getText());
        assertEquals(sim.lastCode("0547654321"), messages.get(0).findElement(By.cssSelector("[data-testid=code]")).getText());
        assertEquals(sim.lastCode(PHONE), messages.get(1).findElement(By.cssSelector("[data-testid=code]")).getText());
        assertNotReloaded();
    }

    @Test
    void aMessageIsMarkedUsedOnceValidatedAndExpiredPastItsTime() {
        assertStatus(0, api.post(Requests.sendOtp("demo", "0547654321")));
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        List<WebElement> messages = wait(ExpectedConditions.numberOfElementsToBe(MESSAGES, 2));
        assertEquals("", messages.get(0).findElement(By.cssSelector("[data-testid=state]")).getText());

        assertStatus(0, api.post(Requests.validateOtp("demo", PHONE, sim.lastCode(PHONE))));
        wait(ExpectedConditions.attributeToBe(messages.get(0), "data-state", "used"));
        assertEquals("USED", messages.get(0).findElement(By.cssSelector("[data-testid=state]")).getText());
        assertEquals("", messages.get(1).findElement(By.cssSelector("[data-testid=state]")).getText());

        sim.clock().advance(Duration.ofMinutes(16));
        wait(ExpectedConditions.attributeToBe(messages.get(1), "data-state", "expired"));
        assertEquals("EXPIRED", messages.get(1).findElement(By.cssSelector("[data-testid=state]")).getText());
        assertEquals("used", messages.get(0).getAttribute("data-state"));
        assertNotReloaded();
    }

    @Test
    void aMessageIsMarkedReplacedByANewerCodeAndOutOfTriesOnceWrongCodesSpentThem() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        String wrong = sim.lastCode(PHONE).equals("000000") ? "000001" : "000000";
        for (int tries = 0; tries < 3; tries++) {
            assertStatus(12, api.post(Requests.validateOtp("demo", PHONE, wrong)));
        }
        assertStatus(0, api.post(Requests.sendOtp("demo", "0547654321")));
        assertStatus(0, api.post(Requests.sendOtp("demo", "0547654321")));
        List<WebElement> messages = wait(ExpectedConditions.numberOfElementsToBe(MESSAGES, 3));

        wait(ExpectedConditions.attributeToBe(messages.get(1), "data-state", "replaced"));
        assertEquals("REPLACED", messages.get(1).findElement(By.cssSelector("[data-testid=state]")).getText());
        wait(ExpectedConditions.attributeToBe(messages.get(2), "data-state", "out-of-tries"));
        assertEquals("OUT OF TRIES", messages.get(2).findElement(By.cssSelector("[data-testid=state]")).getText());
        assertEquals("", messages.get(0).findElement(By.cssSelector("[data-testid=state]")).getText());
        assertNotReloaded();
    }

    @Test
    void htmlInTheMessageTextIsShownAsText() {
        String template = "<b>bold</b> <img src=x onerror=\"window.injected=true\"> [code]";
        ObjectNode request = Requests.sendOtp("demo", PHONE);
        Requests.fields(request).put("text", template);
        assertStatus(0, api.post(request));

        WebElement message = wait(ExpectedConditions.numberOfElementsToBe(MESSAGES, 1)).get(0);
        WebElement text = message.findElement(By.cssSelector("[data-testid=text]"));
        assertEquals(template.replace("[code]", sim.lastCode(PHONE)), text.getText());
        assertTrue(text.findElements(By.tagName("b")).isEmpty());
        assertTrue(text.findElements(By.tagName("img")).isEmpty());
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) driver).executeScript("return window.injected === true;"));
    }

    @Test
    void clearedInboxEmptiesThePage() {
        assertStatus(0, api.post(Requests.sendOtp("demo", PHONE)));
        wait(ExpectedConditions.numberOfElementsToBe(MESSAGES, 1));
        sim.reset();
        wait(ExpectedConditions.numberOfElementsToBe(MESSAGES, 0));
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=empty]")));
        assertNotReloaded();
    }
}
