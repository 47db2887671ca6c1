package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Talks to a running Docket over HTTP as one of the demo users (password "demo"). */
final class DocketClient {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private final TestRestTemplate http;

    DocketClient(TestRestTemplate http) {
        this.http = http;
    }

    ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return post(user, path, body, null);
    }

    ResponseEntity<Map<String, Object>> post(String user, String path, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
    }

    ResponseEntity<Map<String, Object>> postRaw(String user, String path, String rawJson) {
        return postRaw(user, path, rawJson, null);
    }

    ResponseEntity<Map<String, Object>> postRaw(String user, String path, String rawJson, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(rawJson, headers), MAP);
    }

    /** A notice file sent to be read, as the import page sends it; the answer is the preview to confirm. */
    ResponseEntity<Map<String, Object>> previewNotice(String user, byte[] content, String filename) {
        return as(user).exchange("/api/notices/preview", HttpMethod.POST, FileForm.of(content, filename, Map.of()), MAP);
    }

    /** POSTs and insists on a 2xx, returning the body. */
    Map<String, Object> ok(String user, String path, Object body) {
        ResponseEntity<Map<String, Object>> response = post(user, path, body);
        assertThat(response.getStatusCode().is2xxSuccessful())
                .as("POST %s as %s answered %s %s", path, user, response.getStatusCode(), response.getBody()).isTrue();
        return response.getBody();
    }

    ResponseEntity<Map<String, Object>> get(String user, String path) {
        return as(user).exchange(path, HttpMethod.GET, null, MAP);
    }

    Map<String, Object> getOk(String user, String path) {
        ResponseEntity<Map<String, Object>> response = get(user, path);
        assertThat(response.getStatusCode().value()).as("GET %s: %s", path, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    ResponseEntity<List<Map<String, Object>>> getList(String user, String path) {
        return as(user).exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        });
    }

    /** Read models follow the events a moment later: wait until the answer satisfies the condition. */
    Map<String, Object> await(String user, String path, Predicate<Map<String, Object>> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    ResponseEntity<Map<String, Object>> r = get(user, path);
                    return r.getStatusCode().value() == 200 ? r.getBody() : null;
                }, body -> body != null && condition.test(body));
    }

    private TestRestTemplate as(String user) {
        return user == null ? http : http.withBasicAuth(user, "demo");
    }
}
