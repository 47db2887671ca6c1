package vn.docket.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (packages chromium and chromium-driver,
 * installed by .ci/run): nothing is downloaded, no profile outside a temporary directory is touched. Public for the
 * benchmarks of pages (bench/pages.sh).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final String base;
    private final Path profile;
    public final ChromeDriver driver;
    private final WebDriverWait wait;

    /** {@code arguments}: more Chromium switches, e.g. a host name mapped to this machine. */
    public Browser(String base, String... arguments) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        this.base = base;
        try {
            profile = Files.createTempDirectory("docket-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1366,900");
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // Selenium polls every 500 ms by default: each wait for a page to draw then costs a quarter of a second
        // on average, hundreds of times per suite.
        wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(25));
    }

    /**
     * Waits up to 15 s for the condition to hold (not null, not false) and returns its value. A page that navigates
     * while the condition looks at it (a form sent that opens the next page) is looked at again: Chromium aborts the
     * look ("aborted by navigation"), which says nothing about the page to come; nor does an element the page redrew
     * between being found and being read, which Chromium 156 reports as an inspector error ("Node with given id does not
     * belong to the document") rather than as a stale element (NoticePreviewBrowserTest failed so on a busy machine).
     */
    public <T> T until(Function<WebDriver, T> condition) {
        return wait.until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                String message = e.getMessage();
                if (message != null && (message.contains("aborted by navigation")
                        || message.contains("does not belong to the document"))) {
                    return null;
                }
                throw e;
            }
        });
    }

    public void open(String path) {
        driver.get(base + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /**
     * Signs in and waits for the dashboard to show who is signed in. The sign-in form's own POST is sent from the page
     * (with the form's field names and the page's CSRF cookie) rather than typed into: typing a name and a password key
     * by key and loading the form's page cost about half a second a sign-in, some 125 times a run (FollowUpScreensBrowserTest,
     * 28 sign-ins: 77-85 s this way, 92-99 s through the form, two runs each). The form itself, as a person fills it,
     * is walked by {@link #signInThroughTheForm} (WebApplicationBrowserTest, for every demo user).
     */
    public void signIn(String user) {
        if (!url().startsWith(base)) {
            open("/login.html"); // a page of Docket's, from which the POST below is same-origin
        }
        driver.manage().deleteAllCookies();
        String answer = (String) driver.executeAsyncScript("""
                const user = arguments[0], done = arguments[arguments.length - 1];
                fetch('/login.html').then(() => {
                  const token = (document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/) || [])[1];
                  return fetch('/login', {method: 'POST', body: new URLSearchParams(
                      {username: user, password: 'demo', _csrf: decodeURIComponent(token || '')})});
                }).then(r => done(r.ok && !r.url.includes('error') ? 'signed in' : 'refused: ' + r.status + ' ' + r.url),
                        e => done('failed: ' + e));
                """, user);
        if (!"signed in".equals(answer)) {
            throw new IllegalStateException(user + " could not sign in: " + answer);
        }
        open("/");
        find(By.id("who-name"));
    }

    /** Signs in through the form, as a person would, and waits for the page to show who is signed in. */
    public void signInThroughTheForm(String user) {
        driver.manage().deleteAllCookies();
        open("/login.html");
        find(By.id("username")).sendKeys(user);
        find(By.id("password")).sendKeys("demo");
        find(By.id("login-submit")).click();
        find(By.id("who-name"));
    }

    WebElement find(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement present(By by) {
        return until(ExpectedConditions.presenceOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return find(by).getText();
    }

    void waitForText(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitForCount(By by, int count) {
        until(ExpectedConditions.numberOfElementsToBe(by, count));
    }

    void type(By by, String text) {
        WebElement input = find(by);
        input.clear();
        input.sendKeys(text);
    }

    void choose(By by, String visibleText) {
        new Select(find(by)).selectByVisibleText(visibleText);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Every answer takes at least this long to reach the page, as on a slow office network (Chromium's own network
     * emulation); {@code Duration.ZERO} as fast as it comes.
     */
    void slowAnswers(Duration latency) {
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", false,
                "latency", latency.toMillis(), "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The network down (every request fails at once, as with the office's Wi-Fi gone) or back. */
    void offline(boolean down) {
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", down,
                "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /**
     * A PNG of the whole page, up to 4,000 px high, in one DevTools call. Stretching the window to the page's height
     * and back, as this did before, took two more round trips and two layouts a picture: a quarter of a second each,
     * over a hundred and seventy pictures a run. The PNG is encoded for speed, not size: the pictures are looked at, not kept.
     */
    Path screenshot(String name) {
        @SuppressWarnings("unchecked")
        List<Long> size = (List<Long>) script("return [window.innerWidth,"
                + " Math.min(4000, Math.ceil(document.documentElement.scrollHeight))]");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "optimizeForSpeed", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get(0), "height", size.get(1), "scale", 1)));
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
