package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.DocketApplication;

/**
 * Text people type (a title, a note, a reason, a file's name) that looks like markup is shown as that text on every
 * page that shows it, never read as HTML; the pages' CSP would stop an inline handler from running, so the test
 * looks for the elements themselves. A draft's link, the one address a page takes from data, is only http(s).
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium=ERROR")
@ActiveProfiles("test")
class HostileTextBrowserTest extends BrowserTest {

    static final String TCKH = "Phòng Tài chính - Kế hoạch";
    static final String TITLE = "Kế hoạch <img src=x onerror=\"document.title='xss'\"> <b>trọng tâm</b> 2021";
    static final String NOTE = "<script>document.title='xss'</script>Bản trình lần 1";
    static final String REASON = "<svg onload=\"document.title='xss'\">Bổ sung số liệu</svg>";
    static final String NAME = "<img src=x onerror=alert(1)>.docx";
    /** What markup in the data would have made: none of it belongs to any page. */
    static final String MADE = "[onerror], [onload], main img, main b, main script, #bell-panel img, #bell-panel b";

    @Autowired
    TestRestTemplate http;

    @Test
    void markup_in_a_title_note_reason_or_file_name_shows_as_text_on_every_page_and_a_javascript_link_is_refused() {
        String id = (String) post("clerk", "/api/assignments", Map.of("title", TITLE, "kind", "PLAN", "leadUnit", TCKH,
                "approvalRoute", List.of("Lãnh đạo UBND thành phố"))).getBody().get("id");
        String drafts = "/api/assignments/" + id + "/drafts";
        ResponseEntity<Map<String, Object>> link = post("tckh", drafts,
                Map.of("documentName", "v1.docx", "documentUrl", "javascript:alert(1)"));
        assertThat(link.getStatusCode().value()).isEqualTo(422);
        assertThat(link.getBody()).containsEntry("rule", "document-url-format");
        assertThat(post("tckh", drafts, Map.of("documentName", NAME, "documentUrl", "https://vanban.example.vn/v1",
                "note", NOTE)).getStatusCode().value()).isEqualTo(201);
        assertThat(post("chair", "/api/assignments/" + id + "/revision-requests", Map.of("reasons", List.of(REASON)))
                .getStatusCode().value()).isEqualTo(200);

        browser.signIn("tckh");
        browser.open("/assignment.html?id=" + id);
        browser.waitForText(By.tagName("h1"), TITLE);
        browser.waitForText(By.id("steps"), REASON);
        assertThat(browser.text(By.id("steps"))).contains(NOTE, NAME);
        assertThat(browser.all(By.cssSelector("#steps a[href^='javascript']"))).isEmpty();
        nothingMade("the detail and its plan path");

        for (String page : List.of("/assignments.html?q=trong+tam", "/", "/search.html?q=trong+tam",
                "/audit.html?assignment=" + id)) {
            browser.open(page);
            browser.waitForText(By.tagName("main"), TITLE);
            nothingMade(page);
        }

        browser.find(By.id("bell")).click();
        browser.waitForText(By.id("bell-list"), TITLE);
        nothingMade("the notifications");
    }

    private void nothingMade(String where) {
        assertThat(browser.script("return document.querySelectorAll(arguments[0]).length", MADE)).as(where).isEqualTo(0L);
        assertThat(browser.driver.getTitle()).as(where).isNotEqualTo("xss");
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body),
                new ParameterizedTypeReference<>() {
                });
    }
}
