package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.DocketApplication;

/**
 * The issue's "Done means", minus files, in headless Chromium: the chair sends v1 back with three points, the
 * unit answers them with v2 (two taken in, one explained), the chair sees the answers and approves v2 by
 * version, and a page still showing v1 cannot approve it (409 stale-draft). Screenshots at desktop
 * (1366x900) and phone (390x844) width go to target/screenshots/.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium=ERROR")
@ActiveProfiles("test")
class RevisionPointsBrowserTest extends BrowserTest {

    static final List<String> THREE = List.of("Chỉnh sửa bố cục gồm 04 mục chính", "Đề ra lộ trình cụ thể",
            "Rút gọn phần đánh giá thực trạng");

    @Autowired
    TestRestTemplate http;

    @Test
    void v1_goes_back_with_three_points_v2_answers_them_and_only_v2_can_be_approved() {
        String id = assignedWithDraftV1();
        String page = "/assignment.html?id=" + id;

        // The chair opens v1 in one tab and leaves it there.
        browser.signIn("chair");
        browser.open(page);
        stepsShown(2);
        String staleTab = browser.driver.getWindowHandle();
        assertThat(browser.text(By.id("judging-form-revision"))).isEqualTo("Bạn đang xem xét dự thảo v1.");

        // In another tab the chair sends v1 back with three points.
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.manage().window().setSize(DESKTOP);
        browser.open(page);
        browser.type(field("form-revision", "reasons"), String.join("\n", THREE));
        submit("form-revision");
        stepsShown(3);
        browser.waitForCount(By.cssSelector("#points > li"), 3);
        assertThat(browser.all(By.cssSelector("#steps .reasons li")).stream().map(WebElement::getText))
                .containsExactly("1.1 " + THREE.get(0), "1.2 " + THREE.get(1), "1.3 " + THREE.get(2));
        assertThat(browser.text(By.cssSelector("#points > li[data-point='1.1']"))).contains("Chưa trả lời",
                "Hoàng Văn Nam", "Lãnh đạo UBND thành phố");

        // The unit answers each point with v2: two taken in, one explained; an answer without its note is stopped.
        browser.signIn("tckh");
        browser.open(page);
        browser.find(By.id("answer-table"));
        browser.type(field("form-draft", "documentName"), "Dự thảo KH v2.docx");
        browser.type(field("form-draft", "documentUrl"), "https://vanban.example.vn/kh-v2");
        browser.choose(field("form-draft", "answer-1.1"), "Tiếp thu");
        browser.type(field("form-draft", "note-1.1"), "Bố cục mới: Mục I-IV");
        browser.choose(field("form-draft", "answer-1.2"), "Tiếp thu");
        browser.type(field("form-draft", "note-1.2"), "Phụ lục 2: lộ trình 2021-2025");
        browser.choose(field("form-draft", "answer-1.3"), "Giải trình");
        screenshots("revision-points-hand-in");
        submit("form-draft");
        assertThat(browser.text(By.cssSelector("#form-draft .field.invalid .field-error")))
                .isEqualTo("Ghi rõ nơi tiếp thu hoặc lý do giải trình.");
        browser.type(field("form-draft", "note-1.3"), "Thực trạng là căn cứ của các giải pháp, giữ nguyên");
        submit("form-draft");
        stepsShown(5);

        // Back in the tab still showing v1, the chair's approval is refused: v2 is the current draft. The page then
        // shows v2, with the answers next to each point, and the chair approves v2 by its version.
        browser.signIn("chair");
        browser.driver.switchTo().window(staleTab);
        browser.find(By.cssSelector(".action-approve summary")).click();
        submit("form-approve");
        browser.waitForText(By.cssSelector("#form-approve [role=alert]"), "Dự thảo v2 đã được nộp trong lúc bạn đang đọc v1;"
                + " chưa có gì được ghi. Trang này hiển thị v2: hãy đọc v2 trước khi quyết định.");
        assertThat(status(id)).isEqualTo("DRAFT_SUBMITTED");
        stepsShown(5);
        assertThat(browser.text(By.id("judging-form-revision"))).isEqualTo("Bạn đang xem xét dự thảo v2.");
        assertThat(browser.text(By.cssSelector("#points > li[data-point='1.3']")))
                .contains("Đã trả lời", "Giải trình", "trong dự thảo v2", "Thực trạng là căn cứ của các giải pháp");
        assertThat(browser.text(By.cssSelector("#steps .step-POINTS_ANSWERED")))
                .contains("Bảng giải trình, tiếp thu ý kiến của dự thảo v2", "1.2 – Tiếp thu: Phụ lục 2");
        assertThat(browser.all(By.cssSelector("#form-revision input[type=checkbox]"))).hasSize(3);
        // Each box stood alone on the line under its label, as near the next point's label as its own.
        assertThat((List<?>) browser.script("return [...document.querySelectorAll('#form-revision input[type=checkbox]')]"
                + ".filter(box => { const b = box.getBoundingClientRect();"
                + " const l = document.querySelector('label[for=\"' + box.id + '\"]').getBoundingClientRect();"
                + " return !(b.right <= l.left && b.top < l.bottom && b.bottom > l.top); }).map(box => box.name)"))
                .as("reopen boxes not before their label on its line").isEmpty();
        screenshots("revision-points-review");
        // The refused form is open again, now naming v2.
        assertThat(browser.text(By.id("judging-form-approve"))).isEqualTo("Bạn đang xem xét dự thảo v2.");
        submit("form-approve");
        stepsShown(6);
        browser.waitForCount(By.cssSelector("#points > li.point-CLOSED"), 3);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "APPROVED"::equals);
        screenshots("revision-points-closed");
    }

    @Test
    void approving_a_draft_another_leader_approved_meanwhile_says_so_and_shows_the_assignment_as_it_is_now() {
        String id = openedByTheChairWithDraftV1();
        browser.find(By.cssSelector(".action-approve summary")).click();
        browser.type(field("form-approve", "note"), "Đồng ý ban hành");

        // The vice-chair approves v1 while the chair's page still offers it, and the chair approves a moment later
        // (the lists the page reads may not show the vice-chair's approval yet).
        post("pct", "/api/assignments/" + id + "/approvals", Map.of("draftVersion", 1));
        submit("form-approve");

        // Refused, in words; the page now shows the vice-chair's approval and offers the chair nothing to approve.
        stepsShown(3);
        String said = browser.text(By.cssSelector("#main [role=alert]"));
        assertThat(said).startsWith("Không có dự thảo nào đang chờ xem xét")
                .contains("chưa có gì được ghi", "không còn áp dụng được");
        assertThat(browser.text(By.cssSelector("#steps .step-APPROVED"))).contains("Phó Chủ tịch");
        assertThat(browser.all(By.id("form-approve"))).isEmpty();
        assertThat(approvals(id)).isEqualTo(1);
    }

    @Test
    void sending_v1_back_after_the_unit_handed_in_v2_says_v2_arrived_while_v1_was_read_and_keeps_the_points_typed() {
        String id = openedByTheChairWithDraftV1();
        String points = "Bổ sung kinh phí thực hiện\nNêu rõ đơn vị phối hợp";
        browser.type(field("form-revision", "reasons"), points);

        // Meanwhile the vice-chair sends v1 back and the unit hands in v2.
        post("pct", "/api/assignments/" + id + "/revision-requests",
                Map.of("draftVersion", 1, "reasons", List.of("Rà soát số liệu")));
        post("tckh", "/api/assignments/" + id + "/drafts",
                Map.of("documentName", "Dự thảo KH v2.docx", "documentUrl", "https://vanban.example.vn/kh-v2"));
        submit("form-revision");

        // 409 in words that say which version came (main said "open the latest" of a page that already showed it), the
        // page showing v2, and the chair's points still in the form to send on v2.
        browser.waitForText(By.cssSelector("#form-revision [role=alert]"),
                "Dự thảo v2 đã được nộp trong lúc bạn đang đọc v1; chưa có gì được ghi.");
        assertThat(browser.text(By.cssSelector("#form-revision [role=alert]")))
                .contains("hãy đọc v2 trước khi quyết định", "Những gì bạn đã nhập vẫn còn trong biểu mẫu")
                .doesNotContain("mở bản mới nhất");
        stepsShown(4);
        screenshots("revision-points-stale-draft");
        assertThat(browser.text(By.id("judging-form-revision"))).isEqualTo("Bạn đang xem xét dự thảo v2.");
        assertThat(browser.find(field("form-revision", "reasons")).getAttribute("value")).isEqualTo(points);
        assertThat(status(id)).isEqualTo("DRAFT_SUBMITTED");
        submit("form-revision");
        stepsShown(5);
        assertThat(browser.all(By.cssSelector("#steps .step-REVISION_REQUESTED:last-child .reasons li")).stream()
                .map(WebElement::getText)).containsExactly("2.1 Bổ sung kinh phí thực hiện", "2.2 Nêu rõ đơn vị phối hợp");
    }

    @Test
    void a_form_sent_after_the_session_ended_keeps_what_was_typed_and_goes_once_signed_in_again() {
        String id = assignedWithDraftV1();
        String page = "/assignment.html?id=" + id;
        browser.signIn("chair");
        browser.open(page);
        stepsShown(2);
        String tab = browser.driver.getWindowHandle();
        browser.type(field("form-revision", "reasons"), "Làm rõ nguồn vốn");

        // The session ends while the chair writes (it timed out, or Docket restarted): the cookie names no session.
        browser.driver.manage().deleteCookieNamed("JSESSIONID");
        browser.driver.manage().addCookie(new Cookie("JSESSIONID", "het-han", "/"));
        submit("form-revision");
        browser.waitForText(By.cssSelector("#form-revision [role=alert]"), "Phiên đăng nhập đã hết");
        assertThat(browser.text(By.cssSelector("#form-revision [role=alert]"))).contains("vẫn còn trên trang này");
        assertThat(browser.url()).endsWith(page);
        assertThat(browser.find(field("form-revision", "reasons")).getAttribute("value")).isEqualTo("Làm rõ nguồn vốn");
        assertThat(status(id)).isEqualTo("DRAFT_SUBMITTED");

        // Signed in again on another tab, the chair sends the same form from this one.
        browser.find(By.id("sign-in-again")).click();
        browser.until(driver -> driver.getWindowHandles().size() == 2);
        String signIn = browser.driver.getWindowHandles().stream().filter(h -> !h.equals(tab)).findFirst().orElseThrow();
        browser.driver.switchTo().window(signIn);
        browser.find(By.id("username")).sendKeys("chair");
        browser.find(By.id("password")).sendKeys("demo");
        browser.find(By.id("login-submit")).click();
        browser.find(By.id("who-name"));
        browser.driver.close();
        browser.driver.switchTo().window(tab);
        submit("form-revision");
        stepsShown(3);
        assertThat(browser.text(By.cssSelector("#steps .step-REVISION_REQUESTED .reasons"))).isEqualTo("1.1 Làm rõ nguồn vốn");
    }

    @Test
    void handing_in_after_a_colleague_of_the_unit_handed_in_first_keeps_the_note_and_answers_typed_and_names_the_file() {
        String id = assignedWithDraftV1();
        post("chair", "/api/assignments/" + id + "/revision-requests", Map.of("draftVersion", 1, "reasons", THREE.subList(0, 2)));
        String colleague = "hoa." + java.util.UUID.randomUUID().toString().substring(0, 8);
        post("admin", "/api/admin/users", Map.of("id", colleague, "name", "Lê Thị Hoa", "unit", "Phòng Tài chính - Kế hoạch",
                "role", "UNIT_STAFF", "password", "mat-khau-cua-hoa"));

        // The unit's staff member chooses v2, writes a note and answers both points.
        browser.signIn("tckh");
        browser.open("/assignment.html?id=" + id);
        stepsShown(3);
        browser.present(field("form-draft", "documentFile")).sendKeys(DraftFilesBrowserTest.file("Dự thảo KH v2 của Minh.txt",
                "Kế hoạch, dự thảo 2".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        browser.type(field("form-draft", "note"), "Đã lấy ý kiến bốn phòng phối hợp");
        browser.choose(field("form-draft", "answer-1.1"), "Tiếp thu");
        browser.type(field("form-draft", "note-1.1"), "Bố cục lại thành Mục I-IV");
        browser.choose(field("form-draft", "answer-1.2"), "Giải trình");
        browser.type(field("form-draft", "note-1.2"), "Lộ trình đã có ở Phụ lục 1");

        // A colleague of the same unit hands in v2 first.
        assertThat(http.withBasicAuth(colleague, "mat-khau-cua-hoa").postForEntity("/api/assignments/" + id + "/drafts", Map.of(
                "documentName", "Dự thảo KH v2.docx", "documentUrl", "https://vanban.example.vn/kh-v2"), Map.class)
                .getStatusCode().value()).isEqualTo(201);
        submit("form-draft");

        // Refused; the page shows v2, and what was typed is still there to compare or copy, the file named: main
        // showed the refusal alone, the note and both answers gone.
        browser.waitForText(By.cssSelector("#main [role=alert]"), "không còn áp dụng được");
        stepsShown(4);
        String said = browser.text(By.cssSelector("#main [role=alert]"));
        assertThat(said).startsWith("Dự thảo trước đang chờ xem xét").contains(
                "Ghi chú: Đã lấy ý kiến bốn phòng phối hợp",
                "1.1 – " + THREE.get(0) + ": Tiếp thu", "1.1 – Nơi tiếp thu hoặc lý do giải trình: Bố cục lại thành Mục I-IV",
                "1.2 – " + THREE.get(1) + ": Giải trình", "1.2 – Nơi tiếp thu hoặc lý do giải trình: Lộ trình đã có ở Phụ lục 1",
                "Tệp “Dự thảo KH v2 của Minh.txt” bạn đã chọn chưa được gửi, và trang không thể tự chọn lại tệp cho bạn");
        assertThat(browser.all(By.id("form-draft"))).isEmpty();
        assertThat(status(id)).isEqualTo("DRAFT_SUBMITTED");
        screenshots("hand-in-after-a-colleague");
    }

    @Test
    void a_form_sent_while_the_network_is_down_says_what_was_typed_is_kept_and_goes_once_it_is_back() {
        String id = openedByTheChairWithDraftV1();
        browser.type(field("form-revision", "reasons"), "Làm rõ nguồn vốn");
        browser.offline(true);
        try {
            submit("form-revision");
            // main said only "Không kết nối được máy chủ.": a clerk would type it all again, or leave.
            browser.waitForText(By.cssSelector("#form-revision [role=alert]"), "Không kết nối được máy chủ.");
            assertThat(browser.text(By.cssSelector("#form-revision [role=alert]")))
                    .contains("Những gì bạn đã nhập vẫn còn nguyên trên trang này, không phải nhập lại");
            assertThat(browser.find(field("form-revision", "reasons")).getAttribute("value")).isEqualTo("Làm rõ nguồn vốn");
            screenshots("network-down-typed-kept");
        } finally {
            browser.offline(false);
        }
        submit("form-revision");
        stepsShown(3);
        assertThat(browser.text(By.cssSelector("#steps .step-REVISION_REQUESTED .reasons"))).isEqualTo("1.1 Làm rõ nguồn vốn");

        // The token form keeps its label the same way, and says so.
        browser.open("/tokens.html");
        browser.type(By.cssSelector("#new-token [name='label']"), "Phần mềm một cửa");
        browser.offline(true);
        try {
            browser.find(By.cssSelector("#new-token button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#new-token [role=alert]"), "vẫn còn nguyên trên trang này");
            assertThat(browser.find(By.cssSelector("#new-token [name='label']")).getAttribute("value")).isEqualTo("Phần mềm một cửa");
        } finally {
            browser.offline(false);
        }
    }

    @Test
    void points_typed_as_a_numbered_list_are_numbered_once_by_docket() {
        String id = openedByTheChairWithDraftV1();
        browser.type(field("form-revision", "reasons"), "1. Bổ sung lộ trình theo từng quý\n2) Làm rõ phân công trách nhiệm\n"
                + "- Rà soát kinh phí\n1.250 tỷ đồng chưa có căn cứ");
        submit("form-revision");
        stepsShown(3);
        // Not "1.2 2) Làm rõ ...": the typed number or bullet goes; a figure at the start of a point stays.
        assertThat(browser.all(By.cssSelector("#steps .reasons li")).stream().map(WebElement::getText))
                .containsExactly("1.1 Bổ sung lộ trình theo từng quý", "1.2 Làm rõ phân công trách nhiệm",
                        "1.3 Rà soát kinh phí", "1.4 1.250 tỷ đồng chưa có căn cứ");
    }

    @Test
    void a_clerk_who_records_a_units_draft_handed_in_on_paper_is_named_as_recording_it_not_as_handing_it_in() {
        // 3722/VPCP-CN walked: Bộ Tài chính's answer came on paper; the path read "Nộp dự thảo v1 – Nguyễn Thị Lan
        // (Văn phòng HĐND và UBND thành phố)", as if the office had written the ministry's draft.
        LocalDate today = LocalDate.now(clock);
        String id = (String) post("clerk", "/api/assignments", Map.of("title", "Ý kiến về cơ chế đặc thù", "kind", "REPORT",
                "leadUnit", "Phòng Tài chính - Kế hoạch", "deadline", today.plusDays(10).toString(),
                "approvalRoute", List.of("Chủ tịch UBND thành phố"))).get("id");
        post("clerk", "/api/assignments/" + id + "/drafts", Map.of("documentName", "Ý kiến (bản giấy).pdf",
                "documentUrl", "https://vanban.example.vn/y-kien"));
        browser.signIn("auditor");
        browser.open("/assignment.html?id=" + id);
        browser.waitForText(By.id("steps"), "Nộp dự thảo v1");
        WebElement handIn = browser.find(By.cssSelector("#steps > li.step-DRAFT_SUBMITTED"));
        assertThat(handIn.findElement(By.cssSelector(".who")).getText())
                .isEqualTo("Người ghi nhận: Nguyễn Thị Lan (Văn phòng HĐND và UBND thành phố, Chuyên viên Văn phòng)");
        assertThat(handIn.findElement(By.cssSelector(".extra")).getText()).startsWith("Đơn vị nộp bản giấy");
        // A unit's own hand-in still names its author.
        post("chair", "/api/assignments/" + id + "/revision-requests", Map.of("draftVersion", 1, "reasons", List.of("Bổ sung")));
        post("tckh", "/api/assignments/" + id + "/drafts", Map.of("documentName", "Ý kiến v2.docx",
                "documentUrl", "https://vanban.example.vn/y-kien-v2"));
        browser.open("/assignment.html?id=" + id);
        browser.waitForText(By.id("steps"), "Nộp dự thảo v2");
        assertThat(browser.all(By.cssSelector("#steps > li.step-DRAFT_SUBMITTED .who")).stream().map(WebElement::getText))
                .contains("Trần Văn Minh (Phòng Tài chính - Kế hoạch, Cán bộ đơn vị)");
        screenshots("path-paper-draft-recorded");
    }

    @Test
    void an_outside_bodys_decision_dated_before_the_draft_reached_it_is_refused_in_words_and_the_audit_log_reads_in_vietnamese() {
        LocalDate today = LocalDate.now(clock);
        String id = (String) post("clerk", "/api/assignments", Map.of("title", "Kế hoạch đầu tư công trung hạn 2026-2030",
                "kind", "PLAN", "leadUnit", "Phòng Tài chính - Kế hoạch", "deadline", today.plusDays(10).toString(),
                "approvalRoute", List.of("Chủ tịch UBND thành phố", "Ban Thường vụ Thành ủy"))).get("id");
        String at = "/api/assignments/" + id;
        post("tckh", at + "/extension-requests", Map.of("newDeadline", today.plusDays(20).toString(), "reason", "Chờ số liệu"));
        post("tckh", at + "/drafts", Map.of("documentName", "KH v1.docx", "documentUrl", "https://vanban.example.vn/kh-v1"));
        post("chair", at + "/revision-requests", Map.of("draftVersion", 1, "reasons", List.of("Bổ sung lộ trình", "Rà soát kinh phí")));
        post("tckh", at + "/drafts", Map.of("documentName", "KH v2.docx", "documentUrl", "https://vanban.example.vn/kh-v2",
                "answers", List.of(Map.of("point", "1.1", "answer", "TAKEN_IN", "note", "Mục III"),
                        Map.of("point", "1.2", "answer", "EXPLAINED", "note", "Theo Nghị quyết HĐND"))));
        post("chair", at + "/approvals", Map.of("draftVersion", 2, "note", "Đồng ý"));

        // The clerk records Ban Thường vụ's decision; typed with yesterday's date, before the chair passed v2 on, it is
        // refused in words that say what to check, and nothing is recorded.
        browser.signIn("clerk");
        browser.open("/assignment.html?id=" + id);
        browser.find(By.cssSelector(".action-approve summary")).click();
        browser.type(field("form-approve", "decisionNumber"), "215-TB/TU");
        browser.type(field("form-approve", "decisionDate"), today.minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        submit("form-approve");
        // Both days named: the decision's as typed, the day the draft came before the body.
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d/M/yyyy");
        browser.waitForText(By.cssSelector("#form-approve [role=alert]"), "Văn bản quyết định ghi ngày "
                + today.minusDays(1).format(day) + ", sớm hơn ngày dự thảo được trình lên cấp này (" + today.format(day)
                + ", xem Quá trình xử lý): kiểm tra lại ngày của văn bản quyết định.");
        assertThat(approvals(id)).isEqualTo(1);
        browser.type(field("form-approve", "decisionDate"), today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        submit("form-approve");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "APPROVED"::equals);
        // The plan path names the version each level passed, and the clerk as the one who recorded the body's decision,
        // not as the one who approved (it read "Phê duyệt: Ban Thường vụ Thành ủy" over the clerk's name alone).
        browser.open("/assignment.html?id=" + id);
        browser.waitForText(By.id("steps"), "Phê duyệt v2: Ban Thường vụ Thành ủy");
        Map<String, String> whoDid = new java.util.LinkedHashMap<>();
        browser.all(By.cssSelector("#steps > li")).forEach(step -> whoDid.put(
                step.findElement(By.cssSelector(".step-title")).getText(), step.findElement(By.cssSelector(".who")).getText()));
        assertThat(whoDid).containsEntry("Phê duyệt v2: Ban Thường vụ Thành ủy",
                "Người ghi nhận: Nguyễn Thị Lan (Văn phòng HĐND và UBND thành phố, Chuyên viên Văn phòng)");
        assertThat(whoDid.get("Phê duyệt v2: Chủ tịch UBND thành phố")).startsWith("Hoàng Văn Nam (");
        screenshots("path-outside-body-recorded");

        // The auditor reads each step's details in Vietnamese: the answers, the decision cited, why the request lapsed.
        browser.signIn("auditor");
        browser.open("/audit.html?assignment=" + id);
        browser.waitForText(By.id("audit-log"), "Giải trình, tiếp thu ý kiến");
        browser.script("document.querySelectorAll('#audit-log details').forEach(d => d.open = true)");
        String log = browser.text(By.id("audit-log"));
        assertThat(log).contains("Ý kiến: 1.1 · Cách trả lời: Tiếp thu · Ghi chú: Mục III",
                "Ý kiến: 1.2 · Cách trả lời: Giải trình · Ghi chú: Theo Nghị quyết HĐND",
                "Văn bản quyết định", "Số: 215-TB/TU · Ngày: " + today.getDayOfMonth() + "/" + today.getMonthValue() + "/" + today.getYear(),
                "Đơn vị đề nghị", "dự thảo đã được phê duyệt, nhiệm vụ đã hoàn thành");
        // The points raised read as the pages write them, not as a structure of three fields.
        assertThat(log).contains("1.1 Bổ sung lộ trình; 1.2 Rà soát kinh phí");
        assertThat(log).doesNotContain("point:", "answer:", "requestingUnit", "why", "Mã: 1.1");
        screenshots("audit-answers-and-decision");
    }

    @Test
    void an_inspector_reading_a_send_back_recorded_from_ban_thuong_vus_decision_is_shown_the_body_the_version_and_the_decision() {
        // Walked as the inspector: "Yêu cầu chỉnh sửa – vòng 1" over "Người ghi nhận: Nguyễn Thị Lan" said neither whose
        // decision sent the draft back, nor which version, nor the decision the clerk cited (an approval said all three).
        LocalDate today = LocalDate.now(clock);
        String id = (String) post("clerk", "/api/assignments", Map.of("title", "Báo cáo kết quả thực hiện các nhiệm vụ trọng tâm",
                "kind", "REPORT", "leadUnit", "Phòng Tài chính - Kế hoạch", "deadline", today.plusDays(10).toString(),
                "approvalRoute", List.of("Ban Thường vụ Thành ủy"))).get("id");
        String at = "/api/assignments/" + id;
        post("tckh", at + "/drafts", Map.of("documentName", "BC v1.docx", "documentUrl", "https://vanban.example.vn/bc-v1"));
        post("clerk", at + "/revision-requests", Map.of("draftVersion", 1, "level", "Ban Thường vụ Thành ủy",
                "reasons", List.of("Bổ sung số liệu quý IV"), "decisionRef", Map.of("number", "45-TB/TU", "date", today.toString())));
        post("tckh", at + "/drafts", Map.of("documentName", "BC v2.docx", "documentUrl", "https://vanban.example.vn/bc-v2"));

        browser.signIn("auditor");
        browser.open("/assignment.html?id=" + id);
        stepsShown(4);
        WebElement sentBack = browser.find(By.cssSelector("#steps > li.step-REVISION_REQUESTED"));
        assertThat(sentBack.findElement(By.cssSelector(".who")).getText())
                .isEqualTo("Người ghi nhận: Nguyễn Thị Lan (Văn phòng HĐND và UBND thành phố, Chuyên viên Văn phòng)");
        assertThat(sentBack.findElement(By.cssSelector(".extra")).getText()).startsWith("trả lại dự thảo v1: Ban Thường vụ Thành ủy · "
                + "theo văn bản 45-TB/TU ngày " + today.format(DateTimeFormatter.ofPattern("d/M/yyyy")));
        screenshots("path-sent-back-by-outside-body");
    }

    /** An assignment with v1 handed in, its page open as the chair sees it. */
    private String openedByTheChairWithDraftV1() {
        String id = assignedWithDraftV1();
        browser.signIn("chair");
        browser.open("/assignment.html?id=" + id);
        stepsShown(2);
        return id;
    }

    private String assignedWithDraftV1() {
        Map<String, Object> assignment = Map.of("title", "Dự thảo Kế hoạch thực hiện Chương trình hành động",
                "kind", "PLAN", "leadUnit", "Phòng Tài chính - Kế hoạch",
                "approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        String id = (String) post("clerk", "/api/assignments", assignment).get("id");
        post("tckh", "/api/assignments/" + id + "/drafts",
                Map.of("documentName", "Dự thảo KH v1.docx", "documentUrl", "https://vanban.example.vn/kh-v1"));
        return id;
    }

    private Map<String, Object> post(String user, String path, Object body) {
        var answer = http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body),
                new ParameterizedTypeReference<Map<String, Object>>() {
                });
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s", path, answer.getBody()).isTrue();
        return answer.getBody();
    }

    /** The approvals recorded on the assignment, as the audit log lists them. */
    @SuppressWarnings("unchecked")
    private long approvals(String id) {
        List<Map<String, Object>> events = (List<Map<String, Object>>) http.withBasicAuth("auditor", "demo").exchange(
                "/api/audit?assignment=" + id, HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {
                }).getBody().get("items");
        return events.stream().filter(e -> "DraftApproved".equals(e.get("type"))).count();
    }

    private String status(String id) {
        return (String) http.withBasicAuth("auditor", "demo").exchange("/api/assignments/" + id, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() {
                }).getBody().get("status");
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
}
