package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

        // Back in the tab still showing v1, the chair's approval is refused: v2 is the current draft.
        browser.signIn("chair");
        browser.driver.switchTo().window(staleTab);
        browser.find(By.cssSelector(".action-approve summary")).click();
        submit("form-approve");
        assertThat(browser.text(By.cssSelector("#form-approve [role=alert]")))
                .isEqualTo("Dự thảo bạn đang xem không còn là bản hiện tại; hãy mở bản mới nhất rồi xem xét lại.");
        assertThat(status(id)).isEqualTo("DRAFT_SUBMITTED");

        // Reloaded, the page shows v2 with the answers next to each point; the chair approves v2 by its version.
        browser.open(page);
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
        browser.find(By.cssSelector(".action-approve summary")).click();
        submit("form-approve");
        stepsShown(6);
        browser.waitForCount(By.cssSelector("#points > li.point-CLOSED"), 3);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(id), "APPROVED"::equals);
        screenshots("revision-points-closed");
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
