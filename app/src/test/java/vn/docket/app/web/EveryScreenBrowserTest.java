package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.DocketApplication;

/**
 * Every page of the web app, on the demo history, as the person whose page it is opens it: at desktop (1366x900)
 * and phone (390x844) width axe-core finds no serious problem (neither a violation nor a "needs review"), nothing
 * but a long timeline scrolls sideways on the phone, and no English sentence or ISO date reaches the Vietnamese
 * screen. Each page is photographed at both widths under target/screenshots/page-*.png.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"docket.demo.data=true", "logging.level.org.openqa.selenium=ERROR"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryScreenBrowserTest extends BrowserTest {

    /** Words of the server's English details and of English labels; none of them is a Vietnamese word. */
    static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|must|cannot|is not|not found|already|assignment|should|null|undefined|NaN|step\\.|event\\.|problem\\.)\\b");
    /** An ISO date or instant a person would have to read as a machine does. */
    static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    static final String PLAN = "Dự thảo Kế hoạch thực hiện Chương trình hành động";
    static final String REPORT = "Báo cáo kết quả thực hiện các nhiệm vụ trọng tâm Thành ủy giao năm 2020";
    static final String LED = "Dự thảo Báo cáo đề xuất chủ trương thay thế hệ thống đèn chiếu sáng công cộng";

    @Test
    @Order(1)
    void every_page_has_no_serious_accessibility_problem_no_sideways_scrolling_on_a_phone_and_no_english() {
        SoftAssertions soft = new SoftAssertions();
        browser.driver.manage().deleteAllCookies();
        check(soft, "login", "/login.html");
        browser.signIn("clerk");
        String plan = idOf(PLAN, "ISSUED");
        String led = idOf(LED);
        check(soft, "dashboard", "/");
        check(soft, "list", "/assignments.html");
        check(soft, "detail-issued", "/assignment.html?id=" + plan);
        check(soft, "detail-clerk", "/assignment.html?id=" + led);
        // The demo plan's v3 is a stored .docx that answered the two points the chair reopened in v2, also a .docx.
        String drafted = demoPlanWithItsDraftFiles();
        check(soft, "draft", "/draft.html?id=" + drafted + "&v=3");
        check(soft, "changes", "/changes.html?id=" + drafted + "&v=3");
        check(soft, "notices", "/notices.html");
        check(soft, "notice", "/notice.html?id=" + notice311()); // registered by the demo history, with its progress
        check(soft, "audit", "/audit.html");
        check(soft, "audit-task", "/audit.html?assignment=" + plan.substring(0, 8));
        check(soft, "stats", "/stats.html");
        check(soft, "reports", "/reports.html");
        check(soft, "tokens", "/tokens.html");
        check(soft, "search", "/search.html?q=den+led"); // the header's search, without tone marks

        browser.signIn("qldt");
        check(soft, "unit-detail", "/assignment.html?id=" + led);
        browser.signIn("pct");
        check(soft, "leader-detail", "/assignment.html?id=" + led);
        browser.signIn("auditor");
        check(soft, "audit-person", "/audit.html?actor=" + "Nguyễn Thị Lan");
        browser.signIn("admin");
        check(soft, "admin-users", "/admin-users.html");
        check(soft, "admin-system", "/admin-system.html");
        soft.assertAll();
    }

    @Test
    @Order(2)
    void a_notification_reads_in_the_language_the_person_chose() {
        // Demo history: the chair sent v2 of the plan of notice 311 back to Phòng Tài chính - Kế hoạch, reopening
        // two of the points the meeting raised.
        browser.signIn("tckh");
        browser.find(By.id("bell")).click();
        browser.waitForText(By.id("bell-list"), "Yêu cầu chỉnh sửa dự thảo");
        // Each reopened point with what it asked (the ids alone told the unit nothing without opening the page), a
        // long one cut at a word.
        assertThat(browser.text(By.id("bell-list"))).contains("Dự thảo v2 của nhiệm vụ \"" + PLAN,
                "- Mở lại ý kiến 1.1: Yêu cầu chỉnh sửa bố cục của dự thảo Kế hoạch gồm 04 mục chính sau: Mục đích, yêu cầu;"
                        + " Mục tiêu tổng quát và mục tiêu cụ thể; Nhiệm vụ và giải pháp; Tổ chức thực hiện\n",
                "- Mở lại ý kiến 1.2: Để tránh trùng lặp các nội dung thực hiện Chương trình hành động", "trong 5…");
        switchLanguage("en");
        try {
            browser.find(By.id("bell")).click();
            browser.waitForText(By.id("bell-list"), "Draft revision requested");
            assertThat(browser.text(By.id("bell-list"))).contains("Draft v2 of assignment \"" + PLAN,
                            "- Point 1.1 reopened: Yêu cầu chỉnh sửa bố cục")
                    .doesNotContain("cần chỉnh sửa", "Yêu cầu chỉnh sửa dự thảo");
        } finally {
            switchLanguage("vi");
        }
    }

    @Test
    @Order(3)
    void a_clerk_chases_a_unit_and_a_leader_approves_a_draft_with_the_keyboard_alone_each_stop_showing_its_focus() {
        // Demo history: Phòng Tài chính - Kế hoạch holds the report, due in three days, nothing handed in yet.
        browser.signIn("clerk");
        browser.open("/assignment.html?id=" + idOf(REPORT));
        int steps = stepCount();
        press(".action-remind summary", "form-remind");
        browser.driver.switchTo().activeElement().sendKeys("Đề nghị trình dự thảo đúng hạn");
        press("#form-remind button[type=submit]", null);
        browser.waitForCount(By.cssSelector("#steps > li"), steps + 1);

        browser.signIn("pct");
        browser.open("/assignment.html?id=" + idOf(LED));
        steps = stepCount();
        press(".action-approve summary", "form-approve");
        browser.driver.switchTo().activeElement().sendKeys("Đồng ý");
        press("#form-approve button[type=submit]", null);
        browser.waitForCount(By.cssSelector("#steps > li"), steps + 1);
        assertThat(browser.text(By.cssSelector("#steps > li:last-child .step-title"))).startsWith("Phê duyệt");
    }

    @Test
    @Order(4)
    void an_auditor_filters_the_log_by_the_short_id_it_shows_and_by_a_name_typed_without_tone_marks() {
        browser.signIn("auditor");
        String plan = idOf(PLAN);
        browser.open("/audit.html");
        browser.type(By.cssSelector("#audit-filters [name='assignment']"), plan.substring(0, 8));
        browser.find(By.cssSelector("#audit-filters button[type=submit]")).click();
        browser.waitForText(By.tagName("h1"), "Nhật ký thao tác");
        List<String> rows = rows();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).contains(PLAN, plan.substring(0, 8)));

        browser.open("/audit.html");
        browser.type(By.cssSelector("#audit-filters [name='actor']"), "nguyen thi lan");
        browser.find(By.cssSelector("#audit-filters button[type=submit]")).click();
        rows = rows();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).contains("Nguyễn Thị Lan"));
        // Her steps on both tasks, each with the task's filter too: the clerk's first page alone holds whatever the
        // browser tests sharing this Docket registered as her since the demo (NoticePreviewBrowserTest's notices).
        for (String task : List.of(PLAN, REPORT)) {
            browser.open("/audit.html?actor=nguyen+thi+lan&assignment=" + idOf(task).substring(0, 8));
            assertThat(rows()).as(task).isNotEmpty().allSatisfy(row -> assertThat(row).contains("Nguyễn Thị Lan", task));
        }
    }

    @Test
    @Order(5)
    void a_refused_attempt_reads_in_vietnamese_in_the_audit_log_without_the_servers_english_reason() {
        browser.signIn("qldt");
        String led = idOf(LED);
        Object status = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const token = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1]);"
                + "fetch('/api/assignments/' + arguments[0] + '/reminders', {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': token}, body: '{}'})"
                + ".then(r => done(r.status)).catch(e => done(String(e)));", led);
        assertThat(status).isEqualTo(403L);

        browser.signIn("auditor");
        browser.open("/audit.html?assignment=" + led.substring(0, 8));
        browser.waitForText(By.id("audit-log"), "Bị từ chối quyền");
        browser.script("document.querySelectorAll('details').forEach(d => d.open = true)");
        assertThat(englishOrIso()).isEmpty();
        assertThat(browser.text(By.id("audit-log"))).contains("Quy tắc", "Phương thức");
    }

    @Test
    @Order(6)
    void on_a_phone_the_list_and_the_audit_log_begin_on_the_first_screen_with_their_filters_folded_and_counted() {
        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.signIn("clerk");
            browser.open("/assignments.html?status=ASSIGNED");
            assertThat(browser.text(By.cssSelector("details.filter-fold > summary"))).isEqualTo("Bộ lọc (1 đang dùng)");
            assertFirstRowOnTheFirstScreen("the list");
            browser.screenshot("list-filters-folded-phone");
            assertThat(browser.all(By.cssSelector("#filters [name='status']")).get(0).isDisplayed()).isFalse();
            browser.find(By.cssSelector("details.filter-fold > summary")).click();
            assertThat(browser.find(By.cssSelector("#filters [name='status']")).isDisplayed()).isTrue();

            browser.open("/audit.html");
            assertThat(browser.text(By.cssSelector("details.filter-fold > summary"))).isEqualTo("Bộ lọc");
            assertFirstRowOnTheFirstScreen("the audit log");
            browser.screenshot("audit-filters-folded-phone");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }
    }

    @Test
    @Order(7)
    void on_a_phone_the_header_is_one_line_and_its_menu_unfolds_the_navigation_and_who_is_signed_in() {
        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.signIn("clerk");
            browser.open("/assignments.html");
            browser.present(By.cssSelector("main h1"));
            Number folded = (Number) browser.script("return document.querySelector('header.top').getBoundingClientRect().height");
            assertThat(folded.doubleValue()).as("height of the folded header on a phone, in px").isLessThan(56);
            assertThat(browser.find(By.id("who-name")).getText()).isEqualTo("Nguyễn Thị Lan");
            assertThat(browser.find(By.id("bell")).isDisplayed()).isTrue();
            assertThat(browser.all(By.id("top-nav")).get(0).isDisplayed()).isFalse();
            assertThat(browser.all(By.id("sign-out")).get(0).isDisplayed()).isFalse();
            browser.screenshot("header-folded-phone");

            browser.find(By.id("menu-toggle")).click();
            assertThat(browser.find(By.id("menu-toggle")).getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(browser.find(By.id("sign-out")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("who-unit")).getText()).isEqualTo("Văn phòng HĐND và UBND thành phố");
            browser.screenshot("header-unfolded-phone");
            browser.find(By.cssSelector("#top-nav a[href='/notices.html']")).click();
            browser.waitForText(By.tagName("h1"), "Văn bản giao nhiệm vụ");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }
        browser.open("/assignments.html");
        assertThat(browser.find(By.id("sign-out")).isDisplayed()).as("the whole header at desktop width").isTrue();
        assertThat(browser.all(By.id("menu-toggle")).get(0).isDisplayed()).as("no menu button at desktop width").isFalse();
    }

    @Test
    @Order(8)
    void a_deadline_filter_outside_the_dates_docket_accepts_is_named_under_the_filters_which_stay_to_be_corrected() {
        browser.signIn("clerk");
        // 2200 for 2020: one wrong key. The page showed the refusal alone, with no filters left to correct.
        browser.open("/assignments.html?deadlineTo=2200-01-01");
        browser.waitForText(By.cssSelector("main .error"), "Ngày nằm ngoài khoảng thời gian Docket nhận.");
        assertThat(browser.present(By.cssSelector("#filters [name='deadlineTo']")).getAttribute("value")).isEqualTo("1/1/2200");
        assertThat(browser.all(By.id("view-all"))).hasSize(1);
        screenshots("list-refused-filter");
    }

    @Test
    @Order(9)
    void a_title_typed_as_one_long_run_wraps_instead_of_pushing_the_page_sideways() {
        String link = "https://vanban.langson.gov.vn/van-ban/chi-dao-dieu-hanh/ke-hoach-so-95-KH-UBND-trien-khai-chuong-trinh"
                + "-hanh-dong-thuc-hien-nghi-quyet-dai-hoi-dang-bo-thanh-pho-lan-thu-XXIII-nhiem-ky-2020-2025.pdf";
        browser.signIn("clerk");
        browser.open("/assignments.html");
        browser.type(By.cssSelector("#assign-form [name='title']"), "Kế hoạch theo " + link);
        browser.type(By.cssSelector("#assign-form [name='leadUnit']"), "Phòng Kinh tế");
        browser.type(By.cssSelector("#assign-form [name='coordinatingUnits']"), link);
        browser.choose(By.cssSelector("#assign-form [name='level1']"), "Lãnh đạo UBND thành phố");
        browser.find(By.cssSelector("#assign-form button[type=submit]")).click();
        browser.until(d -> browser.url().contains("/assignment.html"));
        stepCount();
        assertThat((Boolean) browser.script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"))
                .as("sideways scrolling at desktop width").isFalse();
        screenshots("long-run-title"); // and none at phone width
    }

    @Test
    @Order(10)
    @SuppressWarnings("unchecked")
    void the_header_of_a_column_of_figures_stands_right_aligned_over_its_figures() {
        browser.signIn("clerk");
        browser.open("/");
        browser.find(By.cssSelector("#by-unit tbody tr"));
        List<Object> alignments = (List<Object>) browser.script("return [...document.querySelectorAll('#by-unit thead th')]"
                + ".map(th => getComputedStyle(th).textAlign)");
        // The lead unit, the four timeliness classes and the total.
        assertThat(alignments).containsExactly("left", "right", "right", "right", "right", "right");
        browser.screenshot("dashboard-figures-desktop");
    }

    @Test
    @Order(11)
    void a_notice_link_cut_short_says_the_notice_is_unknown_as_a_task_link_does() {
        browser.signIn("clerk");
        browser.open("/notice.html?id=3c5de38c-3b27");
        // The page said "Dữ liệu gửi lên không đúng định dạng." though the person sent nothing.
        browser.waitForText(By.cssSelector("main .error"), "Không tìm thấy văn bản này.");
        browser.open("/assignment.html?id=3c5de38c-3b27");
        browser.waitForText(By.cssSelector("main .error"), "Không tìm thấy nhiệm vụ này.");
    }

    @Test
    @Order(12)
    void on_a_phone_the_folded_header_shows_the_whole_name_of_the_person_signed_in() {
        browser.driver.manage().window().setSize(PHONE);
        try {
            // The header cut them to "Quản trị hệ th…" and, beside the bell's count, "Hoàng Vă…".
            for (String user : List.of("admin", "chair")) {
                browser.signIn(user);
                browser.open("/assignments.html");
                browser.present(By.cssSelector("main h1"));
                assertThat((Boolean) browser.script("const e = document.getElementById('who-name');"
                        + "return e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight"))
                        .as(user + "'s name cut short in the folded header").isFalse();
                Number height = (Number) browser.script("return document.querySelector('header.top').getBoundingClientRect().height");
                assertThat(height.doubleValue()).as("height of the folded header on a phone, in px").isLessThan(56);
            }
            browser.screenshot("header-whole-name-phone");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }
    }

    @Test
    @Order(13)
    void the_audit_logs_details_are_named_once_on_a_phone_card_and_fit_one_line_at_desktop_width() {
        browser.signIn("auditor");
        browser.open("/audit.html");
        browser.find(By.cssSelector("#audit-log tbody tr"));
        // "▶ Chi tiết" broke over three lines in its narrow column, making every row taller.
        Number lines = (Number) browser.script("const s = document.querySelector('#audit-log tbody td:last-child summary');"
                + "return Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight))");
        assertThat(lines.intValue()).as("lines of the first row's \"Chi tiết\"").isEqualTo(1);
        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.open("/audit.html");
            browser.find(By.cssSelector("#audit-log tbody tr"));
            // Each card ended on "Chi tiết: ▶ Chi tiết".
            assertThat((String) browser.script("return getComputedStyle(document.querySelector('#audit-log tbody td:last-child'),"
                    + " '::before').content")).doesNotContain("Chi tiết");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }
    }

    @Test
    @Order(14)
    void on_a_phone_each_item_of_a_notice_is_a_card_headed_by_its_number_and_title() {
        browser.signIn("clerk");
        String notice = "/notice.html?id=" + notice311();
        browser.open(notice);
        String title = browser.text(By.cssSelector("#notice-items tbody tr:first-child a"));
        // At desktop width the number has its own column; the title's cell holds the title alone.
        assertThat(browser.text(By.cssSelector("#notice-items tbody tr:first-child th"))).isEqualTo("1");
        assertThat(browser.text(By.cssSelector("#notice-items tbody tr:first-child td"))).isEqualTo(title);
        browser.screenshot("notice-cards-desktop");
        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.open(notice);
            browser.find(By.cssSelector("#notice-items tbody tr"));
            browser.screenshot("notice-cards-phone");
            // The card began with a bare "1", which names nothing a clerk looks for. (innerText: WebDriver's text
            // runs a row's cells together on one line even where the card stacks them.)
            assertThat((String) browser.script("return document.querySelector('#notice-items tbody tr').innerText"))
                    .startsWith("Mục 1. " + title + "\n");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }
    }

    @Test
    @Order(15)
    void an_inspector_filtering_the_log_is_told_the_dates_are_the_days_recorded_finds_by_the_day_it_took_effect_and_is_offered_the_units_by_name() {
        browser.signIn("auditor");
        browser.open("/audit.html");
        browser.find(By.cssSelector("#audit-log tbody tr"));
        // The demo history was recorded at start-up; its steps took effect days before. An inspector looking for the
        // day one of them was done, as the log shows it, got an empty table and no word why.
        String done = (String) browser.script("return [...document.querySelectorAll('#audit-log tbody tr')]"
                + ".map(r => [r.cells[0].innerText.split(' ')[0], r.cells[1].innerText]).find(([rec, eff]) => rec !== eff)[1]");
        assertThat(browser.text(By.cssSelector("label[for='" + browser.find(By.cssSelector("#audit-filters [name='from']"))
                .getAttribute("id") + "']"))).isEqualTo("Ghi nhận từ ngày");
        browser.type(By.cssSelector("#audit-filters [name='from']"), done);
        browser.type(By.cssSelector("#audit-filters [name='to']"), done);
        browser.find(By.cssSelector("#audit-filters button[type=submit]")).click();
        assertThat(browser.text(By.id("audit-none"))).startsWith("Không có sự kiện nào được ghi nhận trong những ngày đã chọn")
                .contains("theo ngày ghi vào Docket, không theo ngày thực hiện").contains("Thực hiện từ ngày");
        screenshots("audit-none-recorded");

        // The same day as the day it took effect: every step done that day, whenever it was recorded.
        browser.type(By.cssSelector("#audit-filters [name='from']"), "");
        browser.type(By.cssSelector("#audit-filters [name='to']"), "");
        browser.type(By.cssSelector("#audit-filters [name='effectiveFrom']"), done);
        browser.type(By.cssSelector("#audit-filters [name='effectiveTo']"), done);
        browser.find(By.cssSelector("#audit-filters button[type=submit]")).click();
        browser.until(d -> browser.url().contains("effectiveFrom="));
        browser.find(By.cssSelector("#audit-log tbody tr"));
        @SuppressWarnings("unchecked")
        List<String> effective = (List<String>) browser.script(
                "return [...document.querySelectorAll('#audit-log tbody tr')].map(r => r.cells[1].innerText)");
        assertThat(effective).isNotEmpty().allSatisfy(day -> assertThat(day).isEqualTo(done));
        screenshots("audit-effective");

        // The unit filter takes a unit's whole name: the page offers the directory's names as it is typed.
        assertThat(browser.present(By.cssSelector("#audit-filters [name='unit']")).getAttribute("list")).isEqualTo("units");
        assertThat(browser.all(By.cssSelector("datalist#units option[value='Phòng Tài chính - Kế hoạch']"))).hasSize(1);
    }

    /** Both of the log's ranges were refused as '"Đến ngày" sớm hơn "từ ngày".', which named neither. */
    @Test
    @Order(16)
    void an_inspector_who_types_a_range_the_wrong_way_round_is_told_which_of_the_logs_two_ranges_it_is() {
        browser.signIn("auditor");
        browser.open("/audit.html");
        browser.find(By.cssSelector("#audit-log tbody tr"));
        browser.type(By.cssSelector("#audit-filters [name='effectiveFrom']"), "20/4/2021");
        browser.type(By.cssSelector("#audit-filters [name='effectiveTo']"), "1/4/2021");
        browser.find(By.cssSelector("#audit-filters button[type=submit]")).click();
        String error = browser.find(By.cssSelector("#audit-filters [name='effectiveTo']")).getAttribute("aria-describedby");
        browser.waitForText(By.id(error.substring(error.lastIndexOf(' ') + 1)), "“Thực hiện đến ngày” sớm hơn “Thực hiện từ ngày”.");
        assertThat(browser.url()).doesNotContain("effectiveFrom");
    }

    /**
     * A page past the end said "Trang 8/2" over an empty table, and "Trang trước" led to page 7, as empty; once it said
     * how many pages there are, its pager still claimed "Trang 8/2 · 55 mục" under that sentence, and the table's
     * header row stood empty below it.
     */
    @Test
    @Order(17)
    void an_inspector_on_a_page_past_the_end_of_the_log_is_told_so_and_led_back_to_its_last_page() {
        browser.signIn("auditor");
        browser.open("/audit.html?page=7");
        Pattern pastEnd = Pattern.compile("Nhật ký chỉ có (\\d+) trang; trang này không có sự kiện nào\\.");
        String none = browser.text(By.id("audit-none"));
        assertThat(none).as("the log says how many pages it has").matches(pastEnd);
        Matcher said = pastEnd.matcher(none);
        said.matches();
        // No page of pages under it: the pager offers the last page alone, by its number; nor a table's empty header.
        assertThat(browser.text(By.cssSelector("nav.pager"))).isEqualTo("Về trang cuối (trang " + said.group(1) + ")");
        assertThat(browser.driver.findElements(By.id("audit-log"))).isEmpty();
        screenshots("audit-past-end");
        browser.find(By.cssSelector("nav.pager a")).click();
        browser.find(By.cssSelector("#audit-log tbody tr"));
        assertThat(browser.text(By.cssSelector("nav.pager span"))).matches("Trang " + said.group(1) + "/" + said.group(1) + " · \\d+ mục");
    }

    /**
     * The list's pager, the same as the log's: a page past the end said "Trang 8/1" and, over no rows, that no task
     * matches the filters, which is not why the page is empty.
     */
    @Test
    @Order(18)
    void a_clerk_on_a_page_past_the_end_of_the_list_is_told_how_many_pages_it_has_and_led_back_to_the_last() {
        browser.signIn("clerk");
        browser.open("/assignments.html?status=ISSUED&page=7");
        Pattern pastEnd = Pattern.compile("Danh sách chỉ có (\\d+) trang; trang này không có nhiệm vụ nào\\.");
        String none = browser.text(By.id("no-results"));
        assertThat(none).as("the list says how many pages it has").matches(pastEnd);
        Matcher said = pastEnd.matcher(none);
        said.matches();
        assertThat(browser.text(By.cssSelector("nav.pager"))).isEqualTo("Về trang cuối (trang " + said.group(1) + ")");
        screenshots("list-past-end");
        browser.find(By.cssSelector("nav.pager a")).click();
        browser.find(By.cssSelector("#assignments tbody tr"));
        assertThat(browser.url()).contains("status=ISSUED");
        assertThat(browser.text(By.id("page-info"))).matches("Trang " + said.group(1) + "/" + said.group(1) + " · \\d+ mục");
    }

    /**
     * "Thay đổi so với v…" opened by hand with no version, a mistyped one or one that is not there said "Không tìm
     * thấy nhiệm vụ này." (or the draft was not found) of an assignment that exists: it says what is wrong with the
     * versions, under a link back to the assignment.
     */
    @Test
    @Order(19)
    void a_changes_or_draft_link_with_its_versions_missing_mistyped_or_not_there_says_so_under_a_link_back_to_the_assignment() {
        browser.signIn("clerk");
        String plan = demoPlanWithItsDraftFiles();
        browser.open("/changes.html?id=" + plan + "&v=99");
        assertThat(browser.text(By.id("changes-problem"))).matches("Nhiệm vụ này không có dự thảo v99; bản mới nhất là v\\d+\\.");
        assertThat(browser.text(By.id("back"))).startsWith(PLAN);
        screenshots("changes-no-version");
        browser.open("/changes.html?id=" + plan + "&v=3&from=98");
        assertThat(browser.text(By.id("changes-problem"))).matches("Nhiệm vụ này không có dự thảo v98; bản mới nhất là v\\d+\\.");

        String missing = "Liên kết này không cho biết cần so sánh hai bản dự thảo nào. Hãy mở nhiệm vụ ở liên kết trên và chọn"
                + " bản dự thảo trong mục “Các bước”.";
        for (String wrong : List.of("", "&v=", "&v=abc", "&v=3&from=abc", "&v=0")) {
            browser.open("/changes.html?id=" + plan + wrong);
            assertThat(browser.text(By.id("changes-problem"))).as(wrong).isEqualTo(missing);
            assertThat(browser.text(By.id("back"))).startsWith(PLAN);
        }
        screenshots("changes-versions-missing");
        browser.open("/changes.html?id=" + plan + "&v=1");
        assertThat(browser.text(By.id("changes-problem"))).isEqualTo("Dự thảo v1 là bản đầu tiên: không có bản trước để so sánh.");

        // An assignment that is not there is still said to be so.
        browser.open("/changes.html?id=00000000-0000-0000-0000-000000000000&v=3");
        assertThat(browser.text(By.cssSelector("main p.error"))).isEqualTo("Không tìm thấy nhiệm vụ này.");

        // The page of one version, the same.
        browser.open("/draft.html?id=" + plan + "&v=99");
        assertThat(browser.text(By.id("draft-problem"))).matches("Nhiệm vụ này không có dự thảo v99; bản mới nhất là v\\d+\\.");
        for (String wrong : List.of("", "&v=abc", "&v=0")) {
            browser.open("/draft.html?id=" + plan + wrong);
            assertThat(browser.text(By.id("draft-problem"))).as(wrong).isEqualTo("Liên kết này không cho biết bản dự thảo"
                    + " nào. Hãy mở nhiệm vụ ở liên kết trên và chọn bản dự thảo trong mục “Các bước”.");
            assertThat(browser.text(By.id("back"))).startsWith(PLAN);
        }
        browser.open("/draft.html?id=00000000-0000-0000-0000-000000000000&v=1");
        assertThat(browser.text(By.cssSelector("main p.error"))).isEqualTo("Không tìm thấy nhiệm vụ này.");
    }

    private void assertFirstRowOnTheFirstScreen(String page) {
        browser.find(By.cssSelector("main table tbody tr"));
        Number top = (Number) browser.script("return document.querySelector('main table tbody tr').getBoundingClientRect().top");
        Number screen = (Number) browser.script("return window.innerHeight");
        assertThat(top.doubleValue()).as("top of the first row of " + page + " on a phone").isLessThan(screen.doubleValue());
    }

    /** The audit log's rows once the filtered page has drawn them. */
    private List<String> rows() {
        browser.until(d -> !browser.url().endsWith("/audit.html"));
        browser.find(By.id("audit-log"));
        return browser.all(By.cssSelector("#audit-log tbody tr")).stream().map(org.openqa.selenium.WebElement::getText).toList();
    }

    private int stepCount() {
        browser.find(By.id("steps"));
        browser.find(By.id("actions"));
        return browser.all(By.cssSelector("#steps > li")).size();
    }

    /**
     * Tab from the top of the page to the control, every stop on the way with a visible focus ring, then Enter. A
     * closed action opens on Enter and the next Tab reaches its first field (in the form given).
     */
    private void press(String selector, String formId) {
        for (int stops = 0; ; stops++) {
            assertThat(stops).as("Tab reaches " + selector).isLessThan(150);
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat((String) browser.script("const e = document.activeElement, s = getComputedStyle(e);"
                    + "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'visible'"
                    + " : e.tagName + '#' + e.id + '.' + e.className")).as("the focus ring").isEqualTo("visible");
            if ((Boolean) browser.script("return document.activeElement.matches(arguments[0])", selector)) {
                break;
            }
        }
        if (formId == null) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            return;
        }
        if (!(Boolean) browser.script("return document.activeElement.parentElement.open")) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        }
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat((String) browser.script("return document.activeElement.form && document.activeElement.form.id"))
                .isEqualTo(formId);
    }

    /** The header's language button, and the page drawn again in that language. */
    private void switchLanguage(String lang) {
        browser.find(By.id("lang")).click();
        browser.until(d -> lang.equals(browser.script("return document.documentElement.lang")));
        browser.find(By.id("who-name"));
    }

    private void check(SoftAssertions soft, String name, String path) {
        browser.driver.manage().window().setSize(DESKTOP);
        browser.open(path);
        loaded();
        soft.assertThat(Axe.seriousProblems(browser)).as(name + ": axe at desktop width").isEmpty();
        browser.screenshot("page-" + name + "-desktop");
        // What is folded away (forms, the audit log's details) is read too.
        browser.script("document.querySelectorAll('details').forEach(d => d.open = true)");
        soft.assertThat(englishOrIso()).as(name + ": English or ISO dates on the Vietnamese page").isEmpty();
        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.open(path); // as a phone opens it: pages that draw for the width draw for the phone's
            loaded();
            soft.assertThat(wider()).as(name + ": what is wider than the phone").isEmpty();
            soft.assertThat(Axe.seriousProblems(browser)).as(name + ": axe at phone width").isEmpty();
            browser.screenshot("page-" + name + "-phone");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }
    }

    /** The page has drawn its content: a heading in main and no "loading" line left. */
    private void loaded() {
        browser.present(By.cssSelector("main h1"));
        browser.until(d -> !((String) browser.script("return document.getElementById('main').innerText")).contains("Đang tải"));
    }

    /**
     * innerText cannot see the words Chromium draws inside a native file input ("Choose File", "No file chosen", in
     * the browser's language), so a native input left visible is reported as such: Docket's chooser lays it
     * invisible over words of its own.
     */
    @SuppressWarnings("unchecked")
    private List<String> englishOrIso() {
        String text = (String) browser.script("return document.body.innerText");
        List<String> found = new java.util.ArrayList<>((List<String>) browser.script(
                "return [...document.querySelectorAll('input[type=file]')].filter(e => getComputedStyle(e).opacity !== '0')"
                        + ".map(e => 'the native file chooser #' + e.id + ' writes its own words')"));
        for (Pattern p : List.of(ENGLISH, ISO_DATE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int from = Math.max(0, m.start() - 40);
                found.add(text.substring(from, Math.min(text.length(), m.end() + 40)).replace('\n', ' '));
            }
        }
        return found;
    }

    /**
     * What needs sideways scrolling on the phone: the page itself, or a box of it that scrolls sideways (a wide
     * table). The plan path's chart is the one box allowed to, as a long timeline.
     */
    @SuppressWarnings("unchecked")
    private List<String> wider() {
        return (List<String>) browser.script("const w = document.documentElement.clientWidth; const out = [];"
                + "if (document.documentElement.scrollWidth > w + 1) {"
                + " for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();"
                + "  if (r.right > w + 1) out.push('page: ' + e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(r.right)); } }"
                + "for (const e of document.querySelectorAll('body *')) {"
                + " if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'"
                + "  && getComputedStyle(e).overflowX !== 'hidden' && !e.classList.contains('scroll-x'))"
                + "  out.push('box: ' + e.tagName + '.' + e.className + '#' + e.id + ' ' + e.scrollWidth); }"
                + "return out.slice(0, 8);");
    }

    @Test
    @Order(20)
    void a_draft_files_kind_reads_in_the_audit_log_as_the_draft_page_names_it_not_as_its_media_type() {
        browser.signIn("tckh");
        String plan = demoPlanWithItsDraftFiles();
        browser.open("/audit.html?assignment=" + plan.substring(0, 8));
        browser.waitForText(By.id("audit-log"), "Nộp dự thảo");
        browser.script("document.querySelectorAll('details').forEach(d => d.open = true)");
        // The demo plan's v2 and v3 are .docx files, as the draft's own page says: "Word (.docx)".
        assertThat(browser.text(By.id("audit-log"))).contains("Loại tệp: Word (.docx)")
                .doesNotContain("application/", "wordprocessingml");
    }

    /**
     * Walked as the inspector: the log printed as an appendix kept "▶ Chi tiết" of each entry and none of what it
     * recorded (the version approved, the deadline moved, the decision cited).
     */
    @Test
    @Order(21)
    void an_inspector_who_prints_the_log_is_given_every_entrys_details_on_paper() {
        browser.signIn("auditor");
        browser.open("/audit.html");
        browser.find(By.cssSelector("#audit-log tbody tr"));
        assertThat(browser.all(By.cssSelector("#audit-log details[open]"))).isEmpty();
        // The page's button asks the browser to print (stubbed: a headless print dialog would hang the test).
        browser.script("window.printed = false; window.print = () => { window.printed = true; };");
        browser.find(By.id("print-log")).click();
        assertThat(browser.script("return window.printed")).isEqualTo(true);
        // Printing, by the button or the browser's own menu, unfolds every entry first.
        browser.script("window.dispatchEvent(new Event('beforeprint'))");
        List<WebElement> details = browser.all(By.cssSelector("#audit-log details"));
        assertThat(details).isNotEmpty().allSatisfy(d -> assertThat(d.getAttribute("open")).isNotNull());
        assertThat(browser.find(By.cssSelector("#audit-log dl.payload")).isDisplayed()).isTrue();
    }

    /**
     * The demo plan whose v3 is a stored file. Another test of this context assigns item 1 of notice 311 by hand and
     * walks it, the same title, to issuance without files, so the title and status alone do not find it.
     */
    private String demoPlanWithItsDraftFiles() {
        Object id = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/assignments?size=200', {credentials: 'same-origin', headers: {Accept: 'application/json'}})"
                        + ".then(r => r.json()).then(async page => {"
                        + "  for (const a of page.items.filter(a => a.title.startsWith(arguments[0]))) {"
                        + "    const text = await fetch('/api/assignments/' + a.id + '/drafts/3/text', {credentials: 'same-origin'});"
                        + "    if (text.ok && (await text.json()).documentName.endsWith('dự thảo 3.docx')) return a.id;"
                        + "  }"
                        + "  return null; }).then(done).catch(e => done(null));", PLAN);
        assertThat(id).as("the demo plan with its v3 file").isNotNull();
        return (String) id;
    }

    /** The id of notice 311/TB-UBND, which the demo history registered. */
    @SuppressWarnings("unchecked")
    private String notice311() {
        Map<String, Object> answer = (Map<String, Object>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/notices', {credentials: 'same-origin', headers: {Accept: 'application/json'}})"
                        + ".then(r => r.json()).then(done).catch(e => done({error: String(e)}));");
        return ((List<Map<String, Object>>) answer.get("items")).stream()
                .filter(n -> "311/TB-UBND".equals(n.get("number"))).map(n -> (String) n.get("id")).findFirst().orElseThrow();
    }

    private String idOf(String title) {
        return idOf(title, null);
    }

    /** {@code status} null: any; the demo plan is the issued one (that walk adds one of the same title). */
    @SuppressWarnings("unchecked")
    private String idOf(String title, String status) {
        Map<String, Object> answer = (Map<String, Object>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/assignments?size=200', {credentials: 'same-origin', headers: {Accept: 'application/json'}})"
                        + ".then(r => r.json()).then(done).catch(e => done({error: String(e)}));");
        List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
        String id = items.stream().filter(a -> ((String) a.get("title")).startsWith(title))
                .filter(a -> status == null || status.equals(a.get("status")))
                .map(a -> (String) a.get("id")).findFirst().orElseThrow();
        assertThat(id).hasSize(36);
        return id;
    }
}
