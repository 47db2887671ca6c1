package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.DocketApplication;

/**
 * The notices page listed the newest twenty registered documents and nothing more: an office registers dozens a year,
 * and from the twenty-first on the older ones could be reached only through a task that cites them.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A Docket of its own (the last property): the other browser tests read the demo's notices on the list's first page.
        properties = {"logging.level.org.openqa.selenium=ERROR", "docket.test.context=notice-list"})
@ActiveProfiles("test")
class NoticeListBrowserTest extends BrowserTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void a_clerk_pages_through_more_registered_documents_than_a_page_holds_newest_first() {
        for (int number = 101; number <= 123; number++) {
            registerLetter(number);
        }

        browser.signIn("clerk");
        browser.open("/notices.html");
        browser.waitForText(By.id("page-info"), "Trang 1/2 · 23 mục");
        List<String> first = documents();
        assertThat(first).hasSize(20);
        assertThat(first.get(0)).isEqualTo("Công văn số 123/UBND-TH");
        assertThat(first.get(19)).isEqualTo("Công văn số 104/UBND-TH");

        browser.find(By.cssSelector("#notices-list a[rel=next]")).click();
        browser.waitForText(By.id("page-info"), "Trang 2/2 · 23 mục");
        assertThat(documents()).containsExactly("Công văn số 103/UBND-TH", "Công văn số 102/UBND-TH",
                "Công văn số 101/UBND-TH");
        // The pager sits under the list, below the clerk's import form: the next page opens at the list.
        assertThat((Boolean) browser.script("const r = document.getElementById('notices-list').getBoundingClientRect();"
                + "return window.scrollY > 0 && r.top >= 0 && r.top < window.innerHeight")).as("the list in view").isTrue();
        screenshots("notices-page-2");
        browser.find(By.cssSelector("#notices-list a[rel=prev]")).click();
        browser.waitForText(By.id("page-info"), "Trang 1/2 · 23 mục");

        // A link kept from when there were more pages says how many there are and leads to the last.
        browser.open("/notices.html?page=6");
        browser.waitForText(By.id("no-notices"), "Danh sách chỉ có 2 trang; trang này không có văn bản nào.");
        browser.find(By.linkText("Về trang cuối (trang 2)")).click();
        browser.waitForText(By.id("page-info"), "Trang 2/2 · 23 mục");
    }

    private List<String> documents() {
        return browser.all(By.cssSelector("#notices tbody tr td:first-child")).stream().map(WebElement::getText).toList();
    }

    /** A one-item letter numbered {@code number}/UBND-TH, read and registered through the API as the page does. */
    @SuppressWarnings("unchecked")
    private void registerLetter(int number) {
        String text = """
                ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
                Số: %d/UBND-TH
                Yên Bái, ngày 04 tháng 3 năm 2021
                Kính gửi: Sở Y tế.
                1. Sở Y tế tăng cường kiểm tra an toàn thực phẩm.
                """.formatted(number);
        HttpHeaders plain = new HttpHeaders();
        plain.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        ResponseEntity<Map<String, Object>> preview = post("/api/notices/preview", new HttpEntity<>(text, plain));
        assertThat(preview.getStatusCode().value()).as("%s", preview.getBody()).isEqualTo(200);
        Map<String, Object> reading = preview.getBody();
        ((List<Map<String, Object>>) reading.get("items")).forEach(item -> item.put("submitTo", List.of("Lãnh đạo UBND thành phố")));
        ResponseEntity<Map<String, Object>> registered = post("/api/notices", new HttpEntity<>(reading));
        assertThat(registered.getStatusCode().is2xxSuccessful()).as("%s", registered.getBody()).isTrue();
    }

    private ResponseEntity<Map<String, Object>> post(String path, HttpEntity<?> body) {
        return http.withBasicAuth("clerk", "demo").exchange(path, HttpMethod.POST, body,
                new ParameterizedTypeReference<>() {
                });
    }
}
