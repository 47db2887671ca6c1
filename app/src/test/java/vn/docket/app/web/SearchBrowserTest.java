package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.CaughtUp;
import vn.docket.app.DocketApplication;

/**
 * The header's search and the dashboard, both answered from the in-memory assignment index, in headless
 * Chromium on the demo history at desktop and phone width (screenshots: target/screenshots/search-*,
 * dashboard-*).
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A context of its own (the last property): the dashboard is read as the demo leaves it, while the other
        // browser tests on the demo history act on theirs (a leader's walk decides the draft waiting for pct).
        properties = {"docket.demo.data=true", "logging.level.org.openqa.selenium=ERROR", "docket.test.context=search"})
@ActiveProfiles("test")
class SearchBrowserTest extends BrowserTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore store;

    @BeforeAll
    void demoHistoryProjected() {
        // The demo history is written at start-up and projected after: the pages read it once it is.
        CaughtUp.await(store, Duration.ofSeconds(60),
                List.of(processing.eventProcessor("assignment-list", StreamingEventProcessor.class).orElseThrow()));
    }

    @Test
    void searching_without_tone_marks_from_the_header_finds_assignments_and_units() {
        browser.signIn("clerk");
        browser.type(By.id("search-q"), "den led");
        browser.find(By.id("search-q")).sendKeys(Keys.ENTER);
        browser.waitForText(By.tagName("h1"), "Kết quả tìm");
        // Demo history: the report on replacing public lighting with LED lamps.
        assertThat(browser.text(By.id("search-assignments"))).contains("đèn Led");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Kết quả tìm “den led”");
        // What was found is marked as it was found, tone marks and case aside: both lamps of the title.
        assertThat(texts(By.xpath("//ul[@id='search-assignments']/li[contains(., 'đèn Led')]/a/mark")))
                .containsExactly("đèn", "đèn", "Led");
        screenshots("search");

        // A notice's number is searched, "mục N" is not: only the number is marked.
        browser.open("/search.html?q=311%2Ftb");
        browser.find(By.cssSelector("#search-assignments li"));
        List<WebElement> sources = browser.all(By.cssSelector("#search-assignments a[href*='notice.html']"));
        assertThat(sources).isNotEmpty().allSatisfy(link -> {
            assertThat(link.getText()).startsWith("311/TB-UBND – mục số ");
            assertThat(link.findElements(By.tagName("mark"))).extracting(WebElement::getText).containsExactly("311/TB");
        });

        browser.type(By.id("search-q"), "quan su");
        browser.find(By.id("search-q")).sendKeys(Keys.ENTER);
        browser.waitForText(By.id("search-units"), "Ban Chỉ huy Quân sự thành phố");
        assertThat(browser.text(By.id("search-assignments"))).contains("khu căn cứ chiến đấu");
        assertThat(texts(By.xpath("//ul[@id='search-units']/li[.='Ban Chỉ huy Quân sự thành phố']//mark")))
                .containsExactly("Quân", "sự");
        // Found by its lead unit's name: the unit is marked on the card, the title has nothing to mark.
        String base = "//ul[@id='search-assignments']/li[contains(., 'khu căn cứ chiến đấu')]";
        assertThat(texts(By.xpath(base + "/div[@class='meta']//mark"))).containsExactly("Quân", "sự");
        assertThat(browser.all(By.xpath(base + "/a/mark"))).isEmpty();
        screenshots("search-unit");

        // The list filtered by the same words marks them as the search page does.
        browser.open("/assignments.html?q=" + java.net.URLEncoder.encode("quân sự", java.nio.charset.StandardCharsets.UTF_8));
        browser.find(By.cssSelector("#assignments tbody tr"));
        assertThat(texts(By.xpath("//table[@id='assignments']//tr[contains(., 'khu căn cứ chiến đấu')]/td[2]/mark")))
                .containsExactly("Quân", "sự");
        assertThat(browser.all(By.xpath("//table[@id='assignments']//td[@class='card-title']//mark"))).isEmpty();
        screenshots("list-searched");
    }

    private List<String> texts(By by) {
        return browser.all(by).stream().map(WebElement::getText).toList();
    }

    /**
     * The marks are placed by folding each character alone: a character that takes two places in the page's text (an
     * emoji, a pasted letter with its tone mark apart) must not shift the marks after it.
     */
    @Test
    void marks_fall_on_the_words_found_after_an_emoji_and_a_decomposed_letter() {
        browser.signIn("auditor");
        browser.open("/search.html?q=khongcotu");
        browser.find(By.id("search-none"));
        Object marks = browser.script("return import('/js/layout.js').then(m => {"
                + " const p = document.createElement('p');"
                + " p.textContent = '🔥 Đèn LED \u0111e\u0300n, l\u1EB9d 🔥 đèn Vie\u0301t';"
                + " m.marked(p, 'den led vie');"
                + " return [...p.querySelectorAll('mark')].map(x => x.textContent); })");
        // A tone mark standing apart after the last letter found is marked with it.
        assertThat(marks).isEqualTo(List.of("Đèn", "LED", "\u0111e\u0300n", "l\u1EB9d", "đèn", "Vie\u0301"));
    }

    @Test
    void a_word_nothing_holds_says_so_in_vietnamese() {
        browser.signIn("auditor");
        browser.open("/search.html?q=khongcotu");
        assertThat(browser.text(By.id("search-none"))).isEqualTo("Không có nhiệm vụ nào chứa mọi từ đã nhập.");
    }

    @Test
    void the_dashboard_shows_the_servers_counts_overdue_days_and_what_waits_for_the_leader() {
        LocalDate opened = LocalDate.now(clock);
        browser.signIn("pct");
        browser.find(By.id("by-unit"));
        // Demo history: the military command's plan is 5 days past its deadline without a draft.
        assertDaysOverdue(browser.find(By.xpath("//table[@id='overdue']//tr[td[contains(., 'khu căn cứ chiến đấu')]]")), opened);
        assertThat(browser.text(By.id("by-unit"))).contains("Ban Chỉ huy Quân sự", "Tổng");
        assertThat(browser.text(By.id("mine"))).contains("đèn Led");
        // Demo history: the report of Phòng Tài chính - Kế hoạch falls due in three days; the list of those due is a click away.
        assertThat(browser.text(By.id("due-this-week"))).startsWith("Đến hạn trong 7 ngày tới: ").doesNotContain(" 0 ");
        assertThat(browser.find(By.cssSelector("#due-this-week a")).getAttribute("href")).endsWith("/assignments.html?view=due7");
        screenshots("dashboard");
    }

    @Test
    void with_nothing_due_within_seven_days_the_dashboard_says_so_without_a_link_to_an_empty_list() {
        // Demo history: Phòng Quản lý đô thị's staff see the LED report, due in twenty days, and nothing due sooner.
        browser.signIn("qldt");
        browser.find(By.id("by-unit"));
        assertThat(browser.text(By.id("due-this-week"))).isEqualTo("Đến hạn trong 7 ngày tới: 0 nhiệm vụ đang thực hiện");
        assertThat(browser.all(By.cssSelector("#due-this-week a"))).as("a link to an empty list").isEmpty();
        screenshots("dashboard-none-due");
    }

    @Test
    void what_waits_for_each_person_is_the_servers_answer_on_the_dashboard_and_in_the_list() {
        // Demo history: the camera report is approved and waits for the clerk to record its issuance; the four
        // parts Phòng Tài chính - Kế hoạch took in for item 1 of notice 311 are approved too, but went into its plan
        // and wait for nobody; the school scheme, approved by the leadership, awaits the Ban Thường vụ Thành ủy,
        // whose decision the clerk records.
        String camera = "Dự thảo báo cáo kết quả thực hiện Đề án lắp đặt camera an ninh giai đoạn 2017 - 2020";
        String school = "Dự thảo Đề án Trường mầm non Hoàng Đồng theo mô hình tự chủ một phần tài chính";
        List<String> waiting = List.of(camera, school);
        browser.signIn("clerk");
        assertThat(cards(By.cssSelector("#mine li a"))).isEqualTo(waiting);
        browser.open("/assignments.html");
        browser.find(By.id("view-waiting")).click();
        browser.waitForText(By.tagName("h1"), "Việc chờ tôi");
        assertThat(cards(By.cssSelector("#assignments tbody td.card-title"))).isEqualTo(waiting);
        assertThat(browser.find(By.id("view-waiting")).getAttribute("aria-current")).isEqualTo("page");
        screenshots("list-waiting");
        // The school scheme awaits a body outside the Committee: the clerk records its decision, cited by number.
        browser.find(By.xpath("//a[.='" + school + "']")).click();
        assertThat(browser.text(By.cssSelector(".action-approve summary"))).isEqualTo("Ghi nhận quyết định của Ban Thường vụ Thành ủy");
        browser.present(By.cssSelector("#form-approve [name='decisionNumber']"));

        // The finance office's report is due in three days and nothing is handed in: it waits for the unit.
        browser.signIn("tckh");
        // Waited for: the dashboard says "Đang tải…" until its figures arrive.
        browser.waitForText(By.tagName("main"), "Việc chờ tôi: nhiệm vụ đơn vị tôi cần thực hiện");
        assertThat(cards(By.cssSelector("#mine li a")))
                .containsExactly("Báo cáo kết quả thực hiện các nhiệm vụ trọng tâm Thành ủy giao năm 2020");

        // The chair may act at the leadership's level too, so the LED report waits for the chair as for pct.
        browser.signIn("chair");
        assertThat(cards(By.cssSelector("#mine li a"))).containsExactly(
                "Dự thảo Báo cáo đề xuất chủ trương thay thế hệ thống đèn chiếu sáng công cộng bằng đèn Led");
    }

    private List<String> cards(By by) {
        browser.find(by);
        return browser.all(by).stream().map(WebElement::getText).toList();
    }
}
