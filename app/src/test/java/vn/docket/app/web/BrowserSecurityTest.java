package vn.docket.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.docket.app.DocketApplication;

/**
 * The browser's session (sign-in form, cookie, CSRF token) next to the API clients' HTTP Basic: each
 * keeps its own rules, and the pages carry the security headers.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserSecurityTest {

    TestRestTemplate http;

    @LocalServerPort
    int port;

    /** A browser sees the redirects themselves (to the sign-in form, after signing in or out). */
    @Autowired
    void http(TestRestTemplate template) {
        this.http = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    /** A browser's cookie jar, kept by hand: the session cookie and the readable CSRF cookie. */
    static final class Session {
        String session;
        String csrf;

        void take(ResponseEntity<?> response) {
            for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
                String pair = cookie.split(";", 2)[0];
                if (pair.startsWith("JSESSIONID=")) {
                    session = pair.substring("JSESSIONID=".length());
                }
                if (pair.startsWith("XSRF-TOKEN=")) {
                    csrf = pair.substring("XSRF-TOKEN=".length());
                }
            }
        }

        HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            StringBuilder cookies = new StringBuilder();
            if (session != null) {
                cookies.append("JSESSIONID=").append(session).append("; ");
            }
            if (csrf != null) {
                cookies.append("XSRF-TOKEN=").append(csrf);
            }
            headers.add(HttpHeaders.COOKIE, cookies.toString());
            return headers;
        }
    }

    Session signIn(String user) {
        return signIn(user, "demo");
    }

    Session signIn(String user, String password) {
        Session browser = new Session();
        browser.take(http.getForEntity("/login.html", String.class));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", browser.csrf);
        HttpHeaders headers = browser.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = http.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(answer.getHeaders().getLocation()).isNotNull().extracting(URI::getPath).isEqualTo("/");
        browser.take(answer);
        return browser;
    }

    @Test
    void a_page_without_a_session_sends_the_person_to_the_sign_in_form() {
        ResponseEntity<String> answer = http.getForEntity("/assignments.html", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(answer.getHeaders().getLocation()).extracting(URI::getPath).isEqualTo("/login.html");
    }

    @Test
    void pages_forbid_inline_scripts_and_framing() {
        HttpHeaders headers = http.getForEntity("/login.html", String.class).getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy"))
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
    }

    /**
     * A page brings about 200 KB of scripts and styles: on an office line or a phone they cross compressed, once; each
     * next page asks whether they changed (by the hash of their content) and gets an empty 304. What a person's API
     * answers hold stays out of the browser's cache.
     */
    @Test
    void the_scripts_cross_compressed_and_are_asked_for_again_by_their_hash_while_api_answers_are_never_stored()
            throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI script = URI.create("http://localhost:" + port + "/js/i18n.js");
        HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(script).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> zipped = client.send(HttpRequest.newBuilder(script)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(plain.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-cache").doesNotContain("no-store"));
        String etag = plain.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = client.send(HttpRequest.newBuilder(script)
                .header("If-None-Match", etag).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<byte[]> changed = client.send(HttpRequest.newBuilder(script)
                .header("If-None-Match", "\"0another-version\"").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(changed.statusCode()).as("a script that changed since").isEqualTo(200);
        assertThat(changed.body()).isEqualTo(plain.body());

        Session browser = signIn("tckh");
        HttpHeaders api = http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(browser.headers()), Map.class).getHeaders();
        assertThat(api.getCacheControl()).contains("no-store");
        assertThat(api.getETag()).isNull();
    }

    @Test
    void a_signed_in_browser_reads_the_api_with_its_session_and_api_me_names_the_person() {
        Session browser = signIn("tckh");
        ResponseEntity<Map> me = http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(browser.headers()), Map.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).containsEntry("id", "tckh").containsEntry("name", "Trần Văn Minh")
                .containsEntry("unit", "Phòng Tài chính - Kế hoạch").containsEntry("role", "UNIT_STAFF");
        assertThat((List<?>) me.getBody().get("approvalLevels")).isNotEmpty();
    }

    @Test
    void a_post_on_a_session_without_the_csrf_header_is_refused_and_with_it_reaches_the_rules() {
        Session browser = signIn("clerk");
        HttpHeaders forged = browser.headers();
        forged.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> refused = http.exchange("/api/assignments", HttpMethod.POST, new HttpEntity<>("{}", forged), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).containsEntry("rule", "csrf-token");

        HttpHeaders genuine = browser.headers();
        genuine.setContentType(MediaType.APPLICATION_JSON);
        genuine.set("X-XSRF-TOKEN", browser.csrf);
        ResponseEntity<Map> judged = http.exchange("/api/assignments", HttpMethod.POST, new HttpEntity<>("{}", genuine), Map.class);
        assertThat(judged.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(judged.getBody()).containsEntry("rule", "title-required");
    }

    @Test
    void api_clients_keep_http_basic_without_sessions_and_get_a_401_problem_without_credentials() {
        ResponseEntity<Map> anonymous = http.getForEntity("/api/assignments", Map.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(anonymous.getBody()).containsEntry("rule", "authentication-required");

        ResponseEntity<Map> basic = http.withBasicAuth("clerk", "demo").postForEntity("/api/assignments", Map.of(), Map.class);
        assertThat(basic.getStatusCode()).as("no CSRF token needed with Basic").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(basic.getHeaders().get(HttpHeaders.SET_COOKIE)).as("stateless: no session cookie").isNull();
    }

    @Test
    void an_ended_session_gets_a_401_problem_without_a_basic_challenge() {
        Session stale = new Session();
        stale.session = "no-such-session";
        ResponseEntity<Map> answer = http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(stale.headers()), Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(answer.getBody()).containsEntry("rule", "authentication-required");
    }

    @Test
    void signing_out_ends_the_session() {
        Session browser = signIn("chair");
        HttpHeaders headers = browser.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", browser.csrf);
        ResponseEntity<String> out = http.exchange("/logout", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(out.getHeaders().getLocation()).extracting(URI::toString).asString().endsWith("/login.html?signedOut");
        ResponseEntity<Map> after = http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(browser.headers()), Map.class);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** A unit's staff member added by the administrator (demo users' units belong to the configuration). */
    Session signedInStaff(String id) {
        ResponseEntity<Map> added = http.withBasicAuth("admin", "demo").postForEntity("/api/admin/users", Map.of("id", id,
                "name", "Lê Thị Hoa", "unit", "Phòng Tài chính - Kế hoạch", "role", "UNIT_STAFF",
                "password", "mat-khau-phien-1"), Map.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return signIn(id, "mat-khau-phien-1");
    }

    @Test
    void a_person_disabled_while_signed_in_is_refused_at_their_next_call_on_the_session() {
        Session browser = signedInStaff("hoa.disabled");
        assertThat(http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(browser.headers()), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/admin/users/hoa.disabled/disable", null,
                Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> after = http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(browser.headers()), Map.class);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(after.getBody()).containsEntry("rule", "authentication-required");
        HttpHeaders post = browser.headers();
        post.setContentType(MediaType.APPLICATION_JSON);
        post.set("X-XSRF-TOKEN", browser.csrf);
        assertThat(http.exchange("/api/me/tokens", HttpMethod.POST, new HttpEntity<>("{\"label\": \"sau khi khoá\"}", post),
                Map.class).getStatusCode()).as("no token made on the session either").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_person_moved_to_another_unit_while_signed_in_acts_for_the_new_unit_from_their_next_call() {
        Session browser = signedInStaff("hoa.moved");
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/admin/users/hoa.moved/unit",
                Map.of("unit", "Phòng Quản lý đô thị"), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/admin/users/hoa.moved/role",
                Map.of("role", "UNIT_HEAD"), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> me = http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(browser.headers()), Map.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).containsEntry("unit", "Phòng Quản lý đô thị").containsEntry("role", "UNIT_HEAD");
    }

    /** A password reset because it leaked must shut out whoever signed in with it, not leave them 8 hours. */
    @Test
    void a_password_reset_by_the_administrator_ends_the_sessions_signed_in_with_the_old_one() {
        Session browser = signedInStaff("hoa.rekeyed");
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/admin/users/hoa.rekeyed/password",
                Map.of("password", "mat-khau-moi-2"), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> after = http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(browser.headers()), Map.class);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(signIn("hoa.rekeyed", "mat-khau-moi-2")).as("the new password signs in").isNotNull();
    }
}
