package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
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

    /** Docket's clock, from which the server reads today in Vietnam. */
    @Autowired
    Clock clock;

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

    /**
     * The days in Vietnam a page drawn after {@code before} may show as today: that day, and the next one should midnight
     * in Vietnam (17:00 UTC) have fallen since.
     */
    List<LocalDate> daysSince(LocalDate before) {
        return List.of(before, LocalDate.now(clock));
    }

    /**
     * An overdue row of the dashboard, drawn after {@code opened}: its days past the deadline it shows, counted up to
     * the day it was drawn (either reading of the clock around it). The demo history's "5 days overdue" hold on the
     * day it was played; a run that has passed midnight in Vietnam since sees one more.
     */
    void assertDaysOverdue(WebElement row, LocalDate opened) {
        List<LocalDate> drawnOn = daysSince(opened);
        LocalDate deadline = LocalDate.parse(row.findElement(By.cssSelector("td:nth-child(3)")).getText(),
                DateTimeFormatter.ofPattern("d/M/yyyy"));
        String days = row.findElement(By.cssSelector(".overdue-days")).getText();
        assertThat(drawnOn).anySatisfy(day -> assertThat(days).isEqualTo(String.valueOf(ChronoUnit.DAYS.between(deadline, day))));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
