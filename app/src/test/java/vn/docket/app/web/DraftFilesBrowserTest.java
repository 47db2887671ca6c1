package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.DocketApplication;

/**
 * A unit hands in its draft by choosing the file, and the leaders read it in the browser: a .docx as its text with a
 * download button, a PDF in the page. Screenshots of the hand-in form and both versions, at desktop and phone width,
 * go to target/screenshots/.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The same settings as WebApplicationBrowserTest, so both run on one started Docket.
        properties = {"docket.demo.data=true", "logging.level.org.openqa.selenium=ERROR"})
@ActiveProfiles("test")
class DraftFilesBrowserTest extends BrowserTest {

    static final String UNIT = "Phòng Tài chính - Kế hoạch";
    static final List<String> V1 = List.of("KẾ HOẠCH",
            "Thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố Lạng Sơn",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Cụ thể hóa các mục tiêu của Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ XXIII,"
                    + " nhiệm kỳ 2020-2025, gắn trách nhiệm của các cơ quan tham mưu, thực hiện.");

    /** v1 with one paragraph edited (words added, a comma made a semicolon) and one section added. */
    static final List<String> V2 = List.of("KẾ HOẠCH",
            "Thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố Lạng Sơn",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Cụ thể hóa các mục tiêu, nhiệm vụ và giải pháp của Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ XXIII,"
                    + " nhiệm kỳ 2020-2025; gắn trách nhiệm của các cơ quan tham mưu, thực hiện.",
            "III. LỘ TRÌNH THỰC HIỆN",
            "Giao Phòng Tài chính - Kế hoạch chủ trì theo dõi, đôn đốc; báo cáo kết quả trước ngày 15/12 hằng năm.");

    @Autowired
    TestRestTemplate http;

    /** A file to choose in the browser's file picker, under target/. */
    static Path file(String name, byte[] content) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "draft-files").toAbsolutePath());
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraphs.forEach(text -> document.createParagraph().createRun().setText(text));
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(String... lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                stream.newLineAtOffset(72, 700);
                for (String line : lines) {
                    stream.showText(line);
                    stream.newLineAtOffset(0, -20);
                }
                stream.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nothing_in_the_web_app_hashes_in_the_browser_so_hand_in_works_on_a_plain_http_address() throws IOException {
        // crypto.subtle exists only on https and localhost: an office's http://10.0.0.5 would have no file picker.
        try (Stream<Path> scripts = Files.walk(Path.of("src/main/resources/static"))) {
            assertThat(scripts.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")))
                    .allSatisfy(p -> assertThat(Files.readString(p)).doesNotContain("crypto.subtle"));
        }
    }

    @Test
    void a_unit_hands_in_a_docx_by_choosing_it_and_the_chair_reads_it_then_a_pdf_shown_in_the_page() {
        String id = openedByTheUnit("Kế hoạch thực hiện Nghị quyết Đại hội XXIII (bản dự thảo có tệp)", "PLAN");
        // The chooser speaks the page's language, not Chromium's ("Choose File", "No file chosen").
        assertThat(browser.text(By.cssSelector("#form-draft .file-button"))).isEqualTo("Chọn tệp");
        assertThat(browser.text(By.cssSelector("#form-draft .file-chosen"))).isEqualTo("Chưa chọn tệp");
        // A screen reader hears the field and what is chosen in the page's words, never Chromium's "No file chosen".
        assertThat(chooserName()).isEqualTo(FILE_LABEL + ": Chưa chọn tệp");
        browser.screenshot("draft-hand-in-empty");
        Path v1 = file("Dự thảo Kế hoạch lần 1.docx", docx(V1));
        browser.present(By.cssSelector("#form-draft [name='documentFile']")).sendKeys(v1.toString());
        assertThat(browser.text(By.cssSelector("#form-draft .file-chosen")))
                .isEqualTo("Dự thảo Kế hoạch lần 1.docx (" + kilobytes(v1) + " KB)");
        assertThat(chooserName()).isEqualTo(FILE_LABEL + ": Dự thảo Kế hoạch lần 1.docx (" + kilobytes(v1) + " KB)");
        assertThat(browser.find(By.cssSelector("#form-draft [name='documentName']")).getAttribute("value"))
                .isEqualTo("Dự thảo Kế hoạch lần 1.docx");
        assertThat(browser.all(By.cssSelector("#form-draft [name='documentSha256']"))).isEmpty();
        browser.screenshot("draft-hand-in");
        phone("phone-draft-hand-in");
        browser.find(By.cssSelector("#form-draft button[type=submit]")).click();
        browser.waitForCount(By.cssSelector("#steps > li"), 2);

        browser.signIn("chair");
        browser.open("/assignment.html?id=" + id);
        browser.find(By.linkText("Đọc dự thảo v1")).click();
        browser.waitForText(By.id("draft-title"), "Dự thảo v1: Dự thảo Kế hoạch lần 1.docx");
        assertThat(browser.all(By.cssSelector("#draft-text p")).stream().map(e -> e.getText()).toList()).isEqualTo(V1);
        assertThat(browser.text(By.id("draft-facts"))).contains("Word (.docx)", "từ");
        assertThat(browser.find(By.id("download")).getAttribute("href"))
                .endsWith("/api/assignments/" + id + "/drafts/1/file");
        browser.screenshot("draft-docx");
        phone("phone-draft-docx");

        handIn(id, 3, file("Dự thảo Kế hoạch lần 2.docx", docx(V2)));
        browser.signIn("chair");
        browser.open("/draft.html?id=" + id + "&v=2");
        browser.find(By.id("changes")).click();
        browser.waitForText(By.id("changes-title"), "Dự thảo v2: thay đổi so với v1");
        assertThat(browser.text(By.id("changes-changed"))).startsWith("1");
        assertThat(browser.text(By.id("changes-added"))).startsWith("2");
        // A changed mark is marked alone, and the words around it read as the version has them.
        assertThat(browser.all(By.cssSelector("#changes-inline p.changed ins")).stream().map(e -> e.getText()).toList())
                .containsExactly(", nhiệm vụ và giải pháp", ";");
        assertThat(browser.text(By.cssSelector("#changes-inline p.added"))).contains("III. LỘ TRÌNH THỰC HIỆN");
        browser.screenshot("draft-changes");
        phone("phone-draft-changes");
        browser.find(By.id("show-side")).click();
        assertThat(browser.all(By.cssSelector("#changes-side .row.changed .before del")).stream().map(e -> e.getText())
                .toList()).containsExactly(",");
        assertThat(browser.text(By.cssSelector("#changes-side .row.changed .before"))).endsWith(V1.get(3));
        assertThat(browser.text(By.cssSelector("#changes-side .row.changed .after"))).endsWith(V2.get(3));
        browser.screenshot("draft-changes-side");
        phone("phone-draft-changes-side");

        handIn(id, 5, file("Dự thảo Kế hoạch lần 3.pdf", pdf("KE HOACH - du thao lan 3",
                "Bo sung lo trinh cu the va trach nhiem cua cac co quan")));
        browser.signIn("chair");
        browser.open("/draft.html?id=" + id + "&v=3");
        browser.waitForText(By.id("draft-title"), "Dự thảo v3: Dự thảo Kế hoạch lần 3.pdf");
        assertThat(browser.find(By.id("pdf")).getAttribute("src")).endsWith("/drafts/3/file?inline=true");
        assertThat(browser.text(By.id("changes"))).isEqualTo("Thay đổi so với v2");
        browser.screenshot("draft-pdf");
        phone("phone-draft-pdf");
    }

    @Test
    void the_file_chooser_is_labelled_opens_from_the_keyboard_clears_on_reset_and_follows_the_language() {
        String id = assignment("Báo cáo sơ kết (thử chọn tệp)", "REPORT");
        browser.signIn("tckh");
        browser.open("/assignment.html?id=" + id);
        browser.find(By.cssSelector("#form-draft .file-chooser"));
        assertThat(Axe.seriousProblems(browser)).as("axe on the hand-in form").isEmpty();
        assertThat(browser.present(By.cssSelector("#form-draft [name='documentFile']")).getAccessibleName())
                .isEqualTo(FILE_LABEL + ": Chưa chọn tệp");

        // Tab from the form's summary reaches the chooser's input; its ring is drawn on the button one sees.
        browser.script("document.querySelector('.action-handIn summary').focus()");
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertThat((Boolean) browser.script("return document.activeElement.name === 'documentFile'")).isTrue();
        assertThat((String) browser.script("const s = getComputedStyle(document.querySelector('#form-draft .file-button'));"
                + "return s.outlineStyle + ' ' + s.outlineWidth")).isEqualTo("solid 3px");
        browser.screenshot("draft-hand-in-focus");

        // Enter and Space open the picker: the input gets its click (kept from opening a real dialog here).
        browser.script("window.pickerOpened = 0; document.activeElement.addEventListener('click', e => {"
                + " window.pickerOpened++; e.preventDefault(); })");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
        assertThat(browser.script("return window.pickerOpened")).isEqualTo(2L);

        // A chosen file is named; a reset form says again that none is chosen.
        browser.present(By.cssSelector("#form-draft [name='documentFile']"))
                .sendKeys(file("Báo cáo sơ kết.pdf", pdf("BAO CAO SO KET")).toString());
        browser.waitForText(By.cssSelector("#form-draft .file-chosen"), "Báo cáo sơ kết.pdf (");
        assertThat(chooserName()).startsWith(FILE_LABEL + ": Báo cáo sơ kết.pdf (");
        browser.script("document.getElementById('form-draft').reset()");
        browser.waitForText(By.cssSelector("#form-draft .file-chosen"), "Chưa chọn tệp");
        assertThat(chooserName()).isEqualTo(FILE_LABEL + ": Chưa chọn tệp");

        // In English the chooser is English too.
        browser.find(By.id("lang")).click();
        try {
            browser.waitForText(By.cssSelector("#form-draft .file-button"), "Choose file");
            assertThat(browser.text(By.cssSelector("#form-draft .file-chosen"))).isEqualTo("No file chosen");
            assertThat(chooserName()).isEqualTo("Draft file (.docx, .odt, .pdf, .txt): No file chosen");
        } finally {
            browser.find(By.id("lang")).click();
            browser.waitForText(By.cssSelector("#form-draft .file-button"), "Chọn tệp");
        }
    }

    @Test
    void a_file_dropped_on_the_chooser_is_named_with_its_size_as_a_chosen_one_is() {
        String id = openedByTheUnit("Kế hoạch chuyển đổi số (dự thảo kéo thả)", "PLAN");
        Path dropped = file("Dự thảo kéo thả.pdf", pdf("DU THAO KEO THA"));

        // A real drop, as from the file manager, on the middle of "Chọn tệp · Chưa chọn tệp" (the input lies over it).
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.script("const c = document.querySelector('#form-draft .file-chooser');"
                + "c.scrollIntoView({block: 'center'}); const r = c.getBoundingClientRect();"
                + "return [r.x + r.width / 2, r.y + r.height / 2];");
        Map<String, Object> data = Map.of("items", List.of(), "files", List.of(dropped.toString()), "dragOperationsMask", 1);
        for (String type : List.of("dragEnter", "dragOver", "drop")) {
            browser.driver.executeCdpCommand("Input.dispatchDragEvent",
                    Map.of("type", type, "x", at.get(0), "y", at.get(1), "data", data));
        }

        browser.waitForText(By.cssSelector("#form-draft .file-chosen"), "Dự thảo kéo thả.pdf (" + kilobytes(dropped) + " KB)");
        assertThat(chooserName()).isEqualTo(FILE_LABEL + ": Dự thảo kéo thả.pdf (" + kilobytes(dropped) + " KB)");
        assertThat(browser.find(By.cssSelector("#form-draft [name='documentName']")).getAttribute("value"))
                .isEqualTo("Dự thảo kéo thả.pdf");
        browser.screenshot("draft-hand-in-dropped");
    }

    @Test
    void a_file_chosen_again_is_handed_in_under_its_own_name_not_the_first_ones() {
        String id = openedByTheUnit("Báo cáo tổng kết (chọn lại tệp)", "REPORT");
        By chooser = By.cssSelector("#form-draft [name='documentFile']");
        By name = By.cssSelector("#form-draft [name='documentName']");

        // The wrong file first, then the right one: the name follows, or the PDF would download as "...docx".
        browser.present(chooser).sendKeys(file("Bản nháp cũ.docx", docx(V1)).toString());
        browser.present(chooser).sendKeys(file("Báo cáo tổng kết.pdf", pdf("BAO CAO TONG KET")).toString());
        browser.waitForText(By.cssSelector("#form-draft .file-chosen"), "Báo cáo tổng kết.pdf (");
        assertThat(browser.find(name).getAttribute("value")).isEqualTo("Báo cáo tổng kết.pdf");
        browser.find(By.cssSelector("#form-draft button[type=submit]")).click();
        browser.waitForCount(By.cssSelector("#steps > li"), 2);
        assertThat(browser.text(By.cssSelector("#steps > li:last-child"))).contains("Báo cáo tổng kết.pdf")
                .doesNotContain("Bản nháp cũ.docx");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_with_the_limit_in_words_and_the_draft_is_not_handed_in() {
        String id = openedByTheUnit("Báo cáo tổng kết (tệp quá lớn)", "REPORT");
        // 51 MB of a PDF's first bytes: over the default limit of 50 MB, which the person cannot know beforehand.
        byte[] scan = new byte[51 * 1024 * 1024];
        byte[] head = pdf("BAN SCAN");
        System.arraycopy(head, 0, scan, 0, head.length);
        browser.present(By.cssSelector("#form-draft [name='documentFile']")).sendKeys(file("Bản scan.pdf", scan).toString());
        browser.find(By.cssSelector("#form-draft button[type=submit]")).click();

        browser.waitForText(By.cssSelector("#form-draft [role=alert]"), "Tệp quá lớn: Docket nhận tệp tối đa 50 MB.");
        browser.screenshot("draft-hand-in-too-large");
        phone("draft-hand-in-too-large-phone");
        browser.open("/assignment.html?id=" + id);
        browser.waitForCount(By.cssSelector("#steps > li"), 1);
    }

    @Test
    void a_name_typed_with_another_types_extension_is_refused_in_words_and_the_draft_is_not_handed_in() {
        String id = openedByTheUnit("Báo cáo tổng kết (tên tệp sai đuôi)", "REPORT");
        browser.present(By.cssSelector("#form-draft [name='documentFile']")).sendKeys(file("Báo cáo.docx", docx(V1)).toString());
        By name = By.cssSelector("#form-draft [name='documentName']");
        browser.find(name).clear();
        browser.find(name).sendKeys("Báo cáo tổng kết.pdf");
        browser.find(By.cssSelector("#form-draft button[type=submit]")).click();

        browser.waitForText(By.cssSelector("#form-draft [role=alert]"),
                "Tên tệp có đuôi .pdf nhưng tệp đã chọn là tệp .docx: hãy đặt tên có đuôi .docx.");
        browser.open("/assignment.html?id=" + id);
        browser.waitForCount(By.cssSelector("#steps > li"), 1);
    }

    static final String FILE_LABEL = "Tệp dự thảo (.docx, .odt, .pdf, .txt)";

    /** An assignment of its own for the test, its page open as the unit's staff see it before any hand-in. */
    private String openedByTheUnit(String title, String kind) {
        String id = assignment(title, kind);
        browser.signIn("tckh");
        browser.open("/assignment.html?id=" + id);
        browser.waitForCount(By.cssSelector("#steps > li"), 1);
        return id;
    }

    /** An assignment of {@code kind} for the unit, recorded by the clerk over the API: each test hands in on its own. */
    private String assignment(String title, String kind) {
        return (String) http.withBasicAuth("clerk", "demo").postForEntity("/api/assignments", Map.of(
                "title", title, "kind", kind, "leadUnit", UNIT, "deadline", "2030-12-31",
                "approvalRoute", List.of("Lãnh đạo UBND thành phố"), "effectiveDate", "2021-04-13"), Map.class).getBody().get("id");
    }

    /** The hand-in chooser's accessible name, as the page sets it. */
    private String chooserName() {
        return browser.present(By.cssSelector("#form-draft [name='documentFile']")).getAttribute("aria-label");
    }

    /** A file's size as the chooser writes it under 1 MB: whole kilobytes, at least 1. */
    static long kilobytes(Path file) {
        try {
            return Math.max(1, Math.round(Files.size(file) / 1024.0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chair sends the draft back (over the API) and the unit hands in the next version by choosing its file. */
    private void handIn(String id, int stepsBefore, Path file) {
        http.withBasicAuth("chair", "demo").postForEntity("/api/assignments/" + id + "/revision-requests",
                Map.of("reasons", List.of("Bổ sung lộ trình cụ thể")), Map.class);
        browser.signIn("tckh");
        browser.open("/assignment.html?id=" + id);
        browser.waitForCount(By.cssSelector("#steps > li"), stepsBefore);
        browser.present(By.cssSelector("#form-draft [name='documentFile']")).sendKeys(file.toString());
        browser.find(By.cssSelector("#form-draft button[type=submit]")).click();
        browser.waitForCount(By.cssSelector("#steps > li"), stepsBefore + 1);
    }

    /** The page at phone width: nothing wider than the screen, and its picture. */
    private void phone(String screenshot) {
        Dimension before = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(PHONE);
        try {
            assertThat((Boolean) browser.script(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"))
                    .as("sideways scrolling at phone width").isFalse();
            browser.screenshot(screenshot);
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }
}
