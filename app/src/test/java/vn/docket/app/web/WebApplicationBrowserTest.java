package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.DocketApplication;
import vn.docket.app.StoredEvents;
import vn.docket.events.AccessDenied;

/**
 * The web application in Debian's headless Chromium, on Docket with its demo history: every demo user
 * signs in, and item 1 of Thông báo 311/TB-UBND walks from assignment to issuance through the pages,
 * each step done by the person whose job it is. Screenshots of the dashboard and the plan path go to
 * target/screenshots/.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Selenium warns that it has no DevTools bindings for this Chromium; nothing here uses them.
        properties = {"docket.demo.data=true", "logging.level.org.openqa.selenium=ERROR"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebApplicationBrowserTest extends BrowserTest {

    static final String TCKH = "Phòng Tài chính - Kế hoạch";
    static final String LEADERS = "Lãnh đạo UBND thành phố";
    static final String TITLE = "Dự thảo Kế hoạch thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố "
            + "Lạng Sơn thực hiện Nghị quyết Đại hội đại biểu Đảng bộ thành phố Lạng Sơn lần thứ XXIII, nhiệm kỳ 2020-2025";
    static final List<String> REQUIREMENTS = List.of(
            "Chỉnh sửa bố cục gồm 04 mục chính: Mục đích, yêu cầu; Mục tiêu tổng quát và mục tiêu cụ thể; "
                    + "Nhiệm vụ và giải pháp; Tổ chức thực hiện",
            "Có nhiệm vụ trọng tâm và định hướng một số nhiệm vụ cụ thể trong 5 năm tới",
            "Đề ra lộ trình cụ thể và gắn trách nhiệm của các cơ quan tham mưu, thực hiện");

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/yyyy");

    @Autowired
    MongoDatabase database;

    @Autowired
    EventStore store;

    String itemOne;

    @Test
    @Order(1)
    void every_demo_user_signs_in_sees_their_name_unit_and_role_and_signs_out() {
        Map<String, List<String>> people = Map.of(
                "clerk", List.of("Nguyễn Thị Lan", "Văn phòng HĐND và UBND thành phố", "Chuyên viên Văn phòng"),
                "tckh", List.of("Trần Văn Minh", TCKH, "Cán bộ đơn vị"),
                "qldt", List.of("Lê Thị Hoa", "Phòng Quản lý đô thị", "Cán bộ đơn vị"),
                "pct", List.of("Phạm Văn Đức", LEADERS, "Phó Chủ tịch"),
                "chair", List.of("Hoàng Văn Nam", LEADERS, "Chủ tịch"),
                "auditor", List.of("Vũ Thị Mai", "Thanh tra thành phố", "Thanh tra"),
                "admin", List.of("Quản trị hệ thống", "(không thuộc đơn vị)", "Quản trị hệ thống"));
        browser.open("/");
        assertThat(browser.url()).as("a page asks for sign-in first").endsWith("/login.html");
        assertThat(browser.text(By.id("demo-hint"))).contains("clerk", "demo");
        people.forEach((user, expected) -> {
            browser.signInThroughTheForm(user);
            assertThat(List.of(browser.text(By.id("who-name")), browser.text(By.id("who-unit")),
                    browser.text(By.id("who-role")))).as(user).isEqualTo(expected);
            browser.find(By.tagName("h1"));
            browser.find(By.id("sign-out")).click();
            assertThat(browser.text(By.id("login-message"))).isEqualTo("Bạn đã đăng xuất.");
        });
        browser.open("/assignments.html");
        assertThat(browser.url()).as("signed out means signed out").endsWith("/login.html");
    }

    @Test
    @Order(2)
    void a_wrong_password_is_refused_in_vietnamese_and_the_first_tab_stop_skips_to_the_content() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login.html");
        browser.type(By.id("username"), "chair");
        browser.type(By.id("password"), "not-the-password");
        browser.find(By.id("login-submit")).click();
        assertThat(browser.text(By.id("login-message"))).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");

        browser.signIn("chair");
        browser.find(By.id("by-unit"));
        browser.find(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Chuyển đến nội dung chính");
    }

    @Test
    @Order(3)
    void item_one_of_notice_311_walks_to_issuance_each_step_by_the_right_person_and_its_path_is_drawn() {
        // The office's clerk assigns the plan as the meeting of 13/4/2021 concluded.
        browser.signIn("clerk");
        browser.open("/assignments.html");
        browser.type(field("assign-form", "title"), TITLE);
        browser.choose(field("assign-form", "kind"), "Kế hoạch");
        browser.type(field("assign-form", "leadUnit"), TCKH);
        browser.type(field("assign-form", "deadline"), "25/04/2021");
        browser.choose(field("assign-form", "level1"), LEADERS);
        browser.type(field("assign-form", "notice"), "311/TB-UBND");
        browser.type(field("assign-form", "item"), "1");
        browser.type(field("assign-form", "effectiveDate"), "13/04/2021");
        browser.find(By.cssSelector("#assign-form button[type=submit]")).click();
        assertThat(browser.text(By.id("assignment-title"))).isEqualTo(TITLE);
        itemOne = browser.url().replaceAll(".*id=", "");
        stepsShown(1);
        // What a clerk does most on a task the unit holds is chase it: the reminder comes first, open. The list is
        // the server's: a clerk may record a draft or an extension request the unit handed in on paper, and the forms
        // say so (named as the unit's own, "Nộp dự thảo" and "Đề nghị gia hạn", they read as offered to her by mistake).
        assertThat(actionsOffered()).containsExactly("Đôn đốc", "Ghi nhận dự thảo đơn vị nộp bản giấy",
                "Ghi nhận đề nghị gia hạn của đơn vị", "Gia hạn",
                "Giao lại cho đơn vị khác", "Hủy nhiệm vụ");

        // The unit finds it waiting on its dashboard and hands in draft v1 at the meeting.
        browser.signIn("tckh");
        browser.find(By.linkText(TITLE)).click();
        stepsShown(1);
        browser.present(field("form-draft", "documentFile")).sendKeys(DraftFilesBrowserTest.file("Dự thảo KH v1.txt",
                "Kế hoạch thực hiện Chương trình hành động\nBản dự thảo lần 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        browser.type(field("form-draft", "effectiveDate"), "13/04/2021");
        submit("form-draft");
        stepsShown(2);
        // With its draft under review the unit can still ask for more time, as the command side allows.
        assertThat(actionsOffered()).containsExactly("Đề nghị gia hạn");

        // The chair sends it back with the notice's requirements; an empty form is stopped before it is sent.
        browser.signIn("chair");
        assertThat(browser.text(By.id("mine"))).contains(TITLE);
        browser.open("/assignment.html?id=" + itemOne);
        submit("form-revision");
        assertThat(browser.text(By.cssSelector("#form-revision .field.invalid .field-error")))
                .isEqualTo("Vui lòng nhập nội dung cần chỉnh sửa, bổ sung.");
        browser.screenshot("revision-form");
        browser.type(field("form-revision", "reasons"), String.join("\n", REQUIREMENTS));
        browser.type(field("form-revision", "effectiveDate"), "13/04/2021");
        submit("form-revision");
        stepsShown(3);

        // The unit hands in draft v2 on 24/4.
        browser.signIn("tckh");
        browser.open("/assignment.html?id=" + itemOne);
        browser.type(field("form-draft", "documentName"), "Dự thảo KH v2.docx");
        browser.type(field("form-draft", "documentUrl"), "https://vanban.example.vn/kh-v2");
        browser.type(field("form-draft", "effectiveDate"), "24/04/2021");
        submit("form-draft");
        stepsShown(4);
        // In English the level it awaits is quoted as the Vietnamese name it is, as the notifications quote it: run into
        // the sentence, "Awaiting review at Lãnh đạo UBND thành phố since" read as broken English.
        browser.find(By.id("lang")).click();
        try {
            browser.waitForText(By.id("now"), "Awaiting review");
            assertThat(browser.text(By.id("now")))
                    .contains("Awaiting review at the approval level “" + LEADERS + "” since 24/4/2021 (");
            screenshots("plan-path-awaiting-review-english");
        } finally {
            browser.find(By.id("lang")).click();
            browser.waitForText(By.cssSelector("header nav"), "Tổng quan");
        }

        // The chair approves; a date before the last step is refused by the server, in Vietnamese.
        browser.signIn("chair");
        browser.open("/assignment.html?id=" + itemOne);
        browser.find(By.cssSelector(".action-approve summary")).click();
        browser.type(field("form-approve", "note"), "Đồng ý ban hành");
        browser.type(field("form-approve", "effectiveDate"), "23/04/2021");
        submit("form-approve");
        // The whole message is the rule's Vietnamese text: the server's English detail stays out of it.
        assertThat(browser.text(By.cssSelector("#form-approve [role=alert]")))
                .isEqualTo("Ngày thực hiện sớm hơn bước đã ghi nhận gần nhất.");
        browser.type(field("form-approve", "effectiveDate"), "26/04/2021");
        submit("form-approve");
        stepsShown(5);

        // The clerk records the issued plan.
        browser.signIn("clerk");
        browser.open("/assignment.html?id=" + itemOne);
        assertThat(actionsOffered()).containsExactly("Ghi nhận ban hành", "Hủy nhiệm vụ");
        browser.type(field("form-issue", "documentNumber"), "95/KH-UBND");
        browser.type(field("form-issue", "issuedOn"), "25/04/2021");
        submit("form-issue");
        // The day it was approved, which the clerk must not go before, is in the message.
        browser.waitForText(By.cssSelector("#form-issue [role=alert]"), "Ngày ban hành");
        assertThat(browser.text(By.cssSelector("#form-issue [role=alert]")))
                .isEqualTo("Ngày ban hành sớm hơn ngày phê duyệt (26/4/2021).");
        browser.type(field("form-issue", "issuedOn"), "28/04/2021");
        submit("form-issue");
        stepsShown(6);

        // What the auditor sees: the path, who did each step, the figures, the drawing.
        browser.signIn("auditor");
        browser.open("/assignment.html?id=" + itemOne);
        stepsShown(6);
        assertThat(browser.all(By.cssSelector("#steps .step-title")).stream().map(WebElement::getText)).containsExactly(
                "Giao nhiệm vụ", "Nộp dự thảo v1", "Yêu cầu chỉnh sửa – vòng 1", "Nộp dự thảo v2",
                "Phê duyệt v2: Lãnh đạo UBND thành phố", "Ban hành văn bản 95/KH-UBND");
        assertThat(browser.all(By.cssSelector("#steps .who")).stream().map(WebElement::getText)).containsExactly(
                "Nguyễn Thị Lan (Văn phòng HĐND và UBND thành phố, Chuyên viên Văn phòng)",
                "Trần Văn Minh (Phòng Tài chính - Kế hoạch, Cán bộ đơn vị)",
                "Hoàng Văn Nam (Lãnh đạo UBND thành phố, Chủ tịch)",
                "Trần Văn Minh (Phòng Tài chính - Kế hoạch, Cán bộ đơn vị)",
                "Hoàng Văn Nam (Lãnh đạo UBND thành phố, Chủ tịch)",
                "Nguyễn Thị Lan (Văn phòng HĐND và UBND thành phố, Chuyên viên Văn phòng)");
        assertThat(browser.all(By.cssSelector("#steps time")).stream().map(WebElement::getText)).containsExactly(
                "13/4/2021", "13/4/2021", "13/4/2021", "24/4/2021", "26/4/2021", "28/4/2021");
        // The chair's steps say when Docket granted his role, not that he held it only "since" that day: the approval
        // dated 26/4/2021 read "giữ vai trò Chủ tịch từ" a day of 2026, as if he approved before he was chair.
        assertThat(browser.all(By.cssSelector("#steps .role-since")).stream().map(WebElement::getText)).hasSize(2)
                .allSatisfy(text -> assertThat(text).matches("vai trò Chủ tịch được Docket cấp ngày \\d{1,2}/\\d{1,2}/\\d{4}"));
        // Each requirement is a revision point, named by its id ("1.2") as the answers name it.
        assertThat(browser.all(By.cssSelector("#steps .reasons li")).stream().map(WebElement::getText))
                .isEqualTo(List.of("1.1 " + REQUIREMENTS.get(0), "1.2 " + REQUIREMENTS.get(1), "1.3 " + REQUIREMENTS.get(2)));
        assertThat(browser.text(By.cssSelector("#rounds .value"))).isEqualTo("1");
        assertThat(browser.text(By.cssSelector("#days-with-unit .value"))).isEqualTo("11");
        assertThat(browser.text(By.cssSelector("#days-awaiting-review .value"))).isEqualTo("2");
        assertThat(browser.text(By.id("facts"))).contains("Đã ban hành", "Hoàn thành đúng hạn", "25/4/2021",
                "95/KH-UBND – 28/4/2021");
        assertThat(browser.all(By.cssSelector(".path-canvas .path-label.mark")).stream().map(m -> m.getAttribute("data-mark")))
                .containsExactly("●", "v1", "R1", "v2", "✓", "★");
        // The server's periods: 13/4-24/4 with the unit, 24/4-26/4 awaiting review (the meeting day's
        // assigned-draft-revision steps give no period of their own).
        assertThat(browser.all(By.cssSelector("svg.path-chart rect.span-unit"))).hasSize(1);
        assertThat(browser.all(By.cssSelector("svg.path-chart rect.span-review"))).hasSize(1);
        assertThat(browser.text(By.id("no-actions"))).isNotEmpty();
        assertThat(browser.screenshot("plan-path")).satisfies(p -> assertThat(Files.size(p)).isPositive());

        browser.open("/audit.html?assignment=" + itemOne);
        browser.waitForCount(By.cssSelector("#audit-log tbody tr"), 6);
        assertThat(browser.all(By.cssSelector("#audit-log tbody tr td:nth-child(3)")).stream().map(WebElement::getText))
                .containsExactly("Ban hành", "Phê duyệt", "Nộp dự thảo", "Yêu cầu chỉnh sửa", "Nộp dự thảo",
                        "Giao nhiệm vụ");
        // The integrity check walked the whole store and found nothing touched.
        assertThat(browser.text(By.id("integrity")))
                .matches("(?s)Toàn vẹn: đã kiểm tra [0-9.]+ sự kiện, không phát hiện sửa đổi\\..*");
        browser.screenshot("audit");
    }

    /**
     * Walked as the inspector: the check said "Vị trí 40, nhiệm vụ 9d198ece-b325-41f8-b6df-24b63cb46e64, sự kiện số 0: bị
     * sửa", a UUID where the log shows a title, and a number the log shows nowhere: which entry was altered could not be
     * told from the page.
     */
    @Test
    @Order(13)
    void an_inspector_whose_check_finds_an_entry_edited_is_shown_its_task_by_title_and_the_entry_marked_in_the_log() {
        browser.signIn("auditor");
        // Someone with access to the database edits item one's first event.
        MongoCollection<Document> events = database.getCollection("docket_events");
        Document original = events.find(Filters.eq("streamKey", itemOne + "#0")).first();
        long position = ((Number) original.get("_id")).longValue();
        events.replaceOne(Filters.eq("_id", position), new Document(original).append("payload",
                original.getString("payload").replace("XXIII", "XXIV")));
        try {
            browser.open("/audit.html");
            browser.waitForCount(By.cssSelector("#integrity-problems li"), 1);
            assertThat(browser.text(By.id("integrity"))).startsWith("Phát hiện 1 sai lệch trong ");
            assertThat(browser.text(By.cssSelector("#integrity-problems li")))
                    .isEqualTo("Vị trí " + position + ", nhiệm vụ " + TITLE + ", sự kiện số 0: bị sửa");
            // The task leads to its own log, where the entry found wrong is marked beside what it recorded.
            browser.find(By.cssSelector("#integrity-problems li a")).click();
            browser.waitForText(By.id("integrity-problems"), "bị sửa");
            assertThat(browser.url()).endsWith("/audit.html?assignment=" + itemOne);
            List<String> marked = browser.all(By.xpath("//table[@id='audit-log']//tr[.//strong[@class='tampered']]/td[3]"))
                    .stream().map(WebElement::getText).toList();
            assertThat(marked).containsExactly("Giao nhiệm vụ\nKiểm tra toàn vẹn: bị sửa");
            screenshots("audit-entry-edited");
        } finally {
            events.replaceOne(Filters.eq("_id", position), original);
        }
    }

    @Test
    @Order(4)
    void the_dashboard_counts_the_four_classes_per_unit_and_lists_overdue_work_with_its_days() {
        LocalDate opened = LocalDate.now(clock);
        browser.signIn("pct");
        WebElement byUnit = browser.find(By.id("by-unit"));
        assertThat(byUnit.getText()).contains("Trong hạn", "Quá hạn", "Hoàn thành đúng hạn", "Hoàn thành quá hạn");
        // Demo history: the military command's plan is 5 days past its deadline without a draft.
        assertDaysOverdue(browser.find(By.xpath("//table[@id='overdue']//tr[td[contains(., 'Ban Chỉ huy Quân sự')]]")), opened);
        assertThat(browser.all(By.cssSelector("ul.hbars .hbar-part.tl-OVERDUE"))).isNotEmpty();
        // Demo history: the LED report's draft waits at the leadership, where a vice-chair acts.
        assertThat(browser.text(By.id("mine"))).contains("đèn Led");
        // Titled for a leader because /api/me says the vice-chair leads (Role.isLeader), not by a list in the page.
        assertThat(browser.find(By.id("mine")).findElement(By.xpath("../h2")).getText())
                .isEqualTo("Việc chờ tôi: dự thảo và đề nghị gia hạn chờ tôi quyết định");
        assertThat(browser.screenshot("dashboard")).satisfies(p -> assertThat(Files.size(p)).isPositive());
    }

    @Test
    @Order(5)
    void the_list_filters_by_unit_timeliness_and_text_and_each_row_opens_its_assignment() {
        browser.signIn("auditor");
        browser.open("/assignments.html");
        browser.type(field("filters", "unit"), TCKH);
        browser.choose(field("filters", "timeliness"), "Hoàn thành đúng hạn");
        browser.type(field("filters", "q"), "lang son");
        browser.find(By.cssSelector("#filters button[type=submit]")).click();
        // The plan the demo registered from notice 311 and issued, and the one walked above.
        browser.waitForCount(By.cssSelector("#assignments tbody tr"), 2);
        assertThat(browser.url()).contains("timeliness=DONE_ON_TIME");
        browser.screenshot("assignment-list");
        browser.find(By.linkText(TITLE)).click();
        assertThat(browser.text(By.id("assignment-title"))).isEqualTo(TITLE);

        browser.open("/assignments.html");
        browser.type(field("filters", "deadlineFrom"), "31/02/2021");
        browser.find(By.cssSelector("#filters button[type=submit]")).click();
        // Written right, but no such day: the page says so rather than ask for the format the clerk used.
        assertThat(browser.text(By.cssSelector("#filters .field.invalid .field-error")))
                .isEqualTo("Hạn từ ngày: không có ngày 31/02/2021 trên lịch.");
        browser.type(field("filters", "deadlineFrom"), "2/2021");
        browser.find(By.cssSelector("#filters button[type=submit]")).click();
        assertThat(browser.text(By.cssSelector("#filters .field.invalid .field-error")))
                .isEqualTo("Hạn từ ngày: ghi ngày theo dạng ngày/tháng/năm, ví dụ 25/4/2021.");
    }

    @Test
    @Order(6)
    void revision_statistics_chart_rounds_per_unit_and_per_kind() {
        browser.signIn("chair");
        browser.open("/stats.html");
        WebElement byUnit = browser.find(By.id("by-unit"));
        assertThat(byUnit.getText()).contains(TCKH);
        assertThat(browser.all(By.cssSelector("ul.hbars .hbar-part.bar"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.text(By.id("by-kind"))).contains("Kế hoạch");
        // A bar read "1,5 · Nhiều nhất 2 · số nhiệm vụ 2", and the military command's round still out "…".
        assertThat(browser.text(By.id("main"))).containsPattern("\\d · nhiều nhất \\d+ vòng · \\d+ nhiệm vụ")
                .contains("chưa nộp lại").doesNotContain("· Nhiều nhất", "…");
        browser.screenshot("revision-statistics");
    }

    @Test
    @Order(7)
    void a_clerk_imports_a_provincial_letter_names_its_route_confirms_and_sees_its_items_with_progress() {
        browser.signIn("clerk");
        // Demo history: notice 311 was registered from this very file, so its preview says so before anyone confirms.
        previewNotice("000_3625d3d5715c8dde.txt");
        browser.waitForText(By.id("registered-before"), "đã được đăng ký");

        // A letter of UBND tỉnh Lào Cai with two numbered items (corpus/key.json: two tasks, the second due 5/10/2026).
        previewNotice("corpus/c_24.txt");
        browser.waitForCount(By.cssSelector("#preview-items tbody tr"), 2);
        assertThat(browser.find(By.cssSelector("[data-path='notice.number']")).getAttribute("value"))
                .isEqualTo("9387/UBND-KT");
        assertThat(browser.find(By.cssSelector("[data-path='items[1].deadline']")).getAttribute("value"))
                .isEqualTo("5/10/2026");
        assertThat(browser.text(By.cssSelector("#preview-items tbody tr:first-child"))).contains("Bộ Chỉ huy Quân sự tỉnh");
        // The letter names no approval level; the clerk chooses where the results go.
        for (int i = 0; i < 2; i++) {
            browser.type(By.cssSelector("[data-path='items[" + i + "].submitTo']"), "Lãnh đạo UBND tỉnh");
        }
        // The province's bodies are no units of the city's directory: the clerk keeps them knowingly.
        // (The second item's coordinating "các cơ quan, đơn vị, địa phương" is a phrase: offered a unit, never kept.)
        browser.waitForCount(By.cssSelector(".lead-unknown input[data-kept-for]"), 3);
        browser.all(By.cssSelector(".lead-unknown input[data-kept-for]")).forEach(WebElement::click);
        browser.screenshot("notice-import");
        browser.find(By.id("confirm-import")).click();

        browser.waitForCount(By.cssSelector("#notice-items tbody tr"), 2);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Công văn số 9387/UBND-KT");
        assertThat(browser.text(By.cssSelector("#notice-items tbody tr:nth-child(2)")))
                .contains("Sở Nông nghiệp và Môi trường", "5/10/2026", "Quá hạn");
        browser.screenshot("notice");
        // On a phone each item is a card of its own: neither the page nor the items' box scrolls sideways.
        Dimension before = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(PHONE);
        try {
            assertThat(pageOverflow()).as("the notice page at phone width").isFalse();
            assertThat((Boolean) browser.script("const box = document.getElementById('notice-items').parentElement;"
                    + "return box.scrollWidth > box.clientWidth + 1")).as("the items scroll sideways in their box").isFalse();
            assertThat(browser.script("return [...document.querySelectorAll('#notice-items tbody tr')]"
                    + ".map(row => getComputedStyle(row).display)")).isEqualTo(List.of("block", "block"));
            browser.screenshot("phone-notice");
        } finally {
            browser.driver.manage().window().setSize(before);
        }

        // The same file again: the preview says at once that it is registered, before anyone confirms.
        previewNotice("corpus/c_24.txt");
        browser.waitForText(By.id("registered-before"), "đã được đăng ký");
        browser.screenshot("notice-import-again");
        // The list names each document by its type, read from its number: the province's letter is no notice.
        browser.waitForText(By.id("notices"), "Công văn số 9387/UBND-KT");
        assertThat(browser.text(By.id("notices"))).contains("Thông báo số 311/TB-UBND");
    }

    @Test
    @Order(8)
    void switching_to_english_translates_the_pages_and_keeps_dates_day_first() {
        browser.signIn("auditor");
        browser.open("/assignment.html?id=" + itemOne);
        browser.find(By.id("lang")).click();
        // Back in Vietnamese whatever fails here: the tests after this one read the pages in Vietnamese.
        try {
            browser.waitForText(By.cssSelector("header nav"), "Dashboard");
            assertThat(browser.text(By.id("who-role"))).isEqualTo("Auditor");
            assertThat(browser.text(By.cssSelector("#steps .step-title"))).isEqualTo("Assigned");
            assertThat(browser.text(By.cssSelector("#steps time"))).isEqualTo("13/4/2021");
            // The header's search box said "Search (with or without to" at desktop width: its hint shows whole.
            assertThat((Boolean) browser.script("const box = document.getElementById('search-q'); box.value = box.placeholder;"
                    + " const cut = box.scrollWidth > box.clientWidth; box.value = ''; return cut;"))
                    .as("the search box's hint cut short: %s", browser.find(By.id("search-q")).getAttribute("placeholder"))
                    .isFalse();
        } finally {
            browser.find(By.id("lang")).click();
            browser.waitForText(By.cssSelector("header nav"), "Tổng quan");
        }
    }

    @Test
    @Order(9)
    void at_phone_width_the_dashboard_and_the_plan_path_need_no_sideways_scrolling() {
        Dimension before = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.signIn("chair");
            browser.find(By.id("by-unit"));
            assertThat(pageOverflow()).as("dashboard").isFalse();
            browser.screenshot("phone-dashboard");
            browser.open("/assignment.html?id=" + itemOne);
            stepsShown(6);
            assertThat(pageOverflow()).as("assignment").isFalse();
            browser.screenshot("phone-plan-path");
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    /**
     * The plan path of the military command's plan (demo history: five days past its deadline, until the next test
     * extends it) drew the unit's time running on past the deadline like any other: nothing said it was late, or by how
     * long. The days past the deadline are hatched from the deadline's line to today's and said in words, the server's
     * count, at desktop and phone width.
     */
    @Test
    @Order(9)
    void a_leader_sees_on_the_plan_path_the_stretch_past_the_deadline_and_by_how_many_days_the_work_is_late() {
        browser.signIn("pct");
        browser.open("/assignments.html?q=khu+can+cu+chien+dau");
        browser.find(By.partialLinkText("khu căn cứ chiến đấu")).click();
        stepsShown(3);
        String days = browser.text(By.cssSelector("#facts .overdue-days")); // "5 ngày": the server's daysOverdue
        assertThat(browser.text(By.cssSelector(".path-label.late-label"))).isEqualTo("Quá hạn " + days + ", tính đến hôm nay");
        assertThat(browser.text(By.cssSelector(".path-box .legend"))).contains("Quá hạn");
        String stretch = "const r = document.querySelector('svg.path-chart rect.span-late');"
                + "const d = document.querySelector('svg.path-chart line.deadline');"
                + "const t = document.querySelector('svg.path-chart line.today');"
                + "return [r.x.baseVal.value - d.x1.baseVal.value,"
                + " r.x.baseVal.value + r.width.baseVal.value - t.x1.baseVal.value];";
        assertThat((List<?>) browser.script(stretch)).as("from the deadline to today")
                .allSatisfy(gap -> assertThat(((Number) gap).doubleValue()).isBetween(-0.5, 0.5));
        screenshots("plan-path-overdue");

        Dimension before = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.find(By.cssSelector(".path-label.late-label"));
            // The words stay whole inside the drawing at its phone width, not cut off at its edge.
            assertThat((Boolean) browser.script("const c = document.querySelector('.path-canvas').getBoundingClientRect();"
                    + "const l = document.querySelector('.late-label').getBoundingClientRect();"
                    + "return l.left >= c.left - 1 && l.right <= c.right + 1 && c.width <= 390")).isTrue();
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    @Test
    @Order(10)
    void a_clerk_extends_a_deadline_and_the_path_keeps_the_original_one_marked() {
        // Demo history: the military command's plan (notice 311, item 4) is five days past its deadline, counted from
        // the day the history was played, which is not today once the suite has run past midnight in Vietnam.
        browser.signIn("clerk");
        browser.open("/assignments.html?q=khu+can+cu+chien+dau");
        browser.find(By.partialLinkText("khu căn cứ chiến đấu")).click();
        stepsShown(3);
        String original = browser.text(By.id("deadline"));
        String extended = DAY.format(LocalDate.parse(original, DAY).plusDays(35));
        browser.find(By.cssSelector(".action-extend summary")).click();
        browser.type(field("form-extend", "newDeadline"), original);
        submit("form-extend");
        assertThat(browser.text(By.cssSelector("#form-extend .field.invalid .field-error")))
                .isEqualTo("Hạn mới phải sau hạn hiện tại (" + original + ").");
        browser.type(field("form-extend", "newDeadline"), extended);
        browser.type(field("form-extend", "reason"), "Chờ ý kiến của Bộ Chỉ huy Quân sự tỉnh");
        submit("form-extend");
        stepsShown(4);
        assertThat(browser.text(By.cssSelector("#steps li:last-child .step-title"))).isEqualTo("Gia hạn đến " + extended);
        assertThat(browser.text(By.cssSelector("#steps li:last-child .extra"))).isEqualTo("hạn trước đó " + original);
        assertThat(browser.text(By.id("deadline"))).isEqualTo(extended + " (hạn ban đầu " + original + ")");
        assertThat(browser.all(By.cssSelector("svg.path-chart line.original-deadline"))).hasSize(1);
    }

    @Test
    void a_contribution_links_to_the_main_assignment_in_words_that_say_where_it_leads() {
        // Demo history: notice 311 asks Phòng Quản lý đô thị for content that Phòng Tài chính - Kế hoạch compiles.
        browser.signIn("qldt");
        browser.open("/assignments.html?q=noi+dung+gui");
        browser.find(By.partialLinkText("Nội dung gửi Phòng Tài chính - Kế hoạch")).click();
        // "Mở văn bản" promised a document; the link opens the plan this content feeds.
        browser.find(By.linkText("Mở nhiệm vụ chính")).click();
        browser.waitForText(By.tagName("h1"), "Dự thảo Kế hoạch thực hiện Chương trình hành động");
    }

    @Test
    @Order(11)
    void an_unnumbered_draft_notice_is_named_as_such_and_its_items_link_back_to_it() {
        browser.signIn("clerk");
        previewNotice("001_d33d67fc94cd4e07.txt");
        browser.waitForCount(By.cssSelector("#preview-items tbody tr"), 6);
        browser.find(By.id("confirm-import")).click();

        browser.waitForCount(By.cssSelector("#notice-items tbody tr"), 6);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Văn bản (chưa có số)");
        // Its day is blank ("ngày   tháng 11 năm 2020"): the page says the month the text gives, not nothing.
        assertThat(browser.text(By.cssSelector("dl.facts"))).contains("tháng 11/2020 (chưa ghi ngày)");
        browser.find(By.cssSelector("#notice-items tbody tr:first-child td a")).click();
        browser.waitForText(By.id("facts"), "(chưa có số) – mục số 1");
        assertThat(browser.text(By.id("facts"))).doesNotContain("null");
        browser.find(By.linkText("(chưa có số) – mục số 1")).click();
        browser.waitForText(By.tagName("h1"), "Văn bản (chưa có số)");
    }

    /**
     * Only clerks, auditors and the administrator may verify the store: the audit log asks for the check for them
     * alone, so a unit's staff or a leader reading it meets no refusal and leaves no AccessDenied in the record.
     */
    @Test
    @Order(12)
    void the_audit_log_runs_the_integrity_check_only_for_those_who_may_verify_and_records_no_refusal_for_the_others() {
        long refusedBefore = refusedVerifications();
        for (String user : List.of("tckh", "pct")) {
            browser.signIn(user);
            browser.open("/audit.html");
            browser.find(By.id("audit-log"));
            assertThat(browser.all(By.cssSelector("main [role=alert]"))).as(user).isEmpty();
            assertThat(browser.text(By.id("main"))).as(user).doesNotContain("Kiểm tra toàn vẹn dữ liệu");
        }
        assertThat(refusedVerifications()).isEqualTo(refusedBefore);
        browser.signIn("auditor");
        browser.open("/audit.html");
        browser.find(By.id("audit-log"));
        assertThat(browser.text(By.id("integrity"))).startsWith("Toàn vẹn: đã kiểm tra");
    }

    private long refusedVerifications() {
        return StoredEvents.count(store, p -> p instanceof AccessDenied d && "/api/audit/verify".equals(d.path()));
    }

    /** Chooses one of the real notices in ../shared/notices on the import page and asks for its preview. */
    private void previewNotice(String file) {
        Path notice = Path.of(System.getProperty("docket.shared-dir", "../../shared"), "notices", file)
                .toAbsolutePath().normalize();
        browser.open("/notices.html");
        // The chooser speaks the page's language, not Chromium's ("Choose File", "No file chosen").
        assertThat(browser.text(By.cssSelector("#import-form .file-button"))).isEqualTo("Chọn tệp");
        assertThat(browser.text(By.cssSelector("#import-form .file-chosen"))).isEqualTo("Chưa chọn tệp");
        browser.present(By.id("notice-file")).sendKeys(notice.toString());
        assertThat(browser.text(By.cssSelector("#import-form .file-chosen")))
                .isEqualTo(notice.getFileName() + " (" + DraftFilesBrowserTest.kilobytes(notice) + " KB)");
        browser.find(By.id("preview-button")).click();
    }

        private boolean pageOverflow() {
        return (Boolean) browser.script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
    }

    private static By field(String formId, String name) {
        return By.cssSelector("#" + formId + " [name='" + name + "']");
    }

    private void submit(String formId) {
        browser.find(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    private void stepsShown(int count) {
        browser.waitForCount(By.cssSelector("#steps > li"), count);
    }

    private List<String> actionsOffered() {
        browser.find(By.id("actions"));
        return browser.all(By.cssSelector("#actions summary")).stream().map(WebElement::getText).toList();
    }
}
