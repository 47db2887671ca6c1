package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.DocketApplication;
import vn.docket.query.audit.AuditIndex;

/**
 * The audit log as an inspector reads it, in headless Chromium: whose words a grant's reason is, the log filtered by
 * the kind of event, a task found by words of its title. Screenshots at desktop and phone width:
 * target/screenshots/audit-*.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium=ERROR")
@ActiveProfiles("test")
class AuditLogBrowserTest extends BrowserTest {

    static final String UNITS_REASON = "Chờ số liệu quyết toán của các xã";

    @Autowired
    TestRestTemplate http;

    @Test
    void a_grant_without_its_own_reason_shows_the_units_reason_as_the_units_not_the_leaders_in_both_languages() {
        String id = grantedByTheViceChairWithoutAReason();

        browser.signIn("auditor");
        browser.open("/audit.html?assignment=" + id);
        browser.waitForText(By.id("audit-log"), "Gia hạn");
        openDetails();
        WebElement grant = row("Gia hạn");
        assertThat(grant.getText()).contains("Phạm Văn Đức", "Phó Chủ tịch");
        // Under the vice-chair's name the unit's words are named as the unit's, not as a reason the leader gave.
        assertThat(details(grant)).containsEntry("Lý do đơn vị nêu khi đề nghị", UNITS_REASON + " (lãnh đạo không nêu lý do riêng)")
                .doesNotContainKey("Lý do");
        // The unit's own request still reads as its reason.
        assertThat(details(row("Đề nghị gia hạn"))).containsEntry("Lý do", UNITS_REASON);
        screenshots("audit-grant-units-reason");

        browser.find(By.id("lang")).click();
        try {
            browser.waitForText(By.id("audit-log"), "Deadline extended");
            openDetails();
            assertThat(details(row("Deadline extended")))
                    .containsEntry("The unit’s reason when asking", UNITS_REASON + " (the leader gave none of their own)")
                    .doesNotContainKey("Reason");
            browser.screenshot("audit-grant-units-reason-english-desktop");
        } finally {
            browser.find(By.id("lang")).click();
            browser.waitForText(By.id("audit-log"), "Gia hạn");
        }

        // The plan path reads the same from the grant itself.
        browser.open("/assignment.html?id=" + id);
        assertThat(browser.text(By.cssSelector("#steps > li.step-DEADLINE_EXTENDED .units-reason")))
                .isEqualTo("Lý do đơn vị nêu khi đề nghị: " + UNITS_REASON);
    }

    /** A reminder's kind read "MANUAL" in its details: who sent it, in words, in both languages, as the CSV writes it. */
    @Test
    void a_reminder_the_office_sent_says_so_in_its_details_in_both_languages() {
        Map<String, Object> assignment = Map.of("title", "Báo cáo tổng kết phong trào thi đua năm 2026", "kind", "REPORT",
                "leadUnit", "Phòng Tài chính - Kế hoạch", "deadline", LocalDate.now(clock).plusDays(10).toString(),
                "approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        String id = (String) post("clerk", "/api/assignments", assignment).get("id");
        post("clerk", "/api/assignments/" + id + "/reminders", Map.of("note", "Đề nghị khẩn trương"));

        browser.signIn("auditor");
        browser.open("/audit.html?assignment=" + id);
        browser.waitForText(By.id("audit-log"), "Đôn đốc");
        openDetails();
        assertThat(details(row("Đôn đốc"))).containsEntry("Loại", "Văn phòng đôn đốc");
        assertThat(details(row("Giao nhiệm vụ"))).containsEntry("Loại", "Báo cáo");
        browser.find(By.id("lang")).click();
        try {
            browser.waitForText(By.id("audit-log"), "Reminder sent");
            openDetails();
            assertThat(details(row("Reminder sent"))).containsEntry("Kind", "Sent by the office");
            browser.screenshot("audit-reminder-english-desktop");
        } finally {
            browser.find(By.id("lang")).click();
            browser.waitForText(By.id("audit-log"), "Đôn đốc");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_inspector_lists_only_the_extensions_granted_by_choosing_the_kind_of_event_in_vietnamese() {
        grantedByTheViceChairWithoutAReason();
        browser.signIn("auditor");
        browser.open("/audit.html");
        browser.find(By.id("audit-log"));
        Select kinds = new Select(browser.find(By.cssSelector("#audit-filters [name='type']")));
        // Every kind Docket records, by its Vietnamese name, and none it does not.
        assertThat(kinds.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet())).isEqualTo(AuditIndex.TYPES);
        assertThat(kinds.getOptions().stream().map(WebElement::getText))
                .contains("Mọi việc", "Gia hạn / Đặt hạn", "Đổi vai trò", "Bị từ chối quyền");

        kinds.selectByVisibleText("Gia hạn / Đặt hạn");
        browser.find(By.cssSelector("#audit-filters button[type=submit]")).click();
        browser.until(driver -> driver.getCurrentUrl().contains("type=DeadlineExtended"));
        browser.find(By.id("audit-log"));
        List<String> what = browser.all(By.cssSelector("#audit-log tbody tr td:nth-child(3)")).stream()
                .map(WebElement::getText).toList();
        assertThat(what).isNotEmpty().allSatisfy(kind -> assertThat(kind).isIn("Gia hạn", "Đặt hạn"));
        assertThat(new Select(browser.find(By.cssSelector("#audit-filters [name='type']"))).getFirstSelectedOption().getText())
                .isEqualTo("Gia hạn / Đặt hạn");
        screenshots("audit-by-kind");
        // "Tải CSV" takes the same filter, every page of it: the file holds extensions and nothing else.
        String csvLink = browser.find(By.id("audit-csv")).getAttribute("href");
        assertThat(browser.text(By.id("audit-csv"))).isEqualTo("Tải CSV");
        assertThat(csvLink).contains("/api/audit.csv?").contains("type=DeadlineExtended").doesNotContain("page=");
        String csv = new String(http.withBasicAuth("auditor", "demo").getForObject(csvLink.substring(csvLink.indexOf("/api/")),
                byte[].class), java.nio.charset.StandardCharsets.UTF_8);
        // One entry a record, ended by CRLF: its details' fields are lines within its quoted cell.
        List<String> rows = Stream.of(csv.split("\r\n")).skip(1).toList();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsAnyOf(",Gia hạn,", ",Đặt hạn,"));

        // Over HTTP several kinds may be asked for; a kind Docket does not record is refused naming the rule, and the
        // page says so in the person's language.
        var several = http.withBasicAuth("auditor", "demo").exchange("/api/audit?type=DeadlineExtended,ExtensionRequested",
                HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {
                });
        assertThat(several.getStatusCode().value()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) several.getBody().get("items")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("type")).isIn("DeadlineExtended", "ExtensionRequested"));
        var refused = http.withBasicAuth("auditor", "demo").exchange("/api/audit?type=GiaHan", HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() {
                });
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("rule", "event-type-filter");
        browser.open("/audit.html?type=GiaHan");
        browser.waitForText(By.cssSelector("main"), "Lọc theo một loại việc mà nhật ký ghi nhận");
    }

    @Test
    void an_inspector_finds_a_task_by_words_of_its_title_without_tone_marks_and_picks_it_when_several_match() {
        String plan = assign("Kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030", "Phòng Tài chính - Kế hoạch");
        assign("Kế hoạch phát triển kinh tế - xã hội năm 2027", "Phòng Tài chính - Kế hoạch");
        browser.signIn("auditor");
        browser.open("/audit.html");
        browser.find(By.id("audit-log"));

        // Words of both titles: the tasks are offered, each leading to its own log.
        filterByTask("phat trien kinh te xa hoi");
        browser.waitForText(By.id("task-choices"), "Kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030");
        assertThat(browser.text(By.id("task-choices"))).contains("Kế hoạch phát triển kinh tế - xã hội năm 2027");
        assertThat(browser.all(By.id("audit-log"))).isEmpty();
        screenshots("audit-task-choices");
        browser.all(By.cssSelector("#task-choices a")).stream()
                .filter(a -> a.getText().equals("Kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030")).findFirst().orElseThrow()
                .click();
        browser.until(driver -> driver.getCurrentUrl().contains("assignment=" + plan));
        assertThat(taskColumn()).isNotEmpty().allSatisfy(task -> assertThat(task)
                .isEqualTo("Kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030 " + plan.substring(0, 8)));

        // Words of one title: its log at once, saying which task the words named.
        browser.open("/audit.html");
        filterByTask("kinh te xa hoi 5 nam 2026-2030");
        browser.waitForText(By.id("audit-task"), "Kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030");
        assertThat(taskColumn()).isNotEmpty().allSatisfy(task -> assertThat(task).endsWith(plan.substring(0, 8)));
        screenshots("audit-task-by-title");

        // The id still filters, and another unit's staff are offered nothing they may not see.
        browser.open("/audit.html?assignment=" + plan.substring(0, 8));
        assertThat(taskColumn()).isNotEmpty().allSatisfy(task -> assertThat(task).endsWith(plan.substring(0, 8)));
        browser.signIn("qldt");
        browser.open("/audit.html?assignment=" + "phat trien kinh te xa hoi 5 nam 2026-2030".replace(' ', '+'));
        browser.waitForText(By.id("audit-none"), "Không có nhiệm vụ nào bạn được xem có tên khớp");
    }

    /** A task of Phòng Tài chính - Kế hoạch whose extension request the vice-chair granted without a reason of his own. */
    private String grantedByTheViceChairWithoutAReason() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> assignment = Map.of("title", "Báo cáo quyết toán ngân sách năm 2020", "kind", "REPORT",
                "leadUnit", "Phòng Tài chính - Kế hoạch", "deadline", today.plusDays(20).toString(),
                "approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        String id = (String) post("clerk", "/api/assignments", assignment).get("id");
        post("tckh", "/api/assignments/" + id + "/extension-requests",
                Map.of("newDeadline", today.plusDays(40).toString(), "reason", UNITS_REASON));
        post("pct", "/api/assignments/" + id + "/extension-requests/decision", Map.of("approve", true));
        return id;
    }

    private String assign(String title, String unit) {
        return (String) post("clerk", "/api/assignments", Map.of("title", title, "kind", "PLAN", "leadUnit", unit,
                "approvalRoute", List.of("Lãnh đạo UBND thành phố"))).get("id");
    }

    private void filterByTask(String words) {
        browser.type(By.cssSelector("#audit-filters [name='assignment']"), words);
        browser.find(By.cssSelector("#audit-filters button[type=submit]")).click();
    }

    /** The task column of the log's rows, once the log is shown. */
    private List<String> taskColumn() {
        browser.find(By.id("audit-log"));
        return browser.all(By.cssSelector("#audit-log tbody tr td:nth-child(5)")).stream().map(WebElement::getText).toList();
    }

    private Map<String, Object> post(String user, String path, Object body) {
        var answer = http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body),
                new ParameterizedTypeReference<Map<String, Object>>() {
                });
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s", path, answer.getBody()).isTrue();
        return answer.getBody();
    }

    private void openDetails() {
        browser.script("document.querySelectorAll('#audit-log details').forEach(d => d.open = true)");
    }

    /** The log's row of that kind of event (the "what" column), the first from the top. */
    private WebElement row(String what) {
        return browser.all(By.cssSelector("#audit-log tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("td:nth-child(3)")).getText().equals(what)).findFirst().orElseThrow();
    }

    /** A row's details as the page names them: each field's name and the value under it. */
    private static Map<String, String> details(WebElement row) {
        List<WebElement> names = row.findElements(By.cssSelector("dl.payload dt"));
        List<WebElement> values = row.findElements(By.cssSelector("dl.payload dd"));
        return IntStream.range(0, names.size()).boxed()
                .collect(Collectors.toMap(i -> names.get(i).getText(), i -> values.get(i).getText()));
    }
}
