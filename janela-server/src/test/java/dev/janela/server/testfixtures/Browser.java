package dev.janela.server.testfixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Debian's headless Chromium, driven by its chromedriver, on the pages of the server under test: one fresh browser
 * (no cookies, no cache) per test. Tests using it are skipped with a message where Chromium is not installed, except
 * under {@code CI=true}, where they fail. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements ExecutionCondition, ParameterResolver, AfterEachCallback {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("JANELA_TEST_CHROMIUM",
            "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("JANELA_TEST_CHROMEDRIVER",
            "/usr/bin/chromedriver"));
    private static final String HOW_TO = "install Chromium and its driver (apt-get install -y chromium"
            + " chromium-driver) or name them in JANELA_TEST_CHROMIUM and JANELA_TEST_CHROMEDRIVER";
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** A common laptop's screen; {@link #phoneWidth()} narrows it for the rest of the test. */
    private static final Dimension DESKTOP = new Dimension(1366, 900);
    /** A common phone's screen, in CSS pixels. */
    private static final Dimension PHONE = new Dimension(390, 844);
    /** How far down a screenshot goes: a long page is cut there. */
    private static final long LONGEST_SCREENSHOT = 6000;

    /** Selenium warns at every start that it has no DevTools protocol for this Chromium; these tests use none. */
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS.setLevel(Level.SEVERE);
    }

    private ChromeDriver driver;
    private String base;
    private Path profile;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium is installed");
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires the browser tests: " + HOW_TO);
        }
        return ConditionEvaluationResult.disabled("browser tests skipped: " + HOW_TO);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        base = "http://localhost:" + SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
        start();
        return this;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null && context.getExecutionException().isPresent()) {
            keepEvidence("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((left, right) -> right.compareTo(left)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void start() {
        try {
            profile = Files.createTempDirectory("janela-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // The machine's network is closed: Chromium must not try its background services.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--user-data-dir=" + profile, "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        desktopWidth();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the server: {@code /inbox}. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in through the form, as a person would. */
    public Browser signIn(String email, String password) {
        open("/sign-in");
        find(By.name("email")).sendKeys(email);
        find(By.name("password")).sendKeys(password);
        find(By.cssSelector("main.sign-in button[type=submit]")).click();
        waitUntil(page -> !page.getCurrentUrl().contains("/sign-in"));
        return this;
    }

    /**
     * Clicks what loads a new page (a link, or a form's button), and waits until the new page has replaced this one:
     * until then, what is found is still the old page's.
     */
    public Browser follow(By link) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(link).click();
        new WebDriverWait(driver, PATIENCE).until(unused -> isGone(page));
        return this;
    }

    /**
     * Whether {@code element} left the document. While a new page replaces it, Chrome may answer that its node "does
     * not belong to the document" rather than that it is stale: not yet an answer, so the wait asks again.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException replacing) {
            if (String.valueOf(replacing.getMessage()).contains("does not belong to the document")) {
                return false;
            }
            throw replacing;
        }
    }

    /** Answers yes to the question the page asks before doing what cannot be undone. */
    public Browser confirm() {
        waitUntil(ExpectedConditions.alertIsPresent()).accept();
        return this;
    }

    public WebElement find(By by) {
        return waitUntil(page -> page.findElement(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits, polling, until {@code condition} gives a value other than null or false; fails after 10 s. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        // A page that htmx refreshes replaces elements while they are read; reading again is the way.
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Waits until the text of {@code by} contains {@code text}; returns the element. */
    public WebElement waitForText(By by, String text) {
        return waitUntil(page -> page.findElements(by).stream().filter(element -> element.getText().contains(text))
                .findFirst().orElse(null));
    }

    /**
     * Posts {@code form} (URL-encoded) to {@code path} from the page's own script, with the session's cookie as any
     * script on another site could make the browser send, but no CSRF token; returns the status answered.
     */
    public long postWithoutCsrfToken(String path, String form) {
        return (Long) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {method: 'POST', headers: {'Content-Type':"
                + " 'application/x-www-form-urlencoded'}, body: arguments[1]})"
                + ".then(function (answer) { done(answer.status); });", path, form);
    }

    /** What the server answers a GET of {@code path} in this browser's session, as text. */
    public String fetchText(String path) {
        return (String) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(function (answer) { return answer.text(); }).then(done);", path);
    }

    /** Runs {@code script} in the page and returns what it returns. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** A laptop's screen again, after {@link #phoneWidth()}. */
    public Browser desktopWidth() {
        driver.manage().window().setSize(DESKTOP);
        return this;
    }

    /** A phone's screen, 390 by 844 CSS pixels. */
    public Browser phoneWidth() {
        driver.manage().window().setSize(PHONE);
        return this;
    }

    /**
     * How much wider than the window the page is: 0 when nothing makes it scroll sideways. Waits for the page to
     * settle first, since some of it (the charts) is drawn again after the window changes size.
     */
    public long overflowWidth() {
        try {
            waitUntil(page -> currentOverflowWidth() == 0);
        } catch (TimeoutException stillWider) {
            // The width it has kept is the answer.
        }
        return currentOverflowWidth();
    }

    private long currentOverflowWidth() {
        return (Long) driver.executeScript("return Math.max(0, document.documentElement.scrollWidth"
                + " - document.documentElement.clientWidth);");
    }

    /** The elements {@code by} finds that reach past the window's left or right edge, by their text. */
    public List<String> offScreen(By by) {
        long width = (Long) driver.executeScript("return document.documentElement.clientWidth;");
        return findAll(by).stream().filter(element -> {
            Rectangle box = element.getRect();
            return box.getX() < 0 || box.getX() + box.getWidth() > width;
        }).map(WebElement::getText).toList();
    }

    /** How tall the layout's bar is, in CSS pixels. */
    public int headerHeight() {
        return find(By.cssSelector("header.top")).getSize().getHeight();
    }

    /** Saves the whole page, as wide as the window shows it, as {@code target/screenshots/name.png}. */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            // Captured whole, the page has no scrollbar and takes the window's full width.
            long width = (Long) driver.executeScript("return window.innerWidth;");
            long height = Math.min(LONGEST_SCREENSHOT,
                    (Long) driver.executeScript("return document.documentElement.scrollHeight;"));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                            "scale", 1)));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a failed test leaves to look at: the page as shown, its HTML, and its console. */
    private void keepEvidence(String name) throws IOException {
        Path shot = screenshot(name);
        Files.writeString(shot.resolveSibling(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        Files.write(shot.resolveSibling(name + ".console.txt"), driver.manage().logs().get(LogType.BROWSER).getAll()
                .stream().map(LogEntry::toString).toList());
    }

    /** The errors the pages wrote to the console, or failed to load, since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** The status the server answered the page now shown with, as the browser's navigation timing tells. */
    public Optional<Long> status() {
        Object status = driver.executeScript("var entry = performance.getEntriesByType('navigation')[0];"
                + " return entry && entry.responseStatus ? entry.responseStatus : null;");
        return Optional.ofNullable((Long) status);
    }
}
