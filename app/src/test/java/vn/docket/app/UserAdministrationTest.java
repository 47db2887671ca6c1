package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** An administrator adds, re-keys and disables the people who use Docket, through the API. */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class UserAdministrationTest {

    static final String OFFICE = "Văn phòng HĐND và UBND thành phố";
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoDatabase database;

    /** Signs in with HTTP Basic in UTF-8, as browsers and curl send it: passwords may be Vietnamese. */
    ResponseEntity<Map<String, Object>> call(String user, String password, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), MAP);
    }

    ResponseEntity<Map<String, Object>> asAdmin(String path, Object body) {
        return call("admin", "demo", HttpMethod.POST, path, body);
    }

    static Map<String, Object> user(String id, String role, String unit, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Nguyễn Thị Lan");
        body.put("unit", unit);
        body.put("role", role);
        body.put("password", password);
        return body;
    }

    static Map<String, Object> plan() {
        return Map.of("title", "Báo cáo công tác giải phóng mặt bằng", "kind", "REPORT",
                "leadUnit", "Phòng Quản lý đô thị", "deadline", "2021-04-25",
                "approvalRoute", List.of("Lãnh đạo UBND thành phố"), "effectiveDate", "2021-04-13");
    }

    static void assertStatus(ResponseEntity<Map<String, Object>> response, int status, String rule) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        if (rule != null) {
            assertThat(response.getBody()).containsEntry("rule", rule);
        }
    }

    @Test
    void an_admin_adds_a_user_who_can_then_sign_in_and_act_under_their_own_name() {
        // The name arrives decomposed, as some keyboards send it; Docket keeps it composed (NFC).
        Map<String, Object> body = user("lan.nguyen", "CLERK", OFFICE, "mật khẩu dài đủ");
        body.put("name", Normalizer.normalize("Nguyễn Thị Lan", Normalizer.Form.NFD));
        ResponseEntity<Map<String, Object>> added = asAdmin("/api/admin/users", body);
        assertStatus(added, 201, null);
        assertThat(added.getHeaders().getLocation()).hasPath("/api/admin/users/lan.nguyen");
        assertThat(added.getBody()).containsEntry("id", "lan.nguyen").containsEntry("role", "CLERK")
                .containsEntry("name", "Nguyễn Thị Lan").containsEntry("createdBy", "admin")
                .containsEntry("enabled", true).doesNotContainKeys("password", "passwordHash");

        ResponseEntity<Map<String, Object>> assigned =
                call("lan.nguyen", "mật khẩu dài đủ", HttpMethod.POST, "/api/assignments", plan());
        assertStatus(assigned, 201, null);
        String id = (String) assigned.getBody().get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = Awaitility.await().until(() -> {
            List<?> items = (List<?>) call("auditor", "demo", HttpMethod.GET, "/api/audit?assignment=" + id, null)
                    .getBody().get("items");
            return items.isEmpty() ? null : (Map<String, Object>) ((Map<?, ?>) items.get(0)).get("actor");
        }, a -> a != null);
        assertThat(actor).containsEntry("id", "lan.nguyen").containsEntry("name", "Nguyễn Thị Lan")
                .containsEntry("unit", OFFICE).containsEntry("role", "CLERK");
    }

    @Test
    void a_password_set_by_an_admin_is_kept_as_a_bcrypt_hash_at_the_configured_cost() {
        assertStatus(asAdmin("/api/admin/users", user("cost.four", "CLERK", OFFICE, "mật khẩu dài đủ")), 201, null);
        // application-test.yml sets docket.security.password-cost to 4; a start without it hashes at 10.
        assertThat(database.getCollection("users").find(Filters.eq("_id", "cost.four")).first().getString("passwordHash"))
                .startsWith("$2a$04$");
        assertStatus(call("cost.four", "mật khẩu dài đủ", HttpMethod.GET, "/api/assignments", null), 200, null);
    }

    @Test
    void a_vietnamese_password_set_on_one_keyboard_signs_in_from_another() {
        String composed = Normalizer.normalize("mật khẩu dài đủ", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertStatus(asAdmin("/api/admin/users", user("keyboard.nfd", "CLERK", OFFICE, decomposed)), 201, null);
        assertStatus(asAdmin("/api/admin/users", user("keyboard.nfc", "CLERK", OFFICE, composed)), 201, null);

        assertStatus(call("keyboard.nfd", composed, HttpMethod.GET, "/api/assignments", null), 200, null);
        assertStatus(call("keyboard.nfd", decomposed, HttpMethod.GET, "/api/assignments", null), 200, null);
        assertStatus(call("keyboard.nfc", decomposed, HttpMethod.GET, "/api/assignments", null), 200, null);
        assertThat(call("keyboard.nfc", "mật khẩu dài đủ!", HttpMethod.GET, "/api/assignments", null)
                .getStatusCode().value()).isEqualTo(401);
    }

    /** Users, projections and parked events answer a non-administrator alike, each naming what is refused. */
    @Test
    void every_administrators_page_refuses_a_clerk_as_admins_only_saying_what_only_an_administrator_may_do() {
        Map<String, String> refusals = Map.of(
                "/api/admin/users", "Only an administrator may manage users.",
                "/api/admin/projections", "Only an administrator may see or rebuild projections.",
                "/api/admin/dead-letters", "Only an administrator may see, retry or drop parked events.");
        refusals.forEach((path, detail) -> {
            ResponseEntity<Map<String, Object>> refused = call("clerk", "demo", HttpMethod.GET, path, null);
            assertStatus(refused, 403, "admins-only");
            assertThat(refused.getBody()).containsEntry("detail", detail);
        });
    }

    @Test
    void someone_who_is_not_an_admin_gets_403_and_someone_not_signed_in_gets_401() {
        String pw = "mật khẩu dài đủ";
        for (String who : List.of("clerk", "auditor", "chair", "tckh")) {
            assertStatus(call(who, "demo", HttpMethod.GET, "/api/admin/users", null), 403, "admins-only");
            assertStatus(call(who, "demo", HttpMethod.POST, "/api/admin/users",
                    user("by." + who, "AUDITOR", null, pw)), 403, "admins-only");
            assertStatus(call(who, "demo", HttpMethod.POST, "/api/admin/users/clerk/password",
                    Map.of("password", pw)), 403, "admins-only");
            assertStatus(call(who, "demo", HttpMethod.POST, "/api/admin/users/clerk/disable", null), 403, "admins-only");
        }
        assertStatus(call(null, null, HttpMethod.GET, "/api/admin/users", null), 401, "authentication-required");
        assertStatus(call("admin", "demo", HttpMethod.GET, "/api/admin/users/by.clerk", null), 404, "not-found");
    }

    @Test
    void a_second_user_with_a_taken_id_is_a_409_whether_stored_or_a_demo_user() {
        assertStatus(asAdmin("/api/admin/users", user("hoa.le", "UNIT_STAFF", "Phòng Quản lý đô thị", "mười ký tự trở lên")),
                201, null);
        assertStatus(asAdmin("/api/admin/users", user("hoa.le", "AUDITOR", null, "một mật khẩu khác")), 409, "user-exists");
        assertStatus(asAdmin("/api/admin/users", user("clerk", "CLERK", OFFICE, "mười ký tự trở lên")), 409, "user-exists");
    }

    @Test
    void a_password_shorter_than_ten_characters_is_a_422_and_nobody_is_added() {
        assertStatus(asAdmin("/api/admin/users", user("short.pw", "AUDITOR", null, "123456789")), 422, "weak-password");
        assertStatus(call("admin", "demo", HttpMethod.GET, "/api/admin/users/short.pw", null), 404, null);
    }

    @Test
    void an_id_role_or_missing_unit_that_breaks_the_rules_is_a_422_naming_the_rule() {
        String pw = "mười ký tự trở lên";
        assertStatus(asAdmin("/api/admin/users", user("Lan", "AUDITOR", null, pw)), 422, "invalid-user-id");
        assertStatus(asAdmin("/api/admin/users", user("x", "AUDITOR", null, pw)), 422, "invalid-user-id");
        assertStatus(asAdmin("/api/admin/users", user("mai.vu", "INSPECTOR", null, pw)), 422, "invalid-role");
        assertStatus(asAdmin("/api/admin/users", user("mai.vu", "SYSTEM", null, pw)), 422, "invalid-role");
        assertStatus(asAdmin("/api/admin/users", user("mai.vu", "UNIT_HEAD", " ", pw)), 422, "unit-required");
    }

    /**
     * A unit typed as the office writes it short: kept as "TC-KH", the person matched none of Phòng Tài chính - Kế
     * hoạch's tasks and saw nothing of their unit's work.
     */
    @Test
    void a_unit_typed_by_its_short_name_is_kept_under_the_directorys_name_so_its_staff_see_its_tasks() {
        String pw = "mười ký tự trở lên";
        ResponseEntity<Map<String, Object>> added = asAdmin("/api/admin/users", user("hoa.tran", "UNIT_HEAD", "TC-KH", pw));
        assertStatus(added, 201, null);
        assertThat(added.getBody()).containsEntry("unit", "Phòng Tài chính - Kế hoạch");
        Map<String, Object> plan = new HashMap<>(plan());
        plan.put("leadUnit", "Phòng Tài chính - Kế hoạch");
        String id = (String) call("clerk", "demo", HttpMethod.POST, "/api/assignments", plan).getBody().get("id");
        assertThat(id).isNotNull();
        Awaitility.await().until(() -> call("hoa.tran", pw, HttpMethod.GET, "/api/assignments/" + id, null)
                .getStatusCode().value() == 200);

        assertThat(asAdmin("/api/admin/users/hoa.tran/unit", Map.of("unit", "phòng QLĐT")).getBody())
                .containsEntry("unit", "Phòng Quản lý đô thị");
        // A unit the directory does not know is kept as typed.
        assertThat(asAdmin("/api/admin/users/hoa.tran/unit", Map.of("unit", "Ban Quản lý chợ Đồng Xoài")).getBody())
                .containsEntry("unit", "Ban Quản lý chợ Đồng Xoài");
    }

    /** Pasted alone, a zero-width space, a soft hyphen or a byte-order mark shows nothing: it took the unit away. */
    @Test
    void a_unit_of_only_invisible_characters_is_refused_and_the_unit_a_user_acts_for_stays() {
        String pw = "mười ký tự trở lên";
        assertStatus(asAdmin("/api/admin/users", user("thu.le", "AUDITOR", "Thanh tra thành phố", pw)), 201, null);
        for (String invisible : List.of("\u200b", "\u00ad", "\ufeff", " \u200b ")) {
            assertStatus(asAdmin("/api/admin/users/thu.le/unit", Map.of("unit", invisible)), 422, "control-characters");
            assertStatus(asAdmin("/api/admin/users", user("an.le", "AUDITOR", invisible, pw)), 422, "control-characters");
        }
        assertThat(call("admin", "demo", HttpMethod.GET, "/api/admin/users/thu.le", null).getBody())
                .containsEntry("unit", "Thanh tra thành phố");
        assertStatus(call("admin", "demo", HttpMethod.GET, "/api/admin/users/an.le", null), 404, "not-found");
        // Left empty, the unit is cleared, as the page's empty field asks.
        assertThat(asAdmin("/api/admin/users/thu.le/unit", Map.of("unit", "")).getBody()).containsEntry("unit", null);
    }

    @Test
    void a_disabled_user_cannot_sign_in_until_enabled_again() {
        String pw = "mười ký tự trở lên";
        assertStatus(asAdmin("/api/admin/users", user("duc.pham", "AUDITOR", null, pw)), 201, null);
        assertStatus(call("duc.pham", pw, HttpMethod.GET, "/api/assignments", null), 200, null);

        assertStatus(asAdmin("/api/admin/users/duc.pham/disable", null), 200, null);
        assertStatus(call("duc.pham", pw, HttpMethod.GET, "/api/assignments", null), 401, "authentication-required");

        assertStatus(asAdmin("/api/admin/users/duc.pham/enable", null), 200, null);
        assertStatus(call("duc.pham", pw, HttpMethod.GET, "/api/assignments", null), 200, null);
    }

    @Test
    void a_new_password_replaces_the_old_one() {
        assertStatus(asAdmin("/api/admin/users", user("minh.tran", "AUDITOR", null, "mật khẩu thứ nhất")), 201, null);
        assertStatus(asAdmin("/api/admin/users/minh.tran/password", Map.of("password", "ngắn")), 422, "weak-password");
        assertStatus(asAdmin("/api/admin/users/minh.tran/password", Map.of("password", "mật khẩu thứ hai")), 200, null);
        assertStatus(call("minh.tran", "mật khẩu thứ nhất", HttpMethod.GET, "/api/assignments", null), 401, null);
        assertStatus(call("minh.tran", "mật khẩu thứ hai", HttpMethod.GET, "/api/assignments", null), 200, null);
        // Demo and configured users keep their password in the configuration.
        assertStatus(asAdmin("/api/admin/users/clerk/password", Map.of("password", "mật khẩu thứ hai")), 409,
                "configured-user");
    }

    /** Ten spaces are ten characters, but no password: anyone can guess one that shows nothing. */
    @Test
    void a_password_of_only_spaces_is_refused_as_weak_and_nothing_is_recorded() {
        assertStatus(asAdmin("/api/admin/users", user("blank.pw", "AUDITOR", null, " ".repeat(12))), 422, "weak-password");
        assertStatus(asAdmin("/api/admin/users", user("blank.pw", "AUDITOR", null, "\u200b".repeat(12))), 422,
                "weak-password");
        assertStatus(call("admin", "demo", HttpMethod.GET, "/api/admin/users/blank.pw", null), 404, "not-found");
    }

    @Test
    void the_user_listing_never_shows_a_password_or_its_hash() {
        assertStatus(asAdmin("/api/admin/users", user("list.me", "AUDITOR", null, "mười ký tự trở lên")), 201, null);
        ResponseEntity<List<Map<String, Object>>> listing = http.withBasicAuth("admin", "demo")
                .exchange("/api/admin/users", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(listing.getBody()).extracting(u -> u.get("id")).contains("list.me");
        assertThat(listing.getBody().toString()).doesNotContain("$2a$", "passwordHash", "mười ký tự");
    }

    ResponseEntity<Map<String, Object>> bearer(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), MAP);
    }

    @Test
    void every_change_of_authority_is_in_the_audit_log_with_who_made_it_and_verify_stays_intact() {
        assertStatus(asAdmin("/api/admin/users", user("audit.me", "AUDITOR", null, "mười ký tự trở lên")), 201, null);
        assertStatus(asAdmin("/api/admin/users/audit.me/role", Map.of("role", "CLERK")), 422, "unit-required");
        assertStatus(asAdmin("/api/admin/users/audit.me/unit", Map.of("unit", OFFICE)), 200, null);
        ResponseEntity<Map<String, Object>> clerk = asAdmin("/api/admin/users/audit.me/role", Map.of("role", "CLERK"));
        assertStatus(clerk, 200, null);
        assertThat(clerk.getBody()).containsEntry("role", "CLERK").containsEntry("roleGrantedBy", "Quản trị hệ thống")
                .containsKey("roleSince");
        assertStatus(asAdmin("/api/admin/users/audit.me/levels", Map.of("level", "Ban Thường vụ Thành ủy")), 200, null);
        assertStatus(asAdmin("/api/admin/users/audit.me/password", Map.of("password", "mật khẩu thứ hai")), 200, null);
        assertStatus(asAdmin("/api/admin/users/audit.me/disable", null), 200, null);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = Awaitility.await().until(() -> (List<Map<String, Object>>) call(
                        "auditor", "demo", HttpMethod.GET, "/api/audit?actor=admin&size=100", null).getBody().get("items"),
                items -> items.stream().filter(e -> "audit.me".equals(((Map<?, ?>) e.get("payload")).get("userId")))
                        .count() == 6);
        List<Map<String, Object>> mine = entries.stream()
                .filter(e -> "audit.me".equals(((Map<?, ?>) e.get("payload")).get("userId"))).toList();
        assertThat(mine).extracting(e -> e.get("type")).containsExactlyInAnyOrder("UserRegistered", "UserUnitChanged",
                "UserRoleChanged", "ApprovalLevelGranted", "PasswordReset", "UserDisabled");
        assertThat(mine).extracting(e -> (Object) ((Map<?, ?>) e.get("actor")).get("id")).containsOnly("admin");
        assertThat(mine.toString()).doesNotContain("$2a$", "mật khẩu");
        assertThat(call("auditor", "demo", HttpMethod.GET, "/api/audit/verify", null).getBody())
                .containsEntry("intact", true);
    }

    /**
     * A level typed short ("Chủ tịch UBND") or misspelt names no level of any route: granting it would record an
     * authority that lets nobody approve anything, and the administrator would believe it given.
     */
    @Test
    void an_approval_level_no_route_can_name_is_refused_and_nothing_is_recorded() {
        assertStatus(asAdmin("/api/admin/users", user("level.me", "VICE_CHAIR", null, "mười ký tự trở lên")), 201, null);
        assertStatus(asAdmin("/api/admin/users/level.me/levels", Map.of("level", "Chủ tịch UBND")), 422, "unknown-level");
        ResponseEntity<Map<String, Object>> user = call("admin", "demo", HttpMethod.GET, "/api/admin/users/level.me", null);
        assertThat(user.getBody()).containsEntry("levels", List.of()).containsEntry("changedAt", null);

        assertStatus(asAdmin("/api/admin/users/level.me/levels", Map.of("level", "Chủ tịch UBND thành phố")), 200, null);
    }

    @Test
    void an_unknown_role_is_refused_and_configured_users_keep_the_role_the_configuration_gives() {
        assertStatus(asAdmin("/api/admin/users", user("role.me", "AUDITOR", null, "mười ký tự trở lên")), 201, null);
        assertStatus(asAdmin("/api/admin/users/role.me/role", Map.of("role", "KING")), 422, "invalid-role");
        assertStatus(asAdmin("/api/admin/users/chair/role", Map.of("role", "AUDITOR")), 409, "configured-user");
        assertStatus(call("clerk", "demo", HttpMethod.POST, "/api/admin/users/role.me/role", Map.of("role", "ADMIN")),
                403, "admins-only");
    }

    @Test
    void a_personal_access_token_is_shown_once_signs_in_and_is_refused_at_once_when_revoked() {
        ResponseEntity<Map<String, Object>> issued = call("tckh", "demo", HttpMethod.POST, "/api/me/tokens",
                Map.of("label", "báo cáo tháng"));
        assertStatus(issued, 201, null);
        String token = (String) issued.getBody().get("token");
        String tokenId = (String) issued.getBody().get("tokenId");
        assertThat(token).startsWith("dkt_").hasSizeGreaterThan(40);

        assertStatus(bearer(token, "/api/assignments"), 200, null);
        assertThat(bearer(token, "/api/me").getBody()).containsEntry("id", "tckh").containsEntry("unitMember", true);
        ResponseEntity<List<Map<String, Object>>> mine = http.withBasicAuth("tckh", "demo")
                .exchange("/api/me/tokens", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        // Other tests in this context may hold tokens of tckh's too: this one is listed, by its id and label.
        assertThat(mine.getBody()).filteredOn(t -> tokenId.equals(t.get("tokenId"))).extracting(t -> t.get("label"))
                .containsExactly("báo cáo tháng");
        assertThat(mine.getBody().toString()).doesNotContain(token);

        HttpHeaders basic = new HttpHeaders();
        basic.setBasicAuth("tckh", "demo");
        assertThat(http.exchange("/api/me/tokens/" + tokenId + "/revoke", HttpMethod.POST, new HttpEntity<>(basic),
                Void.class).getStatusCode().value()).isEqualTo(204);
        assertStatus(bearer(token, "/api/assignments"), 401, "authentication-required");
        assertStatus(bearer("dkt_" + "x".repeat(43), "/api/assignments"), 401, "authentication-required");
    }

    @Test
    void the_token_of_a_user_who_is_disabled_is_refused() {
        String token = auditorWithToken("token.owner");
        assertStatus(asAdmin("/api/admin/users/token.owner/disable", null), 200, null);
        assertStatus(bearer(token, "/api/assignments"), 401, "authentication-required");
        assertStatus(call("token.owner", PASSWORD, HttpMethod.POST, "/api/me/tokens", Map.of("label", "x")), 401, null);
    }

    @Test
    void a_token_issued_before_its_user_was_disabled_stays_refused_when_they_are_enabled_again() {
        String leaked = auditorWithToken("came.back");

        assertStatus(asAdmin("/api/admin/users/came.back/disable", null), 200, null);
        assertStatus(asAdmin("/api/admin/users/came.back/enable", null), 200, null);

        ResponseEntity<Map<String, Object>> refused = bearer(leaked, "/api/assignments");
        assertStatus(refused, 401, "authentication-required");
        assertThat(refused.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(http.withBasicAuth("admin", "demo").exchange("/api/admin/users/came.back/tokens", HttpMethod.GET,
                null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).getBody()).isEmpty();
        assertStatus(bearer(tokenOf("came.back"), "/api/assignments"), 200, null);
    }

    private static final String PASSWORD = "mười ký tự trở lên";

    /** A new auditor and a token of theirs, which signs in. */
    private String auditorWithToken(String name) {
        assertStatus(asAdmin("/api/admin/users", user(name, "AUDITOR", null, PASSWORD)), 201, null);
        String token = tokenOf(name);
        assertStatus(bearer(token, "/api/assignments"), 200, null);
        return token;
    }

    /** A new token the person issues for themselves. */
    private String tokenOf(String name) {
        return (String) call(name, PASSWORD, HttpMethod.POST, "/api/me/tokens", Map.of("label", "tích hợp")).getBody()
                .get("token");
    }

    @Test
    void an_admin_revokes_another_persons_token_which_is_refused_from_the_next_request_and_recorded_under_the_admin() {
        String pw = "mười ký tự trở lên";
        assertStatus(asAdmin("/api/admin/users", user("lost.laptop", "AUDITOR", null, pw)), 201, null);
        Map<String, Object> issued = call("lost.laptop", pw, HttpMethod.POST, "/api/me/tokens",
                Map.of("label", "máy tính xách tay")).getBody();
        String token = (String) issued.get("token");
        assertStatus(bearer(token, "/api/assignments"), 200, null);

        ResponseEntity<List<Map<String, Object>>> listed = http.withBasicAuth("admin", "demo").exchange(
                "/api/admin/users/lost.laptop/tokens", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
                });
        assertThat(listed.getBody()).extracting(t -> t.get("label")).containsExactly("máy tính xách tay");
        assertThat(listed.getBody().toString()).doesNotContain(token);
        assertStatus(call("clerk", "demo", HttpMethod.POST,
                "/api/admin/users/lost.laptop/tokens/" + issued.get("tokenId") + "/revoke", null), 403, "admins-only");
        assertStatus(bearer(token, "/api/assignments"), 200, null);

        assertThat(asAdmin("/api/admin/users/lost.laptop/tokens/" + issued.get("tokenId") + "/revoke", null)
                .getStatusCode().value()).isEqualTo(204);
        assertStatus(bearer(token, "/api/assignments"), 401, "authentication-required");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = Awaitility.await().until(() -> (List<Map<String, Object>>) call(
                        "auditor", "demo", HttpMethod.GET, "/api/audit?actor=admin&size=100", null).getBody().get("items"),
                items -> items.stream().anyMatch(e -> "AccessTokenRevoked".equals(e.get("type"))
                        && "lost.laptop".equals(((Map<?, ?>) e.get("payload")).get("userId"))));
        assertThat(entries).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_approval_on_the_plan_path_says_since_when_and_by_whom_the_approver_held_their_role() {
        DocketClient docket = new DocketClient(http);
        String id = Walks.assign(docket, "Kế hoạch phát triển du lịch", "Phòng Tài chính - Kế hoạch", "2021-04-25",
                List.of("Lãnh đạo UBND thành phố"));
        Walks.draft(docket, "tckh", id, "2021-04-14");
        docket.ok("chair", "/api/assignments/" + id + "/approvals", Map.of("effectiveDate", "2021-04-15"));
        Map<String, Object> path = docket.await("auditor", "/api/assignments/" + id + "/path",
                p -> ((List<Map<String, Object>>) p.get("steps")).stream().anyMatch(s -> "APPROVED".equals(s.get("type"))));
        Map<String, Object> approved = ((List<Map<String, Object>>) path.get("steps")).stream()
                .filter(s -> "APPROVED".equals(s.get("type"))).findFirst().orElseThrow();
        // The demo chair was recorded by Docket itself at the first start.
        assertThat((Map<String, Object>) approved.get("details")).containsEntry("roleGrantedBy", "Docket")
                .hasEntrySatisfying("roleSince", since -> assertThat((String) since).matches("\\d{4}-\\d{2}-\\d{2}"));
    }
}
