package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.platform.Sha256;
import vn.docket.app.DocketApplication;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.files.FileStore;

/**
 * Issue 15's "Done means" with files and points together, in headless Chromium on a plain-http office address
 * (not localhost, so the browser has no {@code crypto.subtle}): a unit hands in v1 as a .docx, the chair reads it
 * and sends it back with three points, v2 answers them (two taken in, one explained), the chair sees the changes
 * and the answers side by side and approves v2 by version, an approval naming v1 gets 409, and an edited stored
 * file is reported by verify. Screenshots at desktop and phone width go to target/screenshots/.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The same settings as DraftFilesBrowserTest, so both run on one started Docket.
        properties = {"docket.demo.data=true", "logging.level.org.openqa.selenium=ERROR"})
@ActiveProfiles("test")
class DraftsDoneMeansBrowserTest extends BrowserTest {

    /** A name an office would give its server; Chromium resolves it to this machine, over plain http. */
    static final String OFFICE_HOST = "docket.ubnd-lang-son.vn";
    static final String UNIT = "Phòng Tài chính - Kế hoạch";
    static final List<String> THREE = List.of("Chỉnh sửa bố cục gồm 04 mục chính", "Đề ra lộ trình cụ thể",
            "Rút gọn phần đánh giá thực trạng");
    static final List<String> V1 = List.of("KẾ HOẠCH",
            "Thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố Lạng Sơn",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Cụ thể hóa các mục tiêu của Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ XXIII.",
            "II. ĐÁNH GIÁ THỰC TRẠNG",
            "Thực trạng hạ tầng, nguồn lực và những khó khăn, vướng mắc trong giai đoạn 2016-2020.");
    /** v1 with its layout in four sections and a timetable added; the assessment kept as it was. */
    static final List<String> V2 = List.of("KẾ HOẠCH",
            "Thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố Lạng Sơn",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Cụ thể hóa các mục tiêu, nhiệm vụ và giải pháp của Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ XXIII.",
            "II. ĐÁNH GIÁ THỰC TRẠNG",
            "Thực trạng hạ tầng, nguồn lực và những khó khăn, vướng mắc trong giai đoạn 2016-2020.",
            "III. NHIỆM VỤ, GIẢI PHÁP",
            "IV. LỘ TRÌNH THỰC HIỆN",
            "Năm 2021 hoàn thành quy hoạch; năm 2022-2025 triển khai theo từng khu vực.");

    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoDatabase database;

    @Override
    @BeforeAll
    void startBrowser() {
        browser = new Browser("http://" + OFFICE_HOST + ":" + port,
                "--host-resolver-rules=MAP " + OFFICE_HOST + " 127.0.0.1", "--no-proxy-server");
        browser.driver.manage().window().setSize(DESKTOP);
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_docx_goes_back_with_three_points_v2_answers_them_and_the_chair_approves_v2_beside_its_changes() {
        String id = (String) post("clerk", "/api/assignments", Map.of(
                "title", "Kế hoạch thực hiện Nghị quyết Đại hội XXIII (hồ sơ đầy đủ)", "kind", "PLAN",
                "leadUnit", UNIT, "deadline", "2030-12-31", "approvalRoute", List.of("Lãnh đạo UBND thành phố"),
                "effectiveDate", "2021-04-13")).get("id");
        String page = "/assignment.html?id=" + id;

        // The unit hands in v1 by choosing the .docx, on an address where the browser cannot hash anything.
        browser.signIn("tckh");
        browser.open(page);
        assertThat((Boolean) browser.script("return window.isSecureContext === false && !(window.crypto && crypto.subtle)"))
                .as("a plain-http office address is not a secure context").isTrue();
        stepsShown(1);
        browser.present(field("form-draft", "documentFile"))
                .sendKeys(DraftFilesBrowserTest.file("Dự thảo Kế hoạch v1.docx", DraftFilesBrowserTest.docx(V1)).toString());
        submit("form-draft");
        stepsShown(2);

        // The chair reads v1 in the browser, then sends it back with three points.
        browser.signIn("chair");
        browser.open(page);
        browser.find(By.linkText("Đọc dự thảo v1")).click();
        browser.waitForText(By.id("draft-title"), "Dự thảo v1: Dự thảo Kế hoạch v1.docx");
        assertThat(browser.all(By.cssSelector("#draft-text p")).stream().map(WebElement::getText).toList()).isEqualTo(V1);
        browser.open(page);
        browser.type(field("form-revision", "reasons"), String.join("\n", THREE));
        submit("form-revision");
        stepsShown(3);
        browser.waitForCount(By.cssSelector("#points > li"), 3);

        // The unit hands in v2 answering each point: two taken in, one explained.
        browser.signIn("tckh");
        browser.open(page);
        browser.find(By.id("answer-table"));
        byte[] v2 = DraftFilesBrowserTest.docx(V2);
        browser.present(field("form-draft", "documentFile"))
                .sendKeys(DraftFilesBrowserTest.file("Dự thảo Kế hoạch v2.docx", v2).toString());
        browser.choose(field("form-draft", "answer-1.1"), "Tiếp thu");
        browser.type(field("form-draft", "note-1.1"), "Bố cục mới: Mục I-IV");
        browser.choose(field("form-draft", "answer-1.2"), "Tiếp thu");
        browser.type(field("form-draft", "note-1.2"), "Mục IV: lộ trình 2021-2025");
        browser.choose(field("form-draft", "answer-1.3"), "Giải trình");
        browser.type(field("form-draft", "note-1.3"), "Thực trạng là căn cứ của các giải pháp, giữ nguyên");
        submit("form-draft");
        stepsShown(5);

        // The chair sees what changed and how each point was answered on one screen, reached from the assignment's page
        // where the chair decides: the step that handed in v2 leads there.
        browser.signIn("chair");
        browser.open(page);
        stepsShown(5);
        assertThat(browser.text(By.cssSelector("#steps .step-DRAFT_SUBMITTED .open-changes"))).isEqualTo("Thay đổi so với v1");
        browser.find(By.cssSelector("#steps .step-DRAFT_SUBMITTED .open-changes")).click();
        browser.waitForText(By.id("changes-title"), "Dự thảo v2: thay đổi so với v1");
        browser.waitForCount(By.cssSelector("#answer-table tbody tr"), 3);
        assertThat(browser.all(By.cssSelector("#answer-table tbody tr")).stream().map(WebElement::getText).toList())
                .satisfiesExactly(
                        row -> assertThat(row).contains("1.1", THREE.get(0), "Tiếp thu", "Bố cục mới: Mục I-IV"),
                        row -> assertThat(row).contains("1.2", THREE.get(1), "Tiếp thu", "Mục IV: lộ trình 2021-2025"),
                        row -> assertThat(row).contains("1.3", THREE.get(2), "Giải trình", "giữ nguyên"));
        assertThat(browser.text(By.id("changes-added"))).startsWith("3");
        assertThat(browser.all(By.cssSelector("#changes-inline p.changed ins")).stream().map(WebElement::getText).toList())
                .containsExactly(", nhiệm vụ và giải pháp");
        // Side by side on a wide screen: the answers to the right of the text, level with its top.
        WebElement answers = browser.find(By.cssSelector(".changes-answers"));
        WebElement text = browser.find(By.cssSelector(".changes-text"));
        assertThat(answers.getRect().getX()).isGreaterThan(text.getRect().getX() + text.getRect().getWidth() - 1);
        assertThat(Math.abs(answers.getRect().getY() - text.getRect().getY())).isLessThan(5);
        screenshots("done-changes-and-answers");

        // A page still showing v1 cannot approve it: 409 stale-draft naming v2, and nothing is written.
        ResponseEntity<Map<String, Object>> stale = exchange("chair", "/api/assignments/" + id + "/approvals",
                Map.of("draftVersion", 1));
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getBody()).containsEntry("rule", "stale-draft");
        assertThat(String.valueOf(stale.getBody().get("detail"))).contains("v2");
        assertThat(status(id)).isEqualTo("DRAFT_SUBMITTED");

        // The chair approves v2 from the assignment's page, which names the version judged.
        browser.open(page);
        stepsShown(5);
        assertThat(browser.text(By.id("judging-form-revision"))).isEqualTo("Bạn đang xem xét dự thảo v2.");
        browser.find(By.cssSelector(".action-approve summary")).click();
        submit("form-approve");
        stepsShown(6);
        assertThat(browser.text(By.cssSelector("#steps > li:last-child .step-title"))).startsWith("Phê duyệt v2: ");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "APPROVED"::equals);
        browser.waitForCount(By.cssSelector("#points > li.point-CLOSED"), 3);

        // The revision statistics count this round's points and how many were explained rather than taken in.
        Map<String, Object> cycles = ((List<Map<String, Object>>) exchangeGet("chair", "/api/stats/revision-cycles")
                .get("perAssignment")).stream().filter(a -> id.equals(a.get("id"))).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) cycles.get("pointsByRound")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("raised", 3).containsEntry("takenIn", 2).containsEntry("explained", 1));
        browser.open("/stats.html");
        assertThat(browser.text(By.id("points-summary"))).contains("tiếp thu", "giải trình");
        assertThat(browser.text(By.cssSelector("#points-by-round tbody tr:first-child th"))).isEqualTo("Vòng 1");
        screenshots("done-stats-points");

        // The clerk records the issuance with the issued document's file; the path links it for download.
        browser.signIn("clerk");
        browser.open(page);
        browser.type(field("form-issue", "documentNumber"), "95/KH-UBND");
        browser.type(field("form-issue", "issuedOn"),
                LocalDate.now(PlatformConfiguration.ZONE).format(DateTimeFormatter.ofPattern("d/M/yyyy")));
        byte[] issued = DraftFilesBrowserTest.docx(List.of("KẾ HOẠCH số 95/KH-UBND", V2.get(1)));
        assertThat(browser.text(By.cssSelector("#form-issue .file-button"))).isEqualTo("Chọn tệp");
        assertThat(browser.text(By.cssSelector("#form-issue .file-chosen"))).isEqualTo("Chưa chọn tệp");
        Path issuedFile = DraftFilesBrowserTest.file("Kế hoạch 95-KH-UBND.docx", issued);
        browser.present(field("form-issue", "issuedFile")).sendKeys(issuedFile.toString());
        assertThat(browser.text(By.cssSelector("#form-issue .file-chosen")))
                .isEqualTo("Kế hoạch 95-KH-UBND.docx (" + DraftFilesBrowserTest.kilobytes(issuedFile) + " KB)");
        screenshots("done-issue-with-file");
        submit("form-issue");
        stepsShown(7);
        assertThat(browser.find(By.cssSelector("#steps a.issued-file")).getAttribute("href"))
                .endsWith("/api/assignments/" + id + "/issuance/file");
        assertThat(browser.text(By.cssSelector("#steps .step-ISSUED"))).contains("Kế hoạch 95-KH-UBND.docx");
        // A clerk knows the documents by their files' names: the path showed "SHA-256 c03329d2…" beside each. The
        // hash stays in the name's tooltip for an inspector.
        assertThat(browser.text(By.id("steps"))).contains("Dự thảo Kế hoạch v2.docx").doesNotContain("SHA-256");
        assertThat(browser.find(By.cssSelector("#steps .step-ISSUED .document-name")).getAttribute("title"))
                .isEqualTo("SHA-256 " + Sha256.hex(issued));
        screenshots("done-issued-path");
        assertThat(http.withBasicAuth("chair", "demo").getForEntity("/api/assignments/" + id + "/issuance/file",
                byte[].class).getBody()).isEqualTo(issued);

        // Someone edits v2's stored bytes in the database: verify names the file, and the audit page shows it.
        String sha = Sha256.hex(v2);
        MongoCollection<Document> chunks = database.getCollection(FileStore.CHUNKS);
        String firstChunk = database.getCollection(FileStore.FILES).find(Filters.eq("_id", sha)).first()
                .getString("chunksOf") + "/0";
        Document original = chunks.find(Filters.eq("_id", firstChunk)).first();
        byte[] edited = original.get("data", Binary.class).getData().clone();
        edited[edited.length / 2] ^= 1;
        chunks.updateOne(Filters.eq("_id", firstChunk), new Document("$set", new Document("data", new Binary(edited))));
        try {
            List<Map<String, Object>> problems = (List<Map<String, Object>>) exchangeGet("auditor", "/api/audit/verify")
                    .get("problems");
            assertThat(problems).anySatisfy(p -> {
                assertThat(p).containsEntry("problem", "file changed").containsEntry("assignment", id);
                assertThat(String.valueOf(p.get("detail"))).contains("draft v2", "Dự thảo Kế hoạch v2.docx", sha);
            });
            browser.signIn("auditor");
            browser.open("/audit.html?assignment=" + id);
            browser.waitForText(By.id("integrity-problems"), "tệp bị sửa");
            screenshots("done-verify-file-changed");
        } finally {
            // Other tests share this Docket: put the bytes back.
            chunks.replaceOne(Filters.eq("_id", firstChunk), original);
        }
    }

    private void stepsShown(int count) {
        browser.waitForCount(By.cssSelector("#steps > li"), count);
    }

    private void submit(String formId) {
        browser.find(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    private static By field(String formId, String name) {
        return By.cssSelector("#" + formId + " [name='" + name + "']");
    }

    private Map<String, Object> post(String user, String path, Object body) {
        ResponseEntity<Map<String, Object>> answer = exchange(user, path, body);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s", path, answer.getBody()).isTrue();
        return answer.getBody();
    }

    private ResponseEntity<Map<String, Object>> exchange(String user, String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body),
                new ParameterizedTypeReference<>() {
                });
    }

    private Map<String, Object> exchangeGet(String user, String path) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() {
                }).getBody();
    }

    private String status(String id) {
        return (String) exchangeGet("auditor", "/api/assignments/" + id).get("status");
    }
}
