package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: one headless Chromium for all the test classes, started over for each (see
 * {@link Browser#startOver}) on that class's Docket, at desktop width until a test asks for the phone's, and closed
 * when the tests end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort
    int port;

    Browser browser;

    /** Starting a Chromium and closing it took seconds each, for each of a dozen classes. */
    private static Browser shared;

    @BeforeAll
    void startBrowser() {
        browser = shared();
        browser.startOver("http://localhost:" + port, DESKTOP);
    }

    private static synchronized Browser shared() {
        if (shared == null) {
            shared = new Browser("about:blank");
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "close-chromium"));
        }
        return shared;
    }

    /** Desktop and phone width; at phone width nothing may need sideways scrolling. */
    void screenshots(String name) {
        browser.screenshot(name + "-desktop");
        browser.driver.manage().window().setSize(PHONE);
        try {
            assertThat((Boolean) browser.script(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"))
                    .as(name + " at phone width").isFalse();
            browser.screenshot(name + "-phone");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }
    }

    /** A browser of the class's own is closed; the shared one leaves the class's pages, which may poll its Docket. */
    @AfterAll
    void stopBrowser() {
        if (browser == shared) {
            browser.driver.get("about:blank");
        } else if (browser != null) {
            browser.close();
        }
    }
}
