package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Plays item 1 of Thông báo 311/TB-UBND over HTTP: the plan of Phòng Tài chính - Kế hoạch is assigned at
 * the meeting of 13/4/2021 with the deadline 25/4/2021, sent back with the chair's requirements, revised,
 * approved by the Committee's leadership and issued; then reads its path, its audit trail and its rounds.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class NoticeItemOneWalkTest {

    static final String TCKH = "Phòng Tài chính - Kế hoạch";
    static final String LEADERS = "Lãnh đạo UBND thành phố";

    @Autowired
    TestRestTemplate http;

    /** The title exactly as the notice gives it, without the presenting unit. */
    static String itemOneTitle() {
        String notice = SharedNotices.text("000_3625d3d5715c8dde.txt");
        String line = notice.lines().filter(l -> l.startsWith("1. Dự thảo")).findFirst().orElseThrow();
        return line.substring(3, line.lastIndexOf(" (Phòng Tài chính - Kế hoạch trình)"));
    }

    @Test
    void item_one_of_notice_311_walks_from_assignment_to_issuance_and_its_path_shows_who_did_what() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> assign = new HashMap<>();
        assign.put("title", itemOneTitle());
        assign.put("kind", "PLAN");
        assign.put("leadUnit", TCKH);
        assign.put("coordinatingUnits", List.of());
        assign.put("deadline", "2021-04-25");
        assign.put("approvalRoute", List.of(LEADERS));
        assign.put("source", Map.of("notice", "311/TB-UBND", "item", 1));
        assign.put("effectiveDate", "2021-04-13");
        String id = (String) docket.ok("clerk", "/api/assignments", assign).get("id");
        String at = "/api/assignments/" + id;

        assertThat(docket.ok("tckh", at + "/drafts", Map.of("documentName", "Dự thảo KH v1.docx",
                "documentSha256", "3f".repeat(32), "note", "Trình tại cuộc họp thường kỳ tháng 4/2021",
                "effectiveDate", "2021-04-13"))).containsEntry("version", 1);
        List<String> requirements = List.of(
                "Chỉnh sửa bố cục gồm 04 mục chính: Mục đích, yêu cầu; Mục tiêu tổng quát và mục tiêu cụ thể; "
                        + "Nhiệm vụ và giải pháp; Tổ chức thực hiện",
                "Có nhiệm vụ trọng tâm và định hướng một số nhiệm vụ cụ thể trong 5 năm tới, phù hợp các chỉ tiêu "
                        + "phát triển kinh tế xã hội của thành phố",
                "Đề ra lộ trình cụ thể và gắn trách nhiệm của các cơ quan tham mưu, thực hiện");
        docket.ok("chair", at + "/revision-requests", Map.of("reasons", requirements, "effectiveDate", "2021-04-13"));
        assertThat(docket.ok("tckh", at + "/drafts", Map.of("documentName", "Dự thảo KH v2.docx",
                "documentUrl", "https://vanban.example.vn/kh-v2", "effectiveDate", "2021-04-24")))
                .containsEntry("version", 2);
        docket.ok("chair", at + "/approvals", Map.of("note", "Đồng ý ban hành", "effectiveDate", "2021-04-26"));
        docket.ok("clerk", at + "/issuance", Map.of("documentNumber", "95/KH-UBND", "issuedOn", "2021-04-28"));

        Map<String, Object> assignment = docket.await("auditor", at, a -> "ISSUED".equals(a.get("status")));
        assertThat(assignment)
                .containsEntry("title", itemOneTitle())
                .containsEntry("leadUnit", TCKH)
                .containsEntry("deadline", "2021-04-25")
                .containsEntry("originalDeadline", "2021-04-25")
                .containsEntry("currentVersion", 2)
                .containsEntry("approvedLevels", List.of(LEADERS))
                .containsEntry("timeliness", "DONE_ON_TIME")
                .containsEntry("source", Map.of("notice", "311/TB-UBND", "item", 1));

        Map<String, Object> path = docket.await("auditor", at + "/path",
                p -> ((List<?>) p.get("steps")).size() == 6);
        List<Map<String, Object>> steps = steps(path);
        assertThat(steps).extracting(s -> s.get("type")).containsExactly(
                "ASSIGNED", "DRAFT_SUBMITTED", "REVISION_REQUESTED", "DRAFT_SUBMITTED", "APPROVED", "ISSUED");
        assertThat(steps).extracting(s -> (Object) ((Map<?, ?>) s.get("actor")).get("id"))
                .containsExactly("clerk", "tckh", "chair", "tckh", "chair", "clerk");
        assertThat(steps).extracting(s -> (Object) ((Map<?, ?>) s.get("actor")).get("unit"))
                .containsExactly("Văn phòng HĐND và UBND thành phố", TCKH, LEADERS, TCKH, LEADERS,
                        "Văn phòng HĐND và UBND thành phố");
        assertThat(steps).extracting(s -> s.get("effectiveDate")).containsExactly(
                "2021-04-13", "2021-04-13", "2021-04-13", "2021-04-24", "2021-04-26", "2021-04-28");
        assertThat(steps.get(2).get("reasons")).isEqualTo(requirements);
        assertThat(steps.get(4)).containsEntry("level", LEADERS).containsEntry("version", 2);
        assertThat(path).containsEntry("revisionRounds", 1)
                .containsEntry("daysWithUnit", 11)        // 13/4 to 24/4, revising
                .containsEntry("daysAwaitingReview", 2);  // 24/4 to 26/4, with the leadership

        Map<String, Object> audit = docket.await("auditor", "/api/audit?assignment=" + id,
                a -> ((Number) a.get("total")).intValue() == 6);
        List<Map<String, Object>> entries = items(audit);
        assertThat(entries).extracting(e -> e.get("type")).containsExactly("DocumentIssued", "DraftApproved",
                "DraftSubmitted", "RevisionRequested", "DraftSubmitted", "TaskAssigned");
        assertThat(entries).extracting(e -> (Object) ((Map<?, ?>) e.get("actor")).get("id"))
                .containsExactly("clerk", "chair", "tckh", "chair", "tckh", "clerk");
        assertThat(entries).extracting(e -> e.get("commandId")).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(entries).allSatisfy(e -> assertThat(e.get("recordedAt")).isNotNull());
        assertThat(entries).allSatisfy(e -> assertThat(e.get("assignmentTitle")).isEqualTo(itemOneTitle()));

        // An inspector filters as the log shows things: the task's first 8 characters, a name typed without tone marks.
        Map<String, Object> byShortId = docket.getOk("auditor", "/api/audit?assignment=" + id.substring(0, 8).toUpperCase());
        assertThat(items(byShortId)).extracting(e -> e.get("assignmentId")).containsOnly(id).hasSize(6);
        Map<String, Object> byName = docket.getOk("auditor", "/api/audit?assignment=" + id + "&actor=tran van minh");
        assertThat(items(byName)).extracting(e -> e.get("type")).containsExactly("DraftSubmitted", "DraftSubmitted");
        assertThat(docket.get("auditor", "/api/audit?assignment=xyz").getBody()).containsEntry("rule", "assignment-filter");

        // Other tests share this Docket, so look at this plan's own entry in the unit's statistics.
        Map<String, Object> cycles = docket.await("auditor", "/api/stats/revision-cycles?unit=" + TCKH,
                c -> items(c, "perAssignment").stream().anyMatch(a -> id.equals(a.get("id"))));
        assertThat(items(cycles, "perAssignment")).filteredOn(a -> id.equals(a.get("id"))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("rounds", 1).containsEntry("turnaroundDays", List.of(11)));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> path) {
        return (List<Map<String, Object>>) path.get("steps");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return items(page, "items");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }
}
