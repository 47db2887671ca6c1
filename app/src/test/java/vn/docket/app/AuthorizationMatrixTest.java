package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may do what, as a table: every role against every endpoint, in the state each endpoint acts on,
 * on an assignment led by Phòng Tài chính - Kế hoạch (so that qldt, staff of another unit, is a stranger
 * to it). README "Authorization matrix" is this table.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class AuthorizationMatrixTest {

    static final List<String> ROLES = List.of("clerk", "tckh", "qldt", "pct", "chair", "auditor", "admin");
    static final String TCKH = "Phòng Tài chính - Kế hoạch";

    /**
     * What a row's assignment has been through, and so how many steps its plan path shows once the read models have it.
     * DRAFT_FILES: v1 and v2 handed in as .docx files, v1 sent back between them; ISSUED_FILE: a file draft approved
     * and its document issued with its file.
     */
    enum State {
        NONE(0), ASSIGNED(1), EXTENSION_REQUESTED(2), DRAFT_SUBMITTED(2), APPROVED(3), DRAFT_FILES(4), ISSUED_FILE(4);

        final int steps;

        State(int steps) {
            this.steps = steps;
        }
    }

    /**
     * One row: an endpoint, the state it acts on, who succeeds (with which status); everyone else gets
     * {@code deniedStatus} (403, or 404 where the assignment does not exist for them), a problem naming
     * {@code deniedRule} (null: any rule).
     */
    record Row(String name, HttpMethod method, String path, State state, Object body, Map<String, Integer> allowed,
               int deniedStatus, Set<String> invisibleTo, String deniedRule) {

        Row(String name, HttpMethod method, String path, State state, Object body, Map<String, Integer> allowed,
            int deniedStatus, Set<String> invisibleTo) {
            this(name, method, path, state, body, allowed, deniedStatus, invisibleTo, null);
        }
    }

    static Map<String, Integer> only(int status, String... users) {
        Map<String, Integer> m = new HashMap<>();
        for (String u : users) {
            m.put(u, status);
        }
        return m;
    }

    static Map<String, Integer> everyone(int status) {
        return only(status, ROLES.toArray(String[]::new));
    }

    static Map<String, Object> newAssignment() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Báo cáo kết quả thực hiện nhiệm vụ trọng tâm");
        body.put("kind", "REPORT");
        body.put("leadUnit", TCKH);
        body.put("deadline", "2021-05-30");
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        body.put("effectiveDate", "2021-04-13");
        return body;
    }

    static Map<String, Object> withParent(String parentId) {
        Map<String, Object> body = newAssignment();
        body.put("parentId", parentId);
        return body;
    }

    static final List<Row> TABLE = List.of(
            new Row("AssignTask", HttpMethod.POST, "/api/assignments", State.NONE, newAssignment(),
                    only(201, "clerk"), 403, Set.of(), "clerks-only"),
            new Row("SubmitDraft", HttpMethod.POST, "/api/assignments/{id}/drafts", State.ASSIGNED,
                    Map.of("documentName", "v1.docx", "documentUrl", "https://vanban.example.vn/v1"),
                    only(201, "tckh", "clerk"), 403, Set.of(), "own-unit-only"),
            new Row("RequestRevision", HttpMethod.POST, "/api/assignments/{id}/revision-requests", State.DRAFT_SUBMITTED,
                    Map.of("reasons", List.of("Bổ sung số liệu")), only(200, "pct", "chair"), 403, Set.of(), "approval-level"),
            new Row("Approve", HttpMethod.POST, "/api/assignments/{id}/approvals", State.DRAFT_SUBMITTED,
                    Map.of("note", "Đồng ý"), only(200, "pct", "chair"), 403, Set.of(), "approval-level"),
            new Row("Issue", HttpMethod.POST, "/api/assignments/{id}/issuance", State.APPROVED,
                    Map.of("documentNumber", "95/KH-UBND", "issuedOn", "2021-05-10"), only(200, "clerk"), 403, Set.of(), "clerks-only"),
            new Row("ExtendDeadline", HttpMethod.POST, "/api/assignments/{id}/deadline-extensions", State.ASSIGNED,
                    Map.of("newDeadline", "2021-06-30", "reason", "Chờ số liệu"), only(200, "clerk"), 403, Set.of(), "clerks-only"),
            new Row("Reassign", HttpMethod.POST, "/api/assignments/{id}/reassignment", State.ASSIGNED,
                    Map.of("leadUnit", "Phòng Kinh tế", "reason", "Đúng chức năng"), only(200, "clerk"), 403, Set.of(), "clerks-only"),
            new Row("Cancel", HttpMethod.POST, "/api/assignments/{id}/cancellation", State.ASSIGNED,
                    Map.of("reason", "Trùng nhiệm vụ"), only(200, "clerk"), 403, Set.of(), "clerks-only"),
            new Row("read one assignment", HttpMethod.GET, "/api/assignments/{id}", State.ASSIGNED, null,
                    everyone(200), 404, Set.of("qldt")),
            new Row("read its plan path", HttpMethod.GET, "/api/assignments/{id}/path", State.ASSIGNED, null,
                    everyone(200), 404, Set.of("qldt")),
            new Row("list assignments", HttpMethod.GET, "/api/assignments", State.NONE, null, everyone(200), 403, Set.of()),
            new Row("read the audit log", HttpMethod.GET, "/api/audit", State.NONE, null, everyone(200), 403, Set.of()),
            new Row("revision statistics", HttpMethod.GET, "/api/stats/revision-cycles", State.NONE, null,
                    everyone(200), 403, Set.of()),
            new Row("list notices", HttpMethod.GET, "/api/notices", State.NONE, null, everyone(200), 403, Set.of()),
            new Row("preview a notice", HttpMethod.POST, "/api/notices/preview", State.NONE,
                    SharedNotices.text("000_3625d3d5715c8dde.txt"), only(200, "clerk"), 403, Set.of(), "clerks-only"),
            new Row("verify the event store", HttpMethod.GET, "/api/audit/verify", State.NONE, null,
                    only(200, "clerk", "auditor", "admin"), 403, Set.of(), "auditors-only"),
            new Row("list stored users", HttpMethod.GET, "/api/admin/users", State.NONE, null,
                    only(200, "admin"), 403, Set.of(), "admins-only"),
            new Row("projection status", HttpMethod.GET, "/api/admin/projections", State.NONE, null,
                    only(200, "admin"), 403, Set.of(), "admins-only"),
            new Row("rebuild a projection", HttpMethod.POST, "/api/admin/projections/revision-cycles/rebuild", State.NONE,
                    null, only(202, "admin"), 403, Set.of(), "admins-only"),
            new Row("list dead letters", HttpMethod.GET, "/api/admin/dead-letters", State.NONE, null,
                    only(200, "admin"), 403, Set.of(), "admins-only"),
            // Whether an assignment exists is not told to whoever may not assign: they are refused first.
            new Row("AssignTask under a parent that does not exist", HttpMethod.POST, "/api/assignments", State.NONE,
                    withParent("00000000-0000-0000-0000-000000000000"), only(422, "clerk"), 403, Set.of(), "clerks-only"),
            // What the matrix above left out: every other endpoint Docket serves.
            new Row("the actions open to me", HttpMethod.GET, "/api/assignments/{id}/actions", State.ASSIGNED, null,
                    everyone(200), 404, Set.of("qldt")),
            new Row("SendReminder", HttpMethod.POST, "/api/assignments/{id}/reminders", State.ASSIGNED,
                    Map.of("note", "Đề nghị khẩn trương"), only(201, "clerk"), 403, Set.of(), "clerks-only"),
            new Row("RequestExtension", HttpMethod.POST, "/api/assignments/{id}/extension-requests", State.ASSIGNED,
                    Map.of("newDeadline", "2021-06-30", "reason", "Chờ số liệu"), only(201, "tckh", "clerk"), 403,
                    Set.of(), "own-unit-only"),
            new Row("DecideExtension", HttpMethod.POST, "/api/assignments/{id}/extension-requests/decision",
                    State.EXTENSION_REQUESTED, Map.of("approve", true), only(200, "pct", "chair"), 403, Set.of(),
                    "leaders-only"),
            new Row("download a draft's file", HttpMethod.GET, "/api/assignments/{id}/drafts/2/file", State.DRAFT_FILES,
                    null, everyone(200), 404, Set.of("qldt")),
            new Row("read a draft's text", HttpMethod.GET, "/api/assignments/{id}/drafts/2/text", State.DRAFT_FILES,
                    null, everyone(200), 404, Set.of("qldt")),
            new Row("a draft's changes since v1", HttpMethod.GET, "/api/assignments/{id}/drafts/2/changes?from=1",
                    State.DRAFT_FILES, null, everyone(200), 404, Set.of("qldt")),
            new Row("download the issued document", HttpMethod.GET, "/api/assignments/{id}/issuance/file",
                    State.ISSUED_FILE, null, everyone(200), 404, Set.of("qldt")),
            new Row("read the issued document's text", HttpMethod.GET, "/api/assignments/{id}/issuance/text",
                    State.ISSUED_FILE, null, everyone(200), 404, Set.of("qldt")),
            new Row("the dashboard's figures", HttpMethod.GET, "/api/stats/dashboard", State.NONE, null, everyone(200),
                    403, Set.of()),
            new Row("the follow-up report", HttpMethod.GET, "/api/reports/follow-up?period=2021-Q2", State.NONE, null,
                    everyone(200), 403, Set.of()),
            new Row("the follow-up report as XLSX", HttpMethod.GET, "/api/reports/follow-up.xlsx?period=2021-Q2",
                    State.NONE, null, everyone(200), 403, Set.of()),
            new Row("the follow-up report as CSV", HttpMethod.GET, "/api/reports/follow-up.csv?period=2021-Q2",
                    State.NONE, null, everyone(200), 403, Set.of()),
            new Row("my notifications", HttpMethod.GET, "/api/notifications", State.NONE, null, everyone(200), 403,
                    Set.of()),
            new Row("my unread count", HttpMethod.GET, "/api/notifications/unread", State.NONE, null, everyone(200), 403,
                    Set.of()),
            new Row("mark all my notifications read", HttpMethod.POST, "/api/notifications/read-all", State.NONE, null,
                    everyone(204), 403, Set.of()),
            new Row("mark read a notification that is nobody's", HttpMethod.POST,
                    "/api/notifications/no-such-notification/read", State.NONE, null, Map.of(), 404, Set.of(), "not-found"),
            new Row("the unit directory", HttpMethod.GET, "/api/units", State.NONE, null, everyone(200), 403, Set.of()),
            new Row("who I am", HttpMethod.GET, "/api/me", State.NONE, null, everyone(200), 403, Set.of()),
            new Row("list my access tokens", HttpMethod.GET, "/api/me/tokens", State.NONE, null, everyone(200), 403,
                    Set.of()),
            new Row("make myself an access token", HttpMethod.POST, "/api/me/tokens", State.NONE,
                    Map.of("label", "ma trận quyền"), everyone(201), 403, Set.of()),
            new Row("revoke a token I do not hold", HttpMethod.POST, "/api/me/tokens/no-such-token/revoke", State.NONE,
                    null, Map.of(), 404, Set.of(), "not-found"),
            new Row("read a notice nobody registered", HttpMethod.GET, "/api/notices/00000000-0000-0000-0000-000000000000",
                    State.NONE, null, Map.of(), 404, Set.of(), "not-found"),
            new Row("number a notice nobody registered", HttpMethod.POST, "/api/notices/00000000-0000-0000-0000-000000000000/number",
                    State.NONE, Map.of("number", "1/TB-UBND"), only(404, "clerk"), 403, Set.of(), "clerks-only"),
            new Row("correct the number of a notice nobody registered", HttpMethod.POST,
                    "/api/notices/00000000-0000-0000-0000-000000000000/number-correction", State.NONE,
                    Map.of("number", "1/TB-UBND", "reason", "Gõ nhầm số"), only(404, "clerk"), 403, Set.of(), "clerks-only"),
            // An empty read-out: the clerk is told what it lacks, anyone else is refused before it is read.
            new Row("register a notice", HttpMethod.POST, "/api/notices", State.NONE, Map.of(), only(422, "clerk"), 403,
                    Set.of(), "clerks-only"),
            new Row("read a user", HttpMethod.GET, "/api/admin/users/tckh", State.NONE, null, only(200, "admin"), 403,
                    Set.of(), "admins-only"),
            new Row("read a user's tokens", HttpMethod.GET, "/api/admin/users/tckh/tokens", State.NONE, null,
                    only(200, "admin"), 403, Set.of(), "admins-only"),
            // Who is no user: the administrator learns so, nobody else learns whether the id exists.
            new Row("add a user", HttpMethod.POST, "/api/admin/users", State.NONE, Map.of(), only(422, "admin"), 403,
                    Set.of(), "admins-only"),
            new Row("disable a user", HttpMethod.POST, "/api/admin/users/nobody-here/disable", State.NONE, null,
                    only(404, "admin"), 403, Set.of(), "admins-only"),
            new Row("enable a user", HttpMethod.POST, "/api/admin/users/nobody-here/enable", State.NONE, null,
                    only(404, "admin"), 403, Set.of(), "admins-only"),
            new Row("set a user's password", HttpMethod.POST, "/api/admin/users/nobody-here/password", State.NONE,
                    Map.of("password", "mật khẩu đủ dài"), only(404, "admin"), 403, Set.of(), "admins-only"),
            new Row("change a user's role", HttpMethod.POST, "/api/admin/users/nobody-here/role", State.NONE,
                    Map.of("role", "CHAIR"), only(404, "admin"), 403, Set.of(), "admins-only"),
            new Row("change a user's unit", HttpMethod.POST, "/api/admin/users/nobody-here/unit", State.NONE,
                    Map.of("unit", TCKH), only(404, "admin"), 403, Set.of(), "admins-only"),
            new Row("grant a user a level", HttpMethod.POST, "/api/admin/users/nobody-here/levels", State.NONE,
                    Map.of("level", "Chủ tịch UBND thành phố"), only(404, "admin"), 403, Set.of(), "admins-only"),
            new Row("withdraw a user's level", HttpMethod.POST, "/api/admin/users/nobody-here/levels/withdraw",
                    State.NONE, Map.of("level", "Chủ tịch UBND thành phố"), only(404, "admin"), 403, Set.of(),
                    "admins-only"),
            new Row("revoke a user's token", HttpMethod.POST, "/api/admin/users/tckh/tokens/no-such-token/revoke",
                    State.NONE, null, only(404, "admin"), 403, Set.of(), "admins-only"),
            new Row("retry dead letters", HttpMethod.POST, "/api/admin/dead-letters/plan-path/none/retry",
                    State.NONE, null, only(404, "admin"), 403, Set.of(), "admins-only"),
            new Row("drop a dead letter", HttpMethod.POST, "/api/admin/dead-letters/plan-path/none/none/drop",
                    State.NONE, null, only(404, "admin"), 403, Set.of(), "admins-only"));

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    /** An assignment of Phòng TC-KH walked to the state a row acts on, by the people who may do so. */
    String prepare(DocketClient docket, State state) {
        if (state == State.NONE) {
            return null;
        }
        String id = (String) docket.ok("clerk", "/api/assignments", newAssignment()).get("id");
        String at = "/api/assignments/" + id;
        switch (state) {
            case EXTENSION_REQUESTED -> docket.ok("tckh", at + "/extension-requests",
                    Map.of("newDeadline", "2021-06-30", "reason", "Chờ số liệu"));
            case DRAFT_SUBMITTED, APPROVED -> Walks.draft(docket, "tckh", id, "2021-04-20");
            case DRAFT_FILES, ISSUED_FILE -> handInFile(at + "/drafts", "Dự thảo v1.docx", Map.of());
            default -> { }
        }
        if (state == State.APPROVED || state == State.ISSUED_FILE) {
            docket.ok("chair", at + "/approvals", Map.of());
        }
        if (state == State.DRAFT_FILES) {
            docket.ok("chair", at + "/revision-requests", Map.of("reasons", List.of("Bổ sung số liệu")));
            handInFile(at + "/drafts", "Dự thảo v2.docx", Map.of());
        }
        if (state == State.ISSUED_FILE) {
            handInFile(at + "/issuance", "Kế hoạch 95.docx", Map.of("documentNumber", "95/KH-UBND", "issuedOn", "2021-05-10"));
        }
        // Reads need every read model to have caught up with the walk, not only the plan path: each projection keeps
        // its own pace, and on a busy machine a row read the detail before its projection had the assignment (404).
        CaughtUp.await(eventStore, Duration.ofSeconds(30), processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList());
        docket.await("auditor", at + "/path", p -> ((List<?>) p.get("steps")).size() == state.steps);
        return id;
    }

    void handInFile(String path, String name, Map<String, String> fields) {
        Walks.handInFile(http, path.endsWith("/issuance") ? "clerk" : "tckh", path, name, fields);
    }

    ResponseEntity<String> call(String user, Row row, String id) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(row.body() instanceof String ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
        String path = row.path().replace("{id}", id == null ? "" : id);
        return client.exchange(path, row.method(), new HttpEntity<>(row.body(), headers), String.class);
    }

    /** A refusal is an RFC 9457 problem naming its rule (and the row's rule, where the row names one). */
    static void assertProblem(ResponseEntity<String> answer, String rule) throws Exception {
        assertThat(answer.getHeaders().getContentType()).as("%s", answer.getBody())
                .matches(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype, "application/problem+json");
        Map<?, ?> problem = JSON.readValue(answer.getBody(), Map.class);
        assertThat(problem.get("status")).isEqualTo(answer.getStatusCode().value());
        assertThat(problem.get("rule")).as("%s", problem).isNotNull();
        if (rule != null) {
            assertThat(problem.get("rule")).as("%s", problem).isEqualTo(rule);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    long eventsOf(String id) {
        return id == null ? 0 : eventStore.readEvents(id).asStream().count();
    }

    @TestFactory
    Stream<DynamicTest> every_role_gets_exactly_the_status_the_matrix_gives_and_a_refusal_writes_nothing() {
        DocketClient docket = new DocketClient(http);
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : TABLE) {
            for (String user : ROLES) {
                Integer allowed = row.invisibleTo().contains(user) ? null : row.allowed().get(user);
                int expected = row.invisibleTo().contains(user) ? 404 : allowed != null ? allowed : row.deniedStatus();
                cells.add(DynamicTest.dynamicTest(row.name() + " as " + user + " is " + expected, () -> {
                    String id = prepare(docket, row.state());
                    long before = eventsOf(id);
                    ResponseEntity<String> answer = call(user, row, id);
                    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(expected);
                    if (expected >= 400) {
                        assertProblem(answer, row.invisibleTo().contains(user) ? "not-found"
                                : allowed == null ? row.deniedRule() : null);
                    }
                    if (allowed == null && row.method() == HttpMethod.POST) {
                        assertThat(eventsOf(id)).as("a refused command writes nothing").isEqualTo(before);
                    }
                }));
            }
            cells.add(DynamicTest.dynamicTest(row.name() + " without credentials is 401", () ->
            {
                ResponseEntity<String> answer = call(null, row, prepare(docket, row.state() == State.NONE ? State.NONE : State.ASSIGNED));
                assertThat(answer.getStatusCode().value()).isEqualTo(401);
                assertProblem(answer, "authentication-required");
            }));
        }
        return cells.stream();
    }

    @Test
    void a_refused_attempt_is_itself_recorded_for_the_auditors() {
        DocketClient docket = new DocketClient(http);
        String id = prepare(docket, State.DRAFT_SUBMITTED);
        assertThat(docket.post("tckh", "/api/assignments/" + id + "/approvals", Map.of()).getStatusCode().value())
                .isEqualTo(403);
        Map<String, Object> audit = docket.await("auditor", "/api/audit?assignment=" + id,
                a -> NoticeItemOneWalkTest.items(a).stream().anyMatch(e -> "AccessDenied".equals(e.get("type"))));
        Map<String, Object> denial = NoticeItemOneWalkTest.items(audit).stream()
                .filter(e -> "AccessDenied".equals(e.get("type"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) denial.get("actor")).containsEntry("id", "tckh");
        assertThat((Map<String, Object>) denial.get("payload")).containsEntry("rule", "approval-level")
                .containsEntry("method", "POST");
    }

    /** Phòng Quản lý đô thị's contribution to {@code parent}, taken in by the parent's lead unit. */
    private static Map<String, Object> contribution(String parent, String title) {
        Map<String, Object> child = newAssignment();
        child.put("title", title);
        child.put("kind", "OTHER");
        child.put("leadUnit", "Phòng Quản lý đô thị");
        child.put("approvalRoute", List.of("Đơn vị chủ trì tổng hợp"));
        child.put("parentId", parent);
        return child;
    }

    /**
     * A contribution is taken in by the unit it feeds ("Đơn vị chủ trì tổng hợp"): not by the contributing unit's own
     * staff, even when a clerk recorded its draft handed in on paper, so that none of them submitted it.
     */
    @Test
    void a_contribution_is_taken_in_or_sent_back_by_the_unit_it_feeds_and_not_by_the_contributing_unit() throws Exception {
        DocketClient docket = new DocketClient(http);
        String parent = prepare(docket, State.ASSIGNED);
        String at = "/api/assignments/" + docket.ok("clerk", "/api/assignments",
                contribution(parent, "Số liệu gửi Phòng Tài chính - Kế hoạch để tổng hợp")).get("id");
        docket.ok("clerk", at + "/drafts", Map.of("documentName", "Số liệu.docx", "documentUrl", "https://vanban.example.vn/so-lieu"));
        long before = eventsOf(at.substring(at.lastIndexOf('/') + 1));
        for (Map.Entry<String, Object> judging : Map.<String, Object>of("/approvals", Map.of(),
                "/revision-requests", Map.of("reasons", List.of("Bổ sung số liệu quý I"))).entrySet()) {
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> refused = http.withBasicAuth("qldt", "demo").exchange(at + judging.getKey(),
                    HttpMethod.POST, new HttpEntity<>(judging.getValue(), json), String.class);
            assertThat(refused.getStatusCode().value()).as("%s %s", judging.getKey(), refused.getBody()).isEqualTo(403);
            assertProblem(refused, "compiling-unit-only");
        }
        assertThat(eventsOf(at.substring(at.lastIndexOf('/') + 1))).isEqualTo(before);
        docket.await("qldt", at, a -> true);
        assertThat(http.withBasicAuth("qldt", "demo").getForObject(at + "/actions", List.class))
                .doesNotContain("approve", "sendBack");
        docket.ok("tckh", at + "/approvals", Map.of());
    }

    /** A personal access token is its holder's alone: another person neither lists it nor revokes it. */
    @Test
    void nobody_lists_or_revokes_another_persons_access_token() throws Exception {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> issued = docket.ok("tckh", "/api/me/tokens", Map.of("label", "báo cáo tháng"));
        String tokenId = (String) issued.get("tokenId");
        for (String other : List.of("qldt", "auditor", "clerk")) {
            assertThat(docket.getList(other, "/api/me/tokens").getBody()).as(other)
                    .noneMatch(t -> tokenId.equals(t.get("tokenId")));
            ResponseEntity<String> revoke = http.withBasicAuth(other, "demo").exchange("/api/me/tokens/" + tokenId + "/revoke",
                    HttpMethod.POST, null, String.class);
            assertThat(revoke.getStatusCode().value()).as(other).isEqualTo(404);
            assertProblem(revoke, "not-found");
        }
        assertThat(docket.getList("tckh", "/api/me/tokens").getBody()).anyMatch(t -> tokenId.equals(t.get("tokenId")));
        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth((String) issued.get("token"));
        ResponseEntity<Map> me = http.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(bearer), Map.class);
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody()).containsEntry("id", "tckh");
    }

    /** A unit's notification is for that unit: another unit neither reads it in its list nor marks it read. */
    @Test
    void a_unit_neither_sees_nor_marks_read_another_units_notification() throws Exception {
        DocketClient docket = new DocketClient(http);
        String id = prepare(docket, State.DRAFT_SUBMITTED);
        docket.ok("chair", "/api/assignments/" + id + "/revision-requests", Map.of("reasons", List.of("Bổ sung số liệu")));
        Map<String, Object> theirs = NoticeItemOneWalkTest.items(docket.await("tckh", "/api/notifications?size=100",
                n -> NoticeItemOneWalkTest.items(n).stream().anyMatch(x -> id.equals(x.get("assignmentId")))))
                .stream().filter(x -> id.equals(x.get("assignmentId"))).findFirst().orElseThrow();
        assertThat(NoticeItemOneWalkTest.items(docket.getOk("qldt", "/api/notifications?size=100")))
                .noneMatch(x -> id.equals(x.get("assignmentId")));
        ResponseEntity<String> marked = http.withBasicAuth("qldt", "demo").exchange(
                "/api/notifications/" + theirs.get("id") + "/read", HttpMethod.POST, null, String.class);
        assertThat(marked.getStatusCode().value()).isEqualTo(404);
        assertProblem(marked, "not-found");
        assertThat(NoticeItemOneWalkTest.items(docket.getOk("tckh", "/api/notifications?size=100")).stream()
                .filter(x -> theirs.get("id").equals(x.get("id")))).singleElement().satisfies(x ->
                assertThat(x).containsEntry("read", false));
    }

    /** Fields a client might send to name who did it: none of them is read. */
    static final Map<String, Object> SOMEONE_ELSE = Map.of("actor", Map.of("id", "chair", "name", "Hoàng Văn Nam",
            "role", "CHAIR", "unit", "Lãnh đạo UBND thành phố"), "by", "chair", "userId", "chair", "actorId", "chair",
            "recordedBy", "chair", "requestedBy", "chair");

    /**
     * Sends the body with {@link #SOMEONE_ELSE} in it, which no command takes (400 naming a field, nothing written), then
     * the body alone, and returns who the events it stored name as their actor.
     */
    List<Object> actorsOf(DocketClient docket, String user, String id, String path, Map<String, Object> body) {
        long before = eventsOf(id);
        refusedNamingAnotherActor(docket.post(user, path, forged(body)));
        assertThat(eventsOf(id)).as("%s with another actor named", path).isEqualTo(before);
        var answer = docket.post(user, path, body);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s", path, answer.getBody()).isTrue();
        return eventStore.readEvents(id).asStream().skip(before).map(m -> m.getMetaData().get("actorId")).toList();
    }

    static Map<String, Object> forged(Map<String, Object> body) {
        Map<String, Object> forged = new HashMap<>(body);
        forged.putAll(SOMEONE_ELSE);
        return forged;
    }

    static void refusedNamingAnotherActor(org.springframework.http.ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(400);
        assertThat((String) answer.getBody().get("detail")).matches(
                "(?s).*field '(" + String.join("|", SOMEONE_ELSE.keySet()) + ")' is not one this request takes.*");
    }

    /**
     * Who did it is the person signed in: a body naming someone else, in any field a client might try, is refused and
     * writes nothing, through every command of an assignment's life; each command then names the person signed in.
     */
    @Test
    void every_command_records_the_signed_in_person_as_its_actor_whatever_the_body_names() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> assignment = newAssignment();
        // Far off, so that no reminder of Docket's own comes due between the calls.
        assignment.put("deadline", "2030-06-28");
        refusedNamingAnotherActor(docket.post("clerk", "/api/assignments", forged(assignment)));
        String id = (String) docket.ok("clerk", "/api/assignments", assignment).get("id");
        assertThat(eventStore.readEvents(id).asStream().map(m -> m.getMetaData().get("actorId"))).containsOnly("clerk");
        String at = "/api/assignments/" + id;
        Map<String, Object> draft = Map.of("documentName", "v.docx", "documentUrl", "https://vanban.example.vn/v");
        List<Object[]> walk = List.of(
                new Object[] {"clerk", at + "/reminders", Map.of("note", "Đề nghị khẩn trương")},
                new Object[] {"tckh", at + "/extension-requests", Map.of("newDeadline", "2030-07-31", "reason", "Chờ số liệu")},
                new Object[] {"pct", at + "/extension-requests/decision", Map.of("approve", true)},
                new Object[] {"clerk", at + "/deadline-extensions", Map.of("newDeadline", "2030-08-29", "reason", "Theo chỉ đạo")},
                new Object[] {"tckh", at + "/drafts", draft},
                new Object[] {"pct", at + "/revision-requests", Map.of("reasons", List.of("Bổ sung số liệu"))},
                new Object[] {"tckh", at + "/drafts", draft},
                new Object[] {"pct", at + "/approvals", Map.of("note", "Đồng ý")},
                new Object[] {"clerk", at + "/issuance", Map.of("documentNumber", "96/KH-UBND", "issuedOn", "2021-05-10")});
        for (Object[] step : walk) {
            @SuppressWarnings("unchecked")
            List<Object> actors = actorsOf(docket, (String) step[0], id, (String) step[1], (Map<String, Object>) step[2]);
            assertThat(actors).as("%s by %s", step[1], step[0]).isNotEmpty().containsOnly(step[0]);
        }
        String other = (String) docket.ok("clerk", "/api/assignments", assignment).get("id");
        assertThat(actorsOf(docket, "clerk", other, "/api/assignments/" + other + "/reassignment",
                Map.of("leadUnit", "Phòng Kinh tế", "reason", "Đúng chức năng"))).isNotEmpty().containsOnly("clerk");
        assertThat(actorsOf(docket, "clerk", other, "/api/assignments/" + other + "/cancellation",
                Map.of("reason", "Trùng nhiệm vụ"))).isNotEmpty().containsOnly("clerk");
    }

    @Test
    void a_unit_sees_the_assignments_its_contributions_feed_but_not_other_units_work() {
        DocketClient docket = new DocketClient(http);
        String parent = prepare(docket, State.ASSIGNED);
        String childId = (String) docket.ok("clerk", "/api/assignments",
                contribution(parent, "Nội dung gửi Phòng Tài chính - Kế hoạch để tổng hợp")).get("id");
        docket.await("qldt", "/api/assignments/" + childId, a -> true);
        assertThat(docket.get("qldt", "/api/assignments/" + parent).getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> seen = NoticeItemOneWalkTest.items(docket.getOk("qldt", "/api/assignments?size=200"));
        // Other tests on the same Docket add contributions of their own: the rule, not this test's rows, decides.
        java.util.Set<Object> fed = seen.stream().filter(a -> "Phòng Quản lý đô thị".equals(a.get("leadUnit")))
                .map(a -> a.get("parentId")).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        assertThat(fed).contains(parent);
        assertThat(seen).allSatisfy(a -> assertThat(
                "Phòng Quản lý đô thị".equals(a.get("leadUnit"))
                        || ((List<?>) a.get("coordinatingUnits")).contains("Phòng Quản lý đô thị")
                        || fed.contains(a.get("id"))).as("%s", a.get("title")).isTrue());
    }
}
