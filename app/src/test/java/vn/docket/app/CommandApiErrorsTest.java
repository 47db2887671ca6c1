package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Bad input gets a clear 4xx in problem-details form, and nothing is written. */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class CommandApiErrorsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    DocketClient docket;

    @BeforeEach
    void setUp() {
        docket = new DocketClient(http);
    }

    static Map<String, Object> plan() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Dự thảo Báo cáo công tác giải phóng mặt bằng");
        body.put("kind", "REPORT");
        body.put("leadUnit", "Phòng Quản lý đô thị");
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        body.put("effectiveDate", "2021-04-13");
        return body;
    }

    long events() {
        return StoredEvents.business(eventStore);
    }

    void assertProblem(ResponseEntity<Map<String, Object>> response, int status, String rule) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody()).containsEntry("status", status).containsEntry("rule", rule)
                .containsKey("detail");
        assertThat(response.getBody().toString()).doesNotContain("Exception", "vn.docket", "at org.");
    }

    @Test
    void malformed_json_is_a_400_naming_where_it_broke() {
        assertProblem(docket.postRaw("clerk", "/api/assignments", "{\"title\": "), 400, "malformed-request");
    }

    @Test
    void a_wrong_type_is_a_400_naming_the_field() {
        ResponseEntity<Map<String, Object>> response =
                docket.postRaw("clerk", "/api/assignments", "{\"title\":\"x\",\"deadline\":\"25/4/2021\"}");
        assertProblem(response, 400, "malformed-request");
        assertThat(response.getBody().get("detail").toString()).contains("deadline");
    }

    @Test
    void a_broken_rule_is_a_422_naming_the_rule_and_writes_nothing() {
        long before = events();
        Map<String, Object> body = plan();
        body.put("deadline", "2021-04-01");
        ResponseEntity<Map<String, Object>> response = docket.post("clerk", "/api/assignments", body);
        assertProblem(response, 422, "deadline-before-assignment");
        assertThat(response.getBody().get("detail")).isEqualTo(
                "The deadline 1/4/2021 is before the assignment took effect (13/4/2021).");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_source_without_its_notice_or_with_item_0_is_refused_and_writes_nothing() {
        long before = events();
        for (Map<String, Object> source : List.of(Map.<String, Object>of("notice", "311/TB-UBND", "item", 0),
                Map.<String, Object>of("notice", "311/TB-UBND", "item", -1), Map.<String, Object>of("notice", "  ", "item", 1))) {
            Map<String, Object> body = plan();
            body.put("source", source);
            assertProblem(docket.post("clerk", "/api/assignments", body), 422, "source-invalid");
        }
        assertThat(events()).isEqualTo(before);
        Map<String, Object> body = plan();
        body.put("source", Map.of("notice", "311/TB-UBND", "item", 1));
        assertThat(docket.post("clerk", "/api/assignments", body).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void an_unknown_assignment_is_a_404() {
        assertProblem(docket.post("tckh", "/api/assignments/" + UUID.randomUUID() + "/drafts",
                Map.of("documentName", "x", "documentUrl", "https://x.vn/a")), 404, "not-found");
        assertProblem(docket.get("auditor", "/api/assignments/" + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void a_command_that_does_not_fit_the_state_is_a_409() {
        String id = (String) docket.ok("clerk", "/api/assignments", plan()).get("id");
        assertProblem(docket.post("chair", "/api/assignments/" + id + "/approvals", Map.of()), 409,
                "no-draft-awaiting-review");
    }

    @Test
    void without_credentials_the_api_answers_401_and_with_a_wrong_role_403() {
        assertProblem(docket.post(null, "/api/assignments", plan()), 401, "authentication-required");
        assertProblem(docket.post("tckh", "/api/assignments", plan()), 403, "clerks-only");
    }

    @Test
    void a_parent_that_does_not_exist_is_rejected() {
        Map<String, Object> body = plan();
        body.put("parentId", UUID.randomUUID().toString());
        assertProblem(docket.post("clerk", "/api/assignments", body), 422, "unknown-parent");
    }

    @Test
    void a_retried_command_with_the_same_idempotency_key_returns_the_first_answer_and_writes_nothing_new() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<Map<String, Object>> first = docket.post("clerk", "/api/assignments", plan(), key);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        String id = (String) first.getBody().get("id");
        long before = events();

        ResponseEntity<Map<String, Object>> retry = docket.post("clerk", "/api/assignments", plan(), key);

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).containsEntry("id", id);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void page_sizes_outside_the_limits_are_rejected() {
        assertProblem(docket.get("auditor", "/api/assignments?size=100000"), 422, "page-size");
        assertProblem(docket.get("auditor", "/api/assignments?timeliness=LATE"), 400, "malformed-request");
    }
}
