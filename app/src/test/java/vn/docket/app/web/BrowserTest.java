package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: one headless Chromium per test class, on that class's Docket, at desktop width
 * until a test asks for the phone's, and closed after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser("http://localhost:" + port);
        browser.driver.manage().window().setSize(DESKTOP);
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

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
