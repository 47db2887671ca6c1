package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.DocketApplication;
import vn.docket.app.PoisonEventTest;

/**
 * The administrator's System page, in Vietnamese, at desktop and phone width: the read models with rebuild,
 * and an event a read model set aside, retried from the page once its defect is gone. Screenshots go to
 * target/screenshots/system.png and phone-system.png.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A busy machine can take longer than the 1 s server selection to answer the first connection.
        properties = {"logging.level.org.openqa.selenium=ERROR", "docket.mongo.timeouts.server-selection=10s"})
@ActiveProfiles("test")
@Import(PoisonEventTest.ProbeConfiguration.class)
class SystemPageBrowserTest extends BrowserTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;

    boolean pageOverflow() {
        return (Boolean) browser.script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    String parkOneEvent() {
        Map<String, Object> assignment = Map.of("title", "Báo cáo công tác giải phóng mặt bằng", "kind", "REPORT",
                "leadUnit", "Phòng Quản lý đô thị", "deadline", "2021-04-30",
                "approvalRoute", List.of("Lãnh đạo UBND thành phố"), "effectiveDate", "2021-04-13");
        String id = (String) http.withBasicAuth("clerk", "demo").postForObject("/api/assignments", assignment, Map.class)
                .get("id");
        PoisonEventTest.defective.add(id);
        http.withBasicAuth("qldt", "demo").postForObject("/api/assignments/" + id + "/drafts", Map.of("documentName",
                "Dự thảo.docx", "documentUrl", "https://vanban.example.vn/" + id, "effectiveDate", "2021-04-14"), Map.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> http.withBasicAuth("admin", "demo")
                .exchange("/api/admin/dead-letters", HttpMethod.GET, null, LIST).getBody().stream()
                .anyMatch(s -> id.equals(s.get("sequence"))));
        return id;
    }

    @Test
    void an_administrator_sees_the_read_models_and_retries_a_set_aside_event_from_the_system_page() {
        parkOneEvent();
        browser.signIn("admin");
        browser.find(By.linkText("Hệ thống")).click();
        browser.waitForText(By.cssSelector("main h1"), "Hệ thống");
        browser.waitForText(By.id("projection-table"), "Danh sách nhiệm vụ");
        browser.waitForText(By.cssSelector(".dead-letter"), "Báo cáo công tác giải phóng mặt bằng");
        // The server's English reason is folded behind a Vietnamese sentence, there for IT when opened.
        assertThat(browser.text(By.cssSelector(".dead-letter"))).contains("Nộp dự thảo",
                "Bảng này không cập nhật được với sự kiện này.").doesNotContain("the probe cannot read assignment");
        browser.find(By.cssSelector(".dead-letter td.failure summary")).click();
        browser.waitForText(By.cssSelector(".dead-letter td.failure code"), "the probe cannot read assignment");
        assertThat(pageOverflow()).as("desktop").isFalse();
        browser.screenshot("system");

        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.open("/admin-system.html");
            browser.waitForText(By.cssSelector(".dead-letter"), "Báo cáo công tác giải phóng mặt bằng");
            browser.find(By.cssSelector(".dead-letter td.failure summary")).click();
            assertThat(pageOverflow()).as("phone").isFalse();
            browser.screenshot("phone-system");
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }

        PoisonEventTest.defective.clear();
        browser.find(By.cssSelector(".dead-letter button.retry")).click();
        browser.waitForText(By.id("system-status"), "Đã xử lý xong các sự kiện bị tạm gác.");
        browser.find(By.id("no-dead-letters"));

        browser.find(By.cssSelector("tr[data-projection='revision-cycles'] button.rebuild")).click();
        browser.driver.switchTo().alert().accept();
        browser.waitForText(By.id("system-status"), "Đã bắt đầu dựng lại bảng “Thống kê chỉnh sửa”.");
        browser.waitForText(By.cssSelector("tr[data-projection='revision-cycles'] .state"), "Đang chạy, đã cập nhật");
    }

    @Test
    void the_system_page_is_not_offered_to_anyone_but_an_administrator() {
        browser.signIn("clerk");
        assertThat(browser.text(By.cssSelector("header nav"))).doesNotContain("Hệ thống");
        browser.open("/admin-system.html");
        browser.waitForText(By.cssSelector("main .error"), "Chỉ quản trị viên");
    }
}
