package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import vn.docket.events.DraftApproved;

/**
 * The walk over HTTP: v1 sent back with three points; v2 answers two taken in, one explained; the chair
 * approves v2 naming it; an approval naming v1 after v2 arrived is refused 409 stale-draft and writes nothing.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RevisionPointsApiTest {

    static final List<String> THREE = List.of("Chỉnh sửa bố cục gồm 04 mục chính", "Đề ra lộ trình cụ thể",
            "Rút gọn phần đánh giá thực trạng");

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;

    @Test
    @SuppressWarnings("unchecked")
    void v2_answers_the_points_of_v1_and_only_the_version_the_chair_read_can_be_judged() {
        DocketClient docket = new DocketClient(http);
        String at = assignedWithV1HandedIn(docket);
        docket.ok("chair", at + "/revision-requests", Map.of("reasons", THREE, "draftVersion", 1,
                "effectiveDate", "2021-04-15"));

        Map<String, Object> path = docket.await("tckh", at + "/path",
                p -> ((List<?>) p.get("points")).size() == 3);
        Map<String, Object> first = ((List<Map<String, Object>>) path.get("points")).get(0);
        assertThat(first).containsEntry("id", "1.1").containsEntry("text", THREE.get(0)).containsEntry("status", "OPEN")
                .containsEntry("raisedOn", "2021-04-15").containsEntry("level", "Lãnh đạo UBND thành phố");
        assertThat((Map<String, Object>) first.get("raisedBy")).containsEntry("name", "Hoàng Văn Nam");

        // An answer to a point nobody raised is refused, and the draft with it is not handed in.
        ResponseEntity<Map<String, Object>> refused = docket.post("tckh", at + "/drafts", v2(List.of(
                Map.of("point", "1.9", "answer", "TAKEN_IN", "note", "Mục V"))));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("rule", "unknown-revision-point");

        assertThat(docket.ok("tckh", at + "/drafts", v2(List.of(
                Map.of("point", "1.1", "answer", "TAKEN_IN", "note", "Bố cục mới: Mục I-IV"),
                Map.of("point", "1.2", "answer", "TAKEN_IN", "note", "Phụ lục 2"),
                Map.of("point", "1.3", "answer", "EXPLAINED", "note", "Thực trạng là căn cứ của các giải pháp")))))
                .containsEntry("version", 2);
        docket.await("chair", at, a -> Integer.valueOf(2).equals(a.get("currentVersion")));
        assertThat(docket.get("chair", at).getHeaders().getETag()).isEqualTo("\"2\"");

        // The chair's page still showed v1: refused, naming v2, and nothing is written.
        long before = lastSequence(at);
        ResponseEntity<Map<String, Object>> stale = postIfMatch("chair", at + "/approvals", Map.of(), "\"1\"");
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getBody()).containsEntry("rule", "stale-draft").containsEntry("judgedVersion", 1)
                .containsEntry("currentVersion", 2);
        assertThat((String) stale.getBody().get("detail")).contains("current draft is v2");
        ResponseEntity<Map<String, Object>> staleBody = docket.post("chair", at + "/approvals", Map.of("draftVersion", 1));
        assertThat(staleBody.getStatusCode().value()).isEqualTo(409);
        assertThat(staleBody.getBody()).containsEntry("rule", "stale-draft");
        assertThat(lastSequence(at)).isEqualTo(before);

        assertThat(postIfMatch("chair", at + "/approvals", Map.of("effectiveDate", "2021-04-26"), "\"2\"")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(lastSequence(at)).isEqualTo(before + 1);

        // The statistics: per point its story, per round how many were taken in and explained.
        Map<String, Object> stats = docket.await("chair", "/api/stats/revision-cycles?unit=Phòng Tài chính - Kế hoạch",
                s -> ((List<Map<String, Object>>) s.get("perAssignment")).stream().anyMatch(a -> at.endsWith((String) a.get("id"))
                        && ((List<Map<String, Object>>) a.get("points")).stream().allMatch(p -> "CLOSED".equals(p.get("status")))));
        Map<String, Object> mine = ((List<Map<String, Object>>) stats.get("perAssignment")).stream()
                .filter(a -> at.endsWith((String) a.get("id"))).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) mine.get("pointsByRound")).containsExactly(
                Map.of("version", 1, "raised", 3, "reopened", 0, "takenIn", 2, "explained", 1, "closedUnanswered", 0));
        assertThat((List<Map<String, Object>>) mine.get("points")).extracting(p -> p.get("answer"))
                .containsExactly("TAKEN_IN", "TAKEN_IN", "EXPLAINED");
        assertThat((List<Map<String, Object>>) mine.get("points")).extracting(p -> p.get("answeredInVersion"))
                .containsExactly(2, 2, 2);
    }

    /**
     * The leader approves v2 although it answered only one of v1's three points: the approval accepted the draft as
     * it is, so the plan path and the statistics show the other two closed unanswered, not open.
     */
    @Test
    @SuppressWarnings("unchecked")
    void points_no_draft_answered_are_closed_unanswered_by_the_final_approval_in_the_path_and_the_statistics() {
        DocketClient docket = new DocketClient(http);
        String at = assignedWithV1HandedIn(docket);
        docket.ok("chair", at + "/revision-requests", Map.of("reasons", THREE, "draftVersion", 1,
                "effectiveDate", "2021-04-15"));
        docket.ok("tckh", at + "/drafts", v2(List.of(Map.of("point", "1.1", "answer", "TAKEN_IN", "note", "Mục I-IV"))));
        docket.await("chair", at, a -> Integer.valueOf(2).equals(a.get("currentVersion")));
        docket.ok("chair", at + "/approvals", Map.of("draftVersion", 2, "effectiveDate", "2021-04-26"));

        Map<String, Object> path = docket.await("auditor", at + "/path", p -> ((List<Map<String, Object>>) p.get("points"))
                .stream().noneMatch(point -> "OPEN".equals(point.get("status"))));
        assertThat((List<Map<String, Object>>) path.get("points")).extracting(p -> p.get("status"))
                .containsExactly("CLOSED", "CLOSED_UNANSWERED", "CLOSED_UNANSWERED");
        assertThat(((List<Map<String, Object>>) path.get("points")).get(2)).containsEntry("closedOn", "2021-04-26")
                .doesNotContainKey("answer");

        Map<String, Object> stats = docket.await("chair", "/api/stats/revision-cycles?unit=Phòng Tài chính - Kế hoạch",
                s -> ((List<Map<String, Object>>) s.get("perAssignment")).stream().anyMatch(a -> at.endsWith((String) a.get("id"))
                        && ((List<Map<String, Object>>) a.get("pointsByRound")).get(0).get("closedUnanswered").equals(2)));
        Map<String, Object> mine = ((List<Map<String, Object>>) stats.get("perAssignment")).stream()
                .filter(a -> at.endsWith((String) a.get("id"))).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) mine.get("pointsByRound")).containsExactly(
                Map.of("version", 1, "raised", 3, "reopened", 0, "takenIn", 1, "explained", 0, "closedUnanswered", 2));
        assertThat((Integer) stats.get("closedUnanswered")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_malformed_if_match_is_a_422_naming_the_rule() {
        DocketClient docket = new DocketClient(http);
        String at = assignedWithV1HandedIn(docket);
        ResponseEntity<Map<String, Object>> answer = postIfMatch("chair", at + "/approvals", Map.of(), "\"v1\"");
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody()).containsEntry("rule", "if-match-format");
    }

    /** If-Match compares strongly (RFC 9110): a weak tag naming the current version still matches nothing. */
    @Test
    void a_weak_if_match_is_a_412_naming_the_rule_and_writes_nothing() {
        DocketClient docket = new DocketClient(http);
        String at = assignedWithV1HandedIn(docket);
        long before = lastSequence(at);
        ResponseEntity<Map<String, Object>> answer = postIfMatch("chair", at + "/approvals", Map.of(), "W/\"1\"");
        assertThat(answer.getStatusCode().value()).isEqualTo(412);
        assertThat(answer.getBody()).containsEntry("rule", "if-match-weak");
        assertThat(lastSequence(at)).isEqualTo(before);
    }

    @Test
    void a_body_and_an_if_match_naming_different_versions_are_a_422_and_write_nothing() {
        DocketClient docket = new DocketClient(http);
        String at = assignedWithV1HandedIn(docket);
        long before = lastSequence(at);
        ResponseEntity<Map<String, Object>> answer = postIfMatch("chair", at + "/approvals", Map.of("draftVersion", 1),
                "\"2\"");
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody()).containsEntry("rule", "draft-version-mismatch");
        assertThat(lastSequence(at)).isEqualTo(before);
    }

    /**
     * The chair approves in two tabs at once (or two leaders who may act at both levels), each page showing the draft
     * awaiting "Lãnh đạo UBND thành phố": one approval is recorded there, the other is refused 409 stale-level rather
     * than recorded at "Chủ tịch UBND thành phố", a level its page never offered. A send-back naming the level
     * already decided is refused alike. Neither refusal writes anything.
     */
    @Test
    void two_approvals_naming_the_same_level_at_once_record_one_and_refuse_the_other() throws Exception {
        DocketClient docket = new DocketClient(http);
        String at = assignedWithV1HandedIn(docket, List.of("Lãnh đạo UBND thành phố", "Chủ tịch UBND thành phố"));
        long before = lastSequence(at);
        Map<String, Object> judged = Map.of("draftVersion", 1, "level", "Lãnh đạo UBND thành phố",
                "effectiveDate", "2021-04-20");
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<ResponseEntity<Map<String, Object>>> approve = () -> {
            together.await();
            return docket.post("chair", at + "/approvals", judged);
        };
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        try {
            for (Future<ResponseEntity<Map<String, Object>>> answer : tabs.invokeAll(List.of(approve, approve))) {
                answers.add(answer.get());
            }
        } finally {
            tabs.shutdown();
        }

        assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 409).singleElement()
                .satisfies(a -> assertThat(a.getBody()).containsEntry("rule", "stale-level"));
        assertThat(lastSequence(at)).isEqualTo(before + 1);
        assertThat(eventStore.readEvents(at.substring(at.lastIndexOf('/') + 1)).asStream().map(m -> m.getPayload())
                .filter(DraftApproved.class::isInstance).map(DraftApproved.class::cast))
                .singleElement().satisfies(a -> assertThat(a.level()).isEqualTo("Lãnh đạo UBND thành phố"));

        ResponseEntity<Map<String, Object>> sentBack = docket.post("chair", at + "/revision-requests",
                Map.of("draftVersion", 1, "level", "Lãnh đạo UBND thành phố", "reasons", List.of("Bổ sung số liệu")));
        assertThat(sentBack.getStatusCode().value()).isEqualTo(409);
        assertThat(sentBack.getBody()).containsEntry("rule", "stale-level");
        assertThat(lastSequence(at)).isEqualTo(before + 1);
    }

    private static Map<String, Object> v2(List<Map<String, String>> answers) {
        return Map.of("documentName", "KH v2.docx", "documentUrl", "https://vanban.example.vn/v2",
                "effectiveDate", "2021-04-24", "answers", answers);
    }

    /** A plan assigned to Phòng Tài chính - Kế hoạch, its v1 handed in on 13/4; the assignment's path. */
    private static String assignedWithV1HandedIn(DocketClient docket) {
        return assignedWithV1HandedIn(docket, List.of("Lãnh đạo UBND thành phố"));
    }

    private static String assignedWithV1HandedIn(DocketClient docket, List<String> route) {
        Map<String, Object> assign = new HashMap<>();
        assign.put("title", "Dự thảo Kế hoạch thực hiện Chương trình hành động");
        assign.put("kind", "PLAN");
        assign.put("leadUnit", "Phòng Tài chính - Kế hoạch");
        assign.put("deadline", "2021-04-25");
        assign.put("approvalRoute", route);
        assign.put("effectiveDate", "2021-04-13");
        String at = "/api/assignments/" + docket.ok("clerk", "/api/assignments", assign).get("id");
        docket.ok("tckh", at + "/drafts", Map.of("documentName", "KH v1.docx", "documentUrl", "https://vanban.example.vn/v1",
                "effectiveDate", "2021-04-13"));
        return at;
    }

    private long lastSequence(String at) {
        return eventStore.lastSequenceNumberFor(at.substring(at.lastIndexOf('/') + 1)).orElse(-1L);
    }

    private ResponseEntity<Map<String, Object>> postIfMatch(String user, String path, Object body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setIfMatch(ifMatch);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                new ParameterizedTypeReference<>() {
                });
    }
}
