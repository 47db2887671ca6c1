package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.dispatch.CommandDispatcher;
import vn.docket.events.Actor;
import vn.docket.events.DeliverableKind;
import vn.docket.events.Role;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.platform.testing.MutableClock;

/**
 * Đôn đốc and gia hạn over HTTP, with the deadline manager's poller delivering as the clock moves. A context
 * of its own (the property below), because moving the clock would fire the deadlines of other tests' plans.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "docket.deadlines.remind-working-days-before=3")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class DeadlineChasingTest {

    static final String TCKH = "Phòng Tài chính - Kế hoạch";

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoDatabase database;

    @Autowired
    CommandDispatcher commands;

    String assignDueOn20May(DocketClient docket) {
        clock.setToday(LocalDate.of(2021, 5, 10));
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", "Báo cáo tình hình thu ngân sách 5 tháng đầu năm 2021");
        body.put("kind", "REPORT");
        body.put("leadUnit", TCKH);
        body.put("deadline", "2021-05-20");
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        return (String) docket.ok("clerk", "/api/assignments", body).get("id");
    }

    long scheduled(String id, String name) {
        return database.getCollection("deadlines").countDocuments(new Document("name", name)
                .append("scopeKey", new Document("$regex", id)));
    }

    @Test
    void a_create_whose_events_could_not_be_stored_after_its_deadlines_reminds_the_unit_only_once() {
        clock.setToday(LocalDate.of(2021, 5, 10));
        UUID id = UUID.randomUUID();
        Actor clerk = new Actor("clerk", "Nguyễn Thị Lan", null, Role.CLERK);
        AssignTask assign = new AssignTask(id, "Báo cáo tiến độ giải ngân vốn đầu tư công", DeliverableKind.REPORT, TCKH,
                List.of(), LocalDate.of(2021, 6, 15), List.of("Lãnh đạo UBND thành phố"), null, null, LocalDate.of(2021, 5, 10));
        commands.sendAs(clerk, assign);
        // The same id again: the aggregate decides and its deadlines are stored, then the store refuses its events.
        assertThatThrownBy(() -> commands.sendAs(clerk, assign)).isNotNull();
        assertThat(scheduled(id.toString(), "deadline-reminder")).isEqualTo(2);

        // Three working days before 15/6 is Thursday 10/6: both reminders come due, one reminds.
        clock.setToday(LocalDate.of(2021, 6, 10));
        DocketClient docket = new DocketClient(http);
        docket.await("auditor", "/api/assignments/" + id + "/path", p -> types(p).contains("REMINDER_SENT"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> scheduled(id.toString(), "deadline-reminder") == 0);
        assertThat(types(docket.await("auditor", "/api/assignments/" + id + "/path", p -> true)))
                .containsExactly("ASSIGNED", "REMINDER_SENT");
    }

    @Test
    void docket_reminds_the_unit_before_its_deadline_and_records_the_miss_and_a_clerk_can_chase_by_hand() {
        DocketClient docket = new DocketClient(http);
        String id = assignDueOn20May(docket);
        String at = "/api/assignments/" + id;
        assertThat(scheduled(id, "deadline-reminder")).isEqualTo(1);
        assertThat(scheduled(id, "deadline-missed")).isEqualTo(1);

        assertThat(docket.post("clerk", at + "/reminders", Map.of("note", "Đề nghị khẩn trương hoàn thành"))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(docket.post("tckh", at + "/reminders", Map.of()).getStatusCode().value()).isEqualTo(403);

        clock.setToday(LocalDate.of(2021, 5, 17));
        docket.await("auditor", at + "/path", p -> types(p).contains("REMINDER_SENT")
                && types(p).stream().filter("REMINDER_SENT"::equals).count() == 2);
        clock.setToday(LocalDate.of(2021, 5, 21));
        Map<String, Object> path = docket.await("auditor", at + "/path", p -> types(p).contains("DEADLINE_MISSED"));

        List<Map<String, Object>> steps = NoticeItemOneWalkTest.steps(path);
        assertThat(steps).extracting(s -> s.get("type"))
                .containsExactly("ASSIGNED", "REMINDER_SENT", "REMINDER_SENT", "DEADLINE_MISSED");
        assertThat(steps.get(1)).satisfies(s -> {
            assertThat(actor(s)).containsEntry("id", "clerk");
            assertThat(details(s)).containsEntry("kind", "MANUAL").containsEntry("chasedUnit", TCKH)
                    .containsEntry("note", "Đề nghị khẩn trương hoàn thành").containsEntry("workingDaysLeft", 8);
        });
        assertThat(steps.get(2)).satisfies(s -> {
            assertThat(actor(s)).containsEntry("id", "docket").containsEntry("role", "SYSTEM");
            assertThat(details(s)).containsEntry("kind", "BEFORE_DEADLINE").containsEntry("chasedUnit", TCKH)
                    .containsEntry("workingDaysLeft", 3);
            assertThat(s.get("effectiveDate")).isEqualTo("2021-05-17");
        });
        assertThat(steps.get(3)).satisfies(s -> {
            assertThat(actor(s)).containsEntry("id", "docket");
            assertThat(s.get("effectiveDate")).isEqualTo("2021-05-21");
            assertThat(details(s)).containsEntry("deadline", "2021-05-20");
        });
        Map<String, Object> detail = docket.await("auditor", at, a -> "2021-05-20".equals(a.get("missedDeadline")));
        assertThat(detail).containsEntry("reminders", 2);
        assertThat(detail.get("lastReminder")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("kind", "BEFORE_DEADLINE");
        // Delivered deadlines are gone from the store; nothing is left to fire twice.
        assertThat(scheduled(id, "deadline-reminder") + scheduled(id, "deadline-missed")).isZero();
    }

    @Test
    void a_unit_asks_for_an_extension_and_a_leader_grants_a_different_date() {
        DocketClient docket = new DocketClient(http);
        String id = assignDueOn20May(docket);
        String at = "/api/assignments/" + id;

        assertThat(docket.post("tckh", at + "/extension-requests", Map.of("newDeadline", "2021-05-19", "reason", "x"))
                .getStatusCode().value()).isEqualTo(422);
        assertThat(docket.post("qldt", at + "/extension-requests", Map.of("newDeadline", "2021-06-04", "reason", "x"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(docket.post("chair", at + "/extension-requests/decision", Map.of("approve", true))
                .getStatusCode().value()).isEqualTo(409);
        assertThat(docket.post("tckh", at + "/extension-requests",
                Map.of("newDeadline", "2021-06-04", "reason", "Chờ số liệu quyết toán")).getStatusCode().value())
                .isEqualTo(201);
        docket.await("tckh", at, a -> a.get("pendingExtension") != null);
        // The request waits for the leaders, in their "Việc chờ tôi", until one of them decides it.
        docket.await("pct", "/api/assignments?waiting=true&size=200", l -> ids(l).contains(id));
        assertThat(docket.post("clerk", at + "/extension-requests/decision", Map.of("approve", true))
                .getStatusCode().value()).isEqualTo(403);
        docket.ok("chair", at + "/extension-requests/decision",
                Map.of("approve", true, "newDeadline", "2021-05-31", "reason", "Gia hạn đến hết tháng 5"));
        docket.await("pct", "/api/assignments?waiting=true&size=200", l -> !ids(l).contains(id));

        Map<String, Object> detail = docket.await("auditor", at, a -> "2021-05-31".equals(a.get("deadline")));
        assertThat(detail).containsEntry("originalDeadline", "2021-05-20").containsEntry("pendingExtension", null);
        Map<String, Object> path = docket.await("auditor", at + "/path", p -> types(p).size() == 3);
        assertThat(types(path)).containsExactly("ASSIGNED", "EXTENSION_REQUESTED", "DEADLINE_EXTENDED");
        // The chase follows the new date: 31/5 is a Monday, three working days before it is Wednesday 26/5.
        // (The reminder armed for 20/5 stays, and does nothing when its day comes: ChasingDeadlinesTest.)
        List<java.time.Instant> reminders = database.getCollection("deadlines").find(new Document("name", "deadline-reminder")
                .append("scopeKey", new Document("$regex", id))).map(d -> d.getDate("dueAt").toInstant()).into(new java.util.ArrayList<>());
        assertThat(reminders).contains(java.time.OffsetDateTime.parse("2021-05-26T08:00+07:00").toInstant());
    }

    /**
     * Unit A's request no longer awaits anyone once the task is B's: not on the page, not in the leaders' waiting
     * work, not decidable; the path says it lapsed and why, and B may ask for its own.
     */
    @Test
    void a_reassignment_ends_the_old_units_pending_request_on_every_page_and_the_new_unit_asks_for_its_own() {
        DocketClient docket = new DocketClient(http);
        String id = assignDueOn20May(docket);
        String at = "/api/assignments/" + id;
        tckhAsksFor4June(docket, id);
        docket.await("pct", "/api/assignments?waiting=true&size=200", l -> ids(l).contains(id));

        docket.ok("clerk", at + "/reassignment", Map.of("leadUnit", "Phòng Quản lý đô thị", "reason", "Thuộc lĩnh vực đô thị"));

        Map<String, Object> path = docket.await("auditor", at + "/path", p -> types(p).contains("EXTENSION_LAPSED"));
        assertThat(types(path)).containsExactly("ASSIGNED", "EXTENSION_REQUESTED", "REASSIGNED", "EXTENSION_LAPSED");
        assertThat(details(NoticeItemOneWalkTest.steps(path).get(3))).containsEntry("requestingUnit", TCKH)
                .containsEntry("requestedDeadline", "2021-06-04").containsEntry("why", "REASSIGNED");
        assertThat(docket.await("auditor", at, a -> a.get("pendingExtension") == null)).containsEntry("deadline", "2021-05-20");
        docket.await("pct", "/api/assignments?waiting=true&size=200", l -> !ids(l).contains(id));
        assertThat(item(docket.getOk("clerk", "/api/assignments?size=200"), id).get("pendingExtension")).isNull();
        ResponseEntity<Map<String, Object>> decided = docket.post("chair", at + "/extension-requests/decision", Map.of("approve", true));
        assertThat(decided.getStatusCode().value()).isEqualTo(409);
        assertThat(decided.getBody()).containsEntry("rule", "no-extension-request");

        assertThat(docket.post("qldt", at + "/extension-requests",
                Map.of("newDeadline", "2021-06-10", "reason", "Mới nhận bàn giao hồ sơ")).getStatusCode().value()).isEqualTo(201);
        docket.await("auditor", at, a -> a.get("pendingExtension") != null);
    }

    /**
     * The final approval ends the work, and with it the request nobody decided: the path says it lapsed and why, no
     * page shows it pending, no leader is asked for it, and the unit's bell tells it so.
     */
    @Test
    void a_final_approval_ends_the_pending_request_on_every_page_and_in_the_units_bell() {
        DocketClient docket = new DocketClient(http);
        String id = assignDueOn20May(docket);
        String at = "/api/assignments/" + id;
        tckhAsksFor4June(docket, id);
        docket.ok("tckh", at + "/drafts", Map.of("documentName", "BC v1.docx", "documentUrl", "https://vanban.example.vn/v1"));
        docket.ok("chair", at + "/approvals", Map.of("note", "Đồng ý"));

        Map<String, Object> path = docket.await("auditor", at + "/path", p -> types(p).contains("EXTENSION_LAPSED"));
        assertThat(types(path)).containsExactly("ASSIGNED", "EXTENSION_REQUESTED", "DRAFT_SUBMITTED", "APPROVED",
                "EXTENSION_LAPSED");
        assertThat(details(NoticeItemOneWalkTest.steps(path).get(4))).containsEntry("requestingUnit", TCKH)
                .containsEntry("requestedDeadline", "2021-06-04").containsEntry("why", "APPROVED");
        assertThat(docket.await("auditor", at, a -> a.get("pendingExtension") == null)).containsEntry("status", "APPROVED")
                .containsEntry("deadline", "2021-05-20");
        assertThat(item(docket.getOk("clerk", "/api/assignments?size=200"), id).get("pendingExtension")).isNull();
        docket.await("pct", "/api/assignments?waiting=true&size=200", l -> !ids(l).contains(id));
        assertThat(NotificationsTest.inbox(docket, "tckh")).filteredOn(n -> id.equals(n.get("assignmentId")))
                .extracting(n -> n.get("type")).contains("EXTENSION_LAPSED");
    }

    @Test
    void a_cancellation_ends_the_pending_request_on_every_page() {
        DocketClient docket = new DocketClient(http);
        String id = assignDueOn20May(docket);
        String at = "/api/assignments/" + id;
        tckhAsksFor4June(docket, id);
        docket.ok("clerk", at + "/cancellation", Map.of("reason", "Nội dung đã lồng ghép vào báo cáo quý"));

        Map<String, Object> path = docket.await("auditor", at + "/path", p -> types(p).contains("EXTENSION_LAPSED"));
        assertThat(types(path)).containsExactly("ASSIGNED", "EXTENSION_REQUESTED", "CANCELLED", "EXTENSION_LAPSED");
        assertThat(details(NoticeItemOneWalkTest.steps(path).get(3))).containsEntry("why", "CANCELLED");
        assertThat(docket.await("auditor", at, a -> a.get("pendingExtension") == null)).containsEntry("status", "CANCELLED");
        docket.await("pct", "/api/assignments?waiting=true&size=200", l -> !ids(l).contains(id));
    }

    /** The lead unit asks for 4/6 and the clerk's list shows the request pending. */
    private static void tckhAsksFor4June(DocketClient docket, String id) {
        docket.ok("tckh", "/api/assignments/" + id + "/extension-requests",
                Map.of("newDeadline", "2021-06-04", "reason", "Chờ số liệu quyết toán"));
        docket.await("clerk", "/api/assignments?size=200", l -> item(l, id).get("pendingExtension") != null);
    }

    /** Sent back with a due date past the date asked for: the unit has what it asked, so nothing is left to decide. */
    @Test
    void a_revision_due_date_past_the_date_asked_for_settles_the_request_on_every_page() {
        DocketClient docket = new DocketClient(http);
        String id = assignDueOn20May(docket);
        String at = "/api/assignments/" + id;
        tckhAsksFor4June(docket, id);
        docket.ok("tckh", at + "/drafts", Map.of("documentName", "BC v1.docx", "documentUrl", "https://vanban.example.vn/v1"));
        docket.ok("chair", at + "/revision-requests", Map.of("reasons", List.of("Bổ sung số liệu"), "dueDate", "2021-06-15"));

        Map<String, Object> path = docket.await("auditor", at + "/path", p -> types(p).contains("EXTENSION_LAPSED"));
        assertThat(types(path)).containsExactly("ASSIGNED", "EXTENSION_REQUESTED", "DRAFT_SUBMITTED", "REVISION_REQUESTED",
                "EXTENSION_LAPSED");
        assertThat(details(NoticeItemOneWalkTest.steps(path).get(4))).containsEntry("why", "SUPERSEDED_BY_DUE_DATE");
        assertThat(docket.await("auditor", at, a -> a.get("pendingExtension") == null)).containsEntry("deadline", "2021-06-15");
        assertThat(item(docket.getOk("clerk", "/api/assignments?size=200"), id).get("pendingExtension")).isNull();
        docket.await("pct", "/api/assignments?waiting=true&size=200", l -> !ids(l).contains(id));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> page, String id) {
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(a -> id.equals(a.get("id"))).findFirst().orElse(Map.of());
    }

    static List<Object> types(Map<String, Object> path) {
        return NoticeItemOneWalkTest.steps(path).stream().map(s -> s.get("type")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> actor(Map<String, Object> step) {
        return (Map<String, Object>) step.get("actor");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> step) {
        return (Map<String, Object>) step.get("details");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(a -> a.get("id")).toList();
    }
}
