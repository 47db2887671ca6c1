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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.app.DocketApplication;

/**
 * The users page of administrators and every person's access tokens, in Vietnamese, at desktop (1366x900)
 * and phone (390x844) width. Screenshots go to target/screenshots/.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium=ERROR")
@ActiveProfiles("test")
class UsersAdminBrowserTest extends BrowserTest {


    @Autowired
    TestRestTemplate http;

    /** A person's access tokens of this label. */
    private long tokensOf(String userId, String label) {
        List<Map<String, Object>> tokens = http.withBasicAuth(userId, "demo").exchange("/api/me/tokens", HttpMethod.GET,
                null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).getBody();
        return tokens.stream().filter(t -> label.equals(t.get("label"))).count();
    }

    /** The password resets of one person that the audit log lists. */
    @SuppressWarnings("unchecked")
    private long resetsOf(String userId) {
        List<Map<String, Object>> events = (List<Map<String, Object>>) http.withBasicAuth("auditor", "demo").exchange(
                "/api/audit?actor=admin&size=200", HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {
                }).getBody().get("items");
        return events.stream().filter(e -> "PasswordReset".equals(e.get("type"))
                && userId.equals(((Map<String, Object>) e.get("payload")).get("userId"))).count();
    }

    private boolean pageOverflow() {
        return (Boolean) browser.script(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
    }

    private void submit(String formId) {
        browser.find(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    private String row(String id) {
        return browser.text(By.cssSelector("#user-list tr[data-user='" + id + "']"));
    }

    @Test
    void an_admin_adds_a_user_changes_their_role_grants_a_level_and_disables_them_all_from_the_users_page() {
        browser.signIn("admin");
        browser.find(By.cssSelector("header nav a[href='/admin-users.html']")).click();
        browser.find(By.id("user-list"));
        browser.find(By.cssSelector("details summary")).click();
        assertThat(browser.text(By.id("unit-list"))).contains("Phòng Tài chính - Kế hoạch", "TC-KH");
        browser.find(By.cssSelector("details summary")).click();

        browser.type(By.cssSelector("#add-user [name=id]"), "ngoc.tran");
        browser.type(By.cssSelector("#add-user [name=name]"), "Trần Thị Ngọc");
        browser.choose(By.cssSelector("#add-user [name=role]"), "Cán bộ đơn vị");
        browser.type(By.cssSelector("#add-user [name=unit]"), "Phòng Tài chính - Kế hoạch");
        browser.type(By.cssSelector("#add-user [name=password]"), "mật khẩu đủ dài");
        submit("add-user");
        browser.waitForText(By.id("user-list"), "ngoc.tran");
        assertThat(row("ngoc.tran")).contains("Trần Thị Ngọc", "Cán bộ đơn vị", "Đang hoạt động");

        browser.find(By.cssSelector("#user-list a[href='?id=ngoc.tran']")).click();
        browser.find(By.id("change-role"));
        browser.choose(By.cssSelector("#change-role [name=role]"), "Lãnh đạo đơn vị");
        LocalDate given = LocalDate.now(clock);
        submit("change-role");
        browser.waitForText(By.id("role-since"), "Lãnh đạo đơn vị");
        String since = browser.text(By.id("role-since"));
        assertThat(since).contains("do Quản trị hệ thống cấp");
        // The day in Vietnam: from 17:00 UTC the UTC date is the day before.
        assertThat(daysSince(given)).anySatisfy(day ->
                assertThat(since).contains(day.format(DateTimeFormatter.ofPattern("d/M/yyyy"))));

        browser.type(By.cssSelector("#grant-level [name=level]"), "Đơn vị chủ trì tổng hợp");
        submit("grant-level");
        browser.waitForText(By.id("granted-levels"), "Đơn vị chủ trì tổng hợp");

        // Refused in Vietnamese, nothing recorded: a password that is too short.
        browser.type(By.cssSelector("#reset-password [name=password]"), "ngắn");
        submit("reset-password");
        browser.waitForText(By.cssSelector("#reset-password [role=alert]"), "Mật khẩu quá ngắn");

        browser.screenshot("admin-users");
        submit("toggle-user");
        browser.waitForText(By.cssSelector("#user-list tr[data-user='ngoc.tran']"), "Đã khóa");

        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.open("/admin-users.html?id=ngoc.tran");
            browser.find(By.id("user-list"));
            assertThat(pageOverflow()).as("users page at phone width").isFalse();
            browser.screenshot("phone-admin-users");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }

        browser.open("/audit.html");
        browser.waitForText(By.tagName("main"), "Khóa tài khoản");
    }

    /**
     * The sign-in form sends the password as typed, spaces included: the users page keeps it so too, or the person
     * could never sign in with the password the administrator set and told them.
     */
    @Test
    void a_password_set_on_the_users_page_with_a_space_at_either_end_signs_in_as_typed() throws Exception {
        browser.signIn("admin");
        browser.open("/admin-users.html");
        browser.find(By.id("user-list"));
        String password = " mật khẩu có dấu cách ";
        browser.type(By.cssSelector("#add-user [name=id]"), "cach.trang");
        browser.type(By.cssSelector("#add-user [name=name]"), "Lê Văn Cách");
        browser.choose(By.cssSelector("#add-user [name=role]"), "Thanh tra");
        browser.type(By.cssSelector("#add-user [name=password]"), password);
        submit("add-user");
        browser.waitForText(By.id("user-list"), "cach.trang");

        java.net.http.HttpResponse<String> me = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/me"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                ("cach.trang:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    }

    @Test
    void someone_who_is_not_an_admin_has_no_users_page_but_makes_and_revokes_their_own_tokens() {
        browser.signIn("tckh");
        assertThat(browser.all(By.cssSelector("header nav a[href='/admin-users.html']"))).isEmpty();
        browser.find(By.id("my-tokens")).click();
        browser.type(By.cssSelector("#new-token [name=label]"), "Báo cáo tháng");
        submit("new-token");
        String token = browser.text(By.id("token-value"));
        assertThat(token).startsWith("dkt_");
        assertThat(browser.text(By.id("token-list"))).contains("Báo cáo tháng").doesNotContain(token);
        browser.screenshot("tokens");

        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.open("/tokens.html");
            browser.find(By.id("token-list"));
            assertThat(pageOverflow()).as("tokens page at phone width").isFalse();
            browser.screenshot("phone-tokens");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }

        List<WebElement> revoke = browser.all(By.cssSelector("#token-list button[data-token]"));
        assertThat(revoke).hasSize(1);
        revoke.get(0).click();
        browser.waitForText(By.id("token-list"), "Chưa có mã truy cập nào.");
    }

    /** Revoked on another page meanwhile: the click said nothing at all, and the list still offered the token. */
    @Test
    void revoking_a_token_already_revoked_elsewhere_says_so_and_shows_the_list_as_it_is() {
        String tokenId = (String) http.withBasicAuth("qldt", "demo").postForObject("/api/me/tokens",
                Map.of("label", "Lịch họp cũ"), Map.class).get("tokenId");
        browser.signIn("qldt");
        browser.open("/tokens.html");
        browser.waitForText(By.id("token-list"), "Lịch họp cũ");
        assertThat(http.withBasicAuth("qldt", "demo").postForEntity("/api/me/tokens/" + tokenId + "/revoke", Map.of(),
                Void.class).getStatusCode().value()).isEqualTo(204);

        browser.find(By.cssSelector("#token-list button[data-token='" + tokenId + "']")).click();

        browser.waitForText(By.cssSelector("main .error[role=alert]"), "Không tìm thấy");
        assertThat(browser.text(By.id("token-list"))).doesNotContain("Lịch họp cũ");
    }

    @Test
    void a_second_click_on_make_token_before_the_answer_makes_no_second_token() {
        browser.signIn("qldt");
        browser.open("/tokens.html");
        browser.type(By.cssSelector("#new-token [name=label]"), "Đồng bộ lịch họp");
        // On a slow network the person clicks again once Docket has made the token, before its answer arrives.
        browser.slowAnswers(Duration.ofSeconds(3));
        try {
            submit("new-token");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> tokensOf("qldt", "Đồng bộ lịch họp") > 0);
            browser.find(By.cssSelector("#new-token button[type=submit]")).click();
        } finally {
            browser.slowAnswers(Duration.ZERO);
        }
        browser.find(By.id("token-value"));
        // A token made after that: any second one the click made is in by the time this one is.
        browser.type(By.cssSelector("#new-token [name=label]"), "Máy chủ báo cáo");
        submit("new-token");
        browser.waitForText(By.id("token-list"), "Máy chủ báo cáo");
        assertThat(tokensOf("qldt", "Đồng bộ lịch họp")).isEqualTo(1);
    }

    @Test
    void enter_pressed_again_on_a_password_reset_before_the_answer_records_one_reset() {
        browser.signIn("admin");
        browser.open("/admin-users.html");
        browser.type(By.cssSelector("#add-user [name=id]"), "hai.lan");
        browser.type(By.cssSelector("#add-user [name=name]"), "Nguyễn Văn Hải");
        browser.choose(By.cssSelector("#add-user [name=role]"), "Thanh tra");
        browser.type(By.cssSelector("#add-user [name=password]"), "mật khẩu đủ dài");
        submit("add-user");
        browser.waitForText(By.id("user-list"), "hai.lan");

        browser.open("/admin-users.html?id=hai.lan");
        browser.type(By.cssSelector("#reset-password [name=password]"), "mật khẩu mới đủ dài");
        browser.slowAnswers(Duration.ofSeconds(3));
        try {
            browser.find(By.cssSelector("#reset-password [name=password]")).sendKeys(Keys.ENTER);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> resetsOf("hai.lan") > 0);
            browser.find(By.cssSelector("#reset-password [name=password]")).sendKeys(Keys.ENTER);
        } finally {
            browser.slowAnswers(Duration.ZERO);
        }
        browser.waitForText(By.cssSelector("#main p.ok"), "Đã ghi nhận.");
        // The account locked after that: any second reset the key made is in by the time the lock is.
        submit("toggle-user");
        browser.waitForText(By.cssSelector("#user-list tr[data-user='hai.lan']"), "Đã khóa");
        assertThat(resetsOf("hai.lan")).isEqualTo(1);
    }

    @Test
    void an_admin_revokes_the_access_token_of_another_person_from_the_users_page() {
        browser.signIn("auditor");
        browser.open("/tokens.html");
        browser.type(By.cssSelector("#new-token [name=label]"), "Máy tính xách tay bị mất");
        submit("new-token");
        browser.find(By.id("token-value"));

        browser.signIn("admin");
        browser.open("/admin-users.html?id=auditor");
        browser.waitForText(By.id("user-tokens"), "Máy tính xách tay bị mất");
        assertThat(browser.text(By.id("disable-revokes-tokens"))).contains("thu hồi mọi mã truy cập");
        browser.screenshot("admin-user-tokens");
        browser.driver.manage().window().setSize(PHONE);
        try {
            browser.open("/admin-users.html?id=auditor");
            browser.waitForText(By.id("user-tokens"), "Máy tính xách tay bị mất");
            assertThat(pageOverflow()).as("users page with tokens at phone width").isFalse();
            browser.screenshot("phone-admin-user-tokens");
        } finally {
            browser.driver.manage().window().setSize(DESKTOP);
        }

        browser.open("/admin-users.html?id=auditor");
        browser.find(By.cssSelector("#user-tokens button[data-token]")).click();
        browser.waitForText(By.id("user-tokens"), "Chưa có mã truy cập nào.");
    }

    @Test
    void revoking_a_persons_token_revoked_meanwhile_or_withdrawing_a_level_offline_is_said_on_the_users_page() {
        String tokenId = (String) http.withBasicAuth("tckh", "demo").postForObject("/api/me/tokens",
                Map.of("label", "Phần mềm kế toán"), Map.class).get("tokenId");
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/admin/users/tckh/levels",
                Map.of("level", "Đơn vị chủ trì tổng hợp"), Map.class).getStatusCode().value()).isEqualTo(200);
        browser.signIn("admin");
        browser.open("/admin-users.html?id=tckh");
        browser.waitForText(By.id("user-tokens"), "Phần mềm kế toán");
        // Its owner revokes it while the administrator's page still offers it.
        assertThat(http.withBasicAuth("tckh", "demo").postForEntity("/api/me/tokens/" + tokenId + "/revoke", Map.of(),
                Void.class).getStatusCode().value()).isEqualTo(204);

        browser.find(By.cssSelector("#user-tokens button[data-token='" + tokenId + "']")).click();

        // The click ended in the console, and the page went on offering the token.
        browser.waitForText(By.cssSelector("main .error[role=alert]"), "Không tìm thấy");
        assertThat(browser.text(By.id("user-tokens"))).doesNotContain("Phần mềm kế toán");

        browser.offline(true);
        try {
            browser.find(By.cssSelector("#granted-levels button")).click();
            browser.waitForText(By.id("granted-levels"), "Không kết nối được máy chủ.");
        } finally {
            browser.offline(false);
        }
        browser.find(By.cssSelector("#granted-levels button")).click();
        browser.until(d -> browser.all(By.id("granted-levels")).isEmpty());
    }
}
