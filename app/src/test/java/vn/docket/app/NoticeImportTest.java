package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import vn.docket.command.assignment.AssignmentCommands;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.TaskAssigned;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** A clerk imports the real notice 311/TB-UBND: preview, correct, confirm; Docket tracks every item. */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class NoticeImportTest {

    static final String NOTICE_311 = "000_3625d3d5715c8dde.txt";
    static final String DRAFT_NOTICE = "001_d33d67fc94cd4e07.txt";

    @Autowired
    TestRestTemplate http;

    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;

    @Autowired
    CommandBus commandBus;

    @Autowired
    vn.docket.command.notice.NoticeRegistrar registrar;

    @Autowired
    MongoDatabase database;

    @Autowired
    java.time.Clock clock;

    ResponseEntity<Map<String, Object>> upload(String user, byte[] content, String filename) {
        return new DocketClient(http).previewNotice(user, content, filename);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void importing_notice_311_tracks_its_four_items_from_the_meeting_on() {
        DocketClient docket = new DocketClient(http);
        ResponseEntity<Map<String, Object>> previewed = upload("clerk", SharedNotices.bytes(NOTICE_311), NOTICE_311);
        assertThat(previewed.getStatusCode().value()).as("%s", previewed.getBody()).isEqualTo(200);
        Map<String, Object> preview = previewed.getBody();
        assertThat((Map<String, Object>) preview.get("notice")).containsEntry("number", "311/TB-UBND")
                .containsEntry("meetingOn", "2021-04-13");
        assertThat(list(preview.get("items"))).hasSize(4);
        assertThat(preview.get("sourceSha256").toString()).hasSize(64);

        // The clerk corrects the preview before confirming: a sharper title for item 2.
        list(preview.get("items")).get(1).put("title", "Kế hoạch vận hành thí điểm Trung tâm IOC thành phố Lạng Sơn 2021-2022");
        ResponseEntity<Map<String, Object>> registered = docket.post("clerk", "/api/notices", preview);
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
        String noticeId = (String) registered.getBody().get("id");
        List<Map<String, Object>> created = list(registered.getBody().get("assignments"));

        List<Map<String, Object>> mains = created.stream().filter(a -> a.get("parentId") == null).toList();
        assertThat(mains).extracting(a -> a.get("item")).containsExactly(1, 2, 3, 4);
        assertThat(mains).extracting(a -> a.get("leadUnit")).containsExactly("Phòng Tài chính - Kế hoạch",
                "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Ban Chỉ huy Quân sự thành phố");
        String itemOne = (String) mains.get(0).get("id");
        List<Map<String, Object>> children = created.stream().filter(a -> itemOne.equals(a.get("parentId"))).toList();
        assertThat(children).extracting(a -> a.get("leadUnit")).containsExactlyInAnyOrder("Phòng Kinh tế",
                "Phòng Quản lý đô thị", "Phòng Văn hóa và Thông tin", "Ban Chỉ huy Quân sự thành phố");

        for (Map<String, Object> child : children) {
            Map<String, Object> view = docket.await("auditor", "/api/assignments/" + child.get("id"), a -> true);
            assertThat(view).containsEntry("deadline", "2021-04-20").containsEntry("parentId", itemOne);
        }
        Map<String, Object> one = docket.await("auditor", "/api/assignments/" + itemOne, a -> true);
        assertThat(one).containsEntry("status", "REVISION_REQUESTED").containsEntry("deadline", "2021-04-25")
                .containsEntry("currentVersion", 1);
        assertThat((Map<String, Object>) one.get("source")).containsEntry("notice", "311/TB-UBND").containsEntry("item", 1);

        Map<String, Object> path = docket.await("auditor", "/api/assignments/" + itemOne + "/path",
                p -> list(p.get("steps")).size() == 3);
        assertThat(list(path.get("steps"))).extracting(s -> s.get("type"))
                .containsExactly("ASSIGNED", "DRAFT_SUBMITTED", "REVISION_REQUESTED");
        assertThat(list(path.get("steps"))).allSatisfy(s -> assertThat(s).containsEntry("effectiveDate", "2021-04-13"));
        assertThat((List<?>) list(path.get("steps")).get(2).get("reasons")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(path).containsEntry("revisionRounds", 1);

        String itemTwo = (String) mains.get(1).get("id");
        Map<String, Object> two = docket.await("auditor", "/api/assignments/" + itemTwo + "/path",
                p -> list(p.get("steps")).size() == 3);
        assertThat(list(two.get("steps")).get(2)).containsEntry("type", "APPROVED_IN_PRINCIPLE");
        assertThat(two).containsEntry("revisionRounds", 0);
        assertThat(docket.getOk("auditor", "/api/assignments/" + itemTwo))
                .containsEntry("title", "Kế hoạch vận hành thí điểm Trung tâm IOC thành phố Lạng Sơn 2021-2022");

        Map<String, Object> notice = docket.await("auditor", "/api/notices/" + noticeId,
                n -> list(n.get("itemsWithProgress")).size() == 4
                        && list(list(n.get("itemsWithProgress")).get(0).get("assignments")).size() == 5);
        assertThat(notice).containsEntry("number", "311/TB-UBND").containsEntry("signer", "Lăng Thị Trịnh");

        // The same notice again is refused and points at the first registration.
        ResponseEntity<Map<String, Object>> again = docket.post("clerk", "/api/notices", preview);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("rule", "notice-already-registered")
                .containsEntry("link", "/api/notices/" + noticeId);
        assertThat(upload("clerk", SharedNotices.bytes(NOTICE_311), NOTICE_311).getBody())
                .containsEntry("registeredBefore", "/api/notices/" + noticeId);
    }

    /** An assignment a unit may not see does not exist for it, on a notice's page as anywhere else. */
    @Test
    void unit_staff_see_on_a_notice_only_the_assignments_their_unit_may_see() {
        DocketClient docket = new DocketClient(http);
        ResponseEntity<Map<String, Object>> registered = docket.post("clerk", "/api/notices", apart("311-E/TB-UBND"));
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
        String notice = "/api/notices/" + registered.getBody().get("id");
        docket.await("auditor", notice, n -> list(n.get("itemsWithProgress")).size() == 4
                && list(list(n.get("itemsWithProgress")).get(0).get("assignments")).size() == 5);

        // Phòng Quản lý đô thị contributes to item 1: its contribution and the plan it feeds, nothing of items 2-4.
        List<Map<String, Object>> items = list(docket.getOk("qldt", notice).get("itemsWithProgress"));
        assertThat(items).extracting(i -> i.get("ordinal")).containsExactly(1);
        assertThat(list(items.get(0).get("assignments"))).extracting(a -> a.get("leadUnit"))
                .containsExactlyInAnyOrder("Phòng Tài chính - Kế hoạch", "Phòng Quản lý đô thị");
    }

    @Test
    void an_unnumbered_draft_notice_is_told_apart_by_its_content() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = upload("clerk", SharedNotices.bytes(DRAFT_NOTICE), DRAFT_NOTICE).getBody();
        assertThat((Map<String, Object>) preview.get("notice")).containsEntry("number", null)
                .containsEntry("issuedMonth", "2020-11");
        ResponseEntity<Map<String, Object>> first = docket.post("clerk", "/api/notices", preview);
        assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
        assertThat(list(first.getBody().get("assignments")).stream().filter(a -> a.get("parentId") == null)).hasSize(6);
        assertThat(docket.post("clerk", "/api/notices", preview).getStatusCode().value()).isEqualTo(409);

        // The same file with a number typed in is still the same notice, and the preview says so.
        Map<String, Object> numbered = new java.util.HashMap<>(preview);
        Map<String, Object> facts = new java.util.HashMap<>((Map<String, Object>) preview.get("notice"));
        facts.put("number", "150/TB-UBND");
        numbered.put("notice", facts);
        ResponseEntity<Map<String, Object>> again = docket.post("clerk", "/api/notices", numbered);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("rule", "notice-already-registered")
                .containsEntry("link", "/api/notices/" + first.getBody().get("id"));
        assertThat(upload("clerk", SharedNotices.bytes(DRAFT_NOTICE), DRAFT_NOTICE).getBody())
                .containsEntry("registeredBefore", "/api/notices/" + first.getBody().get("id"));
    }

    @Test
    void a_registration_the_database_stopped_midway_is_completed_by_confirming_the_same_notice_again() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = apart("311-B/TB-UBND");

        AtomicInteger assigned = new AtomicInteger();
        ResponseEntity<Map<String, Object>> stopped = confirmedDuringOutage(preview,
                command -> command instanceof AssignmentCommands.AssignTask && assigned.incrementAndGet() == 4);
        assertThat(stopped.getStatusCode().value()).isEqualTo(503);
        assertThat(stopped.getBody()).containsEntry("rule", "database-unavailable");
        long assignedBefore = StoredEvents.count(eventStore, e -> e instanceof TaskAssigned t
                && t.source() != null && "311-B/TB-UBND".equals(t.source().notice()));
        assertThat(assignedBefore).as("item 1 and two of its contributions were stored before the outage").isEqualTo(3);

        // Other particulars cannot complete it: the rest would not match what is stored.
        Map<String, Object> edited = new java.util.HashMap<>(preview);
        edited.put("items", list(preview.get("items")).subList(0, 2));
        ResponseEntity<Map<String, Object>> differs = docket.post("clerk", "/api/notices", edited);
        assertThat(differs.getStatusCode().value()).isEqualTo(409);
        assertThat(differs.getBody()).containsEntry("rule", "notice-registration-differs");

        ResponseEntity<Map<String, Object>> completed = docket.post("clerk", "/api/notices", preview);
        assertThat(completed.getStatusCode().value()).as("%s", completed.getBody()).isEqualTo(201);
        assertThat(list(completed.getBody().get("assignments"))).hasSize(8);
        assertThat(StoredEvents.count(eventStore, e -> e instanceof TaskAssigned t
                && t.source() != null && "311-B/TB-UBND".equals(t.source().notice()))).as("nothing twice, nothing missing").isEqualTo(8);
        assertThat(StoredEvents.count(eventStore, e -> e instanceof NoticeRegistered n
                && "311-B/TB-UBND".equals(n.notice().number()))).isEqualTo(1);
        String itemOne = (String) list(completed.getBody().get("assignments")).get(0).get("id");
        Map<String, Object> path = docket.await("auditor", "/api/assignments/" + itemOne + "/path",
                p -> list(p.get("steps")).size() >= 3);
        assertThat(list(path.get("steps"))).extracting(s -> s.get("type"))
                .containsExactly("ASSIGNED", "DRAFT_SUBMITTED", "REVISION_REQUESTED");

        ResponseEntity<Map<String, Object>> again = docket.post("clerk", "/api/notices", preview);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("rule", "notice-already-registered");
    }

    @Test
    void a_registration_the_database_stopped_before_it_wrote_anything_can_be_confirmed_with_corrections() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = apart("311-D/TB-UBND");

        ResponseEntity<Map<String, Object>> stopped = confirmedDuringOutage(preview,
                command -> command instanceof vn.docket.command.notice.RegisterNotice);
        assertThat(stopped.getStatusCode().value()).isEqualTo(503);
        assertThat(StoredEvents.count(eventStore, e -> e instanceof NoticeRegistered n
                && "311-D/TB-UBND".equals(n.notice().number()))).as("nothing was written").isZero();
        // The preview does not send the clerk to a notice that is not there.
        assertThat(registrar.registeredBefore("311-D/TB-UBND", null)).as("no earlier notice to link to").isNull();

        // Meanwhile the clerk sharpens a title: nothing of the first confirmation is on record to differ from.
        list(preview.get("items")).get(1).put("title", "Kế hoạch vận hành thí điểm Trung tâm IOC, bản sửa");
        ResponseEntity<Map<String, Object>> registered = docket.post("clerk", "/api/notices", preview);
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
        assertThat(StoredEvents.count(eventStore, e -> e instanceof TaskAssigned t && t.source() != null
                && "311-D/TB-UBND".equals(t.source().notice()) && t.title().endsWith("bản sửa"))).isEqualTo(1);
    }

    @Test
    void an_item_whose_route_names_a_level_twice_is_refused_before_anything_is_registered_and_the_corrected_notice_registers() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = apart("311-C/TB-UBND");
        // The clerk's correction of item 3 names the leadership twice: items 1 and 2 would be written before it.
        list(preview.get("items")).get(2).put("submitTo", List.of("Lãnh đạo UBND thành phố", "Lãnh đạo UBND thành phố"));

        ResponseEntity<Map<String, Object>> refused = docket.post("clerk", "/api/notices", preview);
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("rule", "item-route");
        assertThat(refused.getBody().get("detail").toString()).startsWith("items[2].submitTo");
        assertThat(StoredEvents.count(eventStore, e -> e instanceof NoticeRegistered n
                && "311-C/TB-UBND".equals(n.notice().number()))).as("no notice half registered").isZero();
        assertThat(StoredEvents.count(eventStore, e -> e instanceof TaskAssigned t
                && t.source() != null && "311-C/TB-UBND".equals(t.source().notice()))).isZero();

        list(preview.get("items")).get(2).put("submitTo", List.of("Lãnh đạo UBND thành phố"));
        ResponseEntity<Map<String, Object>> registered = docket.post("clerk", "/api/notices", preview);
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
    }

    @Test
    void bad_files_get_a_clear_4xx_and_nothing_is_registered() {
        DocketClient docket = new DocketClient(http);
        long before = StoredEvents.business(eventStore);
        assertThat(upload("clerk", new byte[0], "empty.txt").getStatusCode().value()).isEqualTo(422);
        ResponseEntity<Map<String, Object>> garbage = upload("clerk", new byte[] {0, 1, 2, (byte) 0xff, 0, 7, 9}, "x.bin");
        assertThat(garbage.getStatusCode().is4xxClientError()).isTrue();
        assertThat(garbage.getBody()).containsKey("detail");
        // A readable letter that assigns nothing is previewed with a warning, but cannot be registered without items.
        ResponseEntity<Map<String, Object>> noItems = upload("clerk",
                "Kính gửi các phòng ban. Trân trọng.".getBytes(java.nio.charset.StandardCharsets.UTF_8), "letter.txt");
        assertThat(noItems.getStatusCode().value()).isEqualTo(200);
        assertThat(list(noItems.getBody().get("items"))).isEmpty();
        ResponseEntity<Map<String, Object>> unregistrable = docket.post("clerk", "/api/notices", noItems.getBody());
        assertThat(unregistrable.getStatusCode().value()).isEqualTo(422);
        assertThat(unregistrable.getBody()).containsEntry("rule", "notice-without-items");
        assertThat(upload("tckh", SharedNotices.bytes(NOTICE_311), NOTICE_311).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<Map<String, Object>> routeless = docket.post("clerk", "/api/notices", Map.of(
                "notice", Map.of("number", "99/TB-UBND", "meetingOn", "2021-04-13"),
                "items", List.of(Map.of("ordinal", 1, "kind", "PLAN", "title", "Kế hoạch", "lead", "Phòng Kinh tế")))); 
        assertThat(routeless.getStatusCode().value()).isEqualTo(422);
        assertThat(routeless.getBody().get("detail").toString()).startsWith("items[0].submitTo");
        ResponseEntity<Map<String, Object>> itemZero = docket.post("clerk", "/api/notices", Map.of(
                "notice", Map.of("number", "99/TB-UBND", "meetingOn", "2021-04-13"),
                "items", List.of(Map.of("ordinal", 0, "kind", "PLAN", "title", "Kế hoạch", "lead", "Phòng Kinh tế",
                        "submitTo", List.of("Lãnh đạo UBND thành phố")))));
        assertThat(itemZero.getStatusCode().value()).isEqualTo(422);
        assertThat(itemZero.getBody()).containsEntry("rule", "item-ordinal");
        assertThat(StoredEvents.business(eventStore)).isEqualTo(before);
    }

    /** Reading a notice and registering it are the clerks' work; anyone else is told so before anything is read. */
    @Test
    void only_a_clerk_may_preview_or_register_a_notice() {
        ResponseEntity<Map<String, Object>> refused = upload("tckh", SharedNotices.bytes(NOTICE_311), NOTICE_311);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).containsEntry("rule", "clerks-only")
                .containsEntry("detail", "Only the office's clerks may import notices.");
        assertThat(new DocketClient(http).post("tckh", "/api/notices", apart("311-H/TB-UBND")).getBody())
                .containsEntry("rule", "clerks-only").containsEntry("detail", "Only the office's clerks may import notices.");
    }

    /**
     * The number is cleaned once, and the notice, each assignment's source and the conclusion recorded for the meeting
     * all carry it as cleaned; a notice without a number is cited as a conclusion notice with no number yet.
     */
    @Test
    void a_confirmed_number_is_used_as_cleaned_and_an_unnumbered_notice_is_cited_as_having_no_number_yet() {
        DocketClient docket = new DocketClient(http);
        List<String> spaced = registeredIds(docket.post("clerk", "/api/notices", apart("  311-G/TB-UBND ")));
        assertThat(StoredEvents.count(eventStore, e -> e instanceof NoticeRegistered n
                && "311-G/TB-UBND".equals(n.notice().number()))).isEqualTo(1);
        assertThat(StoredEvents.count(eventStore, e -> e instanceof TaskAssigned t
                && spaced.contains(t.assignmentId().toString()) && "311-G/TB-UBND".equals(t.source().notice())))
                .isEqualTo(spaced.size());
        assertThat(citations(spaced)).isNotEmpty().containsOnly("311-G/TB-UBND");

        Map<String, Object> unnumbered = apart(null);
        unnumbered.put("sourceSha256", java.util.UUID.randomUUID().toString().replace("-", "").repeat(2));
        List<String> ids = registeredIds(docket.post("clerk", "/api/notices", unnumbered));
        assertThat(citations(ids)).isNotEmpty().containsOnly("Thông báo kết luận (chưa có số)");
    }

    /**
     * The file's SHA-256 is what tells an unnumbered notice apart and is recorded in NoticeRegistered: a read-out
     * whose sourceSha256 is no SHA-256 (edited, or typed) is refused, as a draft's documentSha256 is.
     */
    @Test
    void a_source_sha256_that_is_no_sha256_is_refused_and_nothing_is_registered() {
        DocketClient docket = new DocketClient(http);
        for (String notSha256 : List.of("zz", "a".repeat(63), "g".repeat(64))) {
            Map<String, Object> preview = apart("311-S/TB-UBND");
            preview.put("sourceSha256", notSha256);
            ResponseEntity<Map<String, Object>> refused = docket.post("clerk", "/api/notices", preview);
            assertThat(refused.getStatusCode().value()).as("%s: %s", notSha256, refused.getBody()).isEqualTo(422);
            assertThat(refused.getBody()).containsEntry("rule", "source-sha256-format");
        }
        assertThat(StoredEvents.count(eventStore, e -> e instanceof NoticeRegistered n
                && "311-S/TB-UBND".equals(n.notice().number()))).isZero();
    }

    /**
     * A clerk registers what the preview shows, dates included: a text that gives neither a meeting nor an issue date
     * (12 of the corpus' 40) was registered as assigned today, and a typed issue date after today or before the meeting
     * was recorded as typed. Each is refused, saying which date to give, and nothing is registered.
     */
    @Test
    void a_notice_without_a_date_or_dated_after_today_or_before_its_meeting_is_refused_and_nothing_is_registered() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> dates = new java.util.LinkedHashMap<>();
        dates.put("notice-date-required", new String[] {null, null});
        dates.put("notice-issued-in-future", new String[] {"2021-04-13", "2021-05-11"});
        dates.put("notice-issued-before-meeting", new String[] {"2021-04-13", "2021-04-12"});
        for (Map.Entry<String, Object> wrong : dates.entrySet()) {
            String[] meetingAndIssue = (String[]) wrong.getValue();
            Map<String, Object> preview = apart("311-D/TB-UBND");
            Map<String, Object> facts = new java.util.HashMap<>((Map<String, Object>) preview.get("notice"));
            facts.put("meetingOn", meetingAndIssue[0]);
            facts.put("issuedOn", meetingAndIssue[1]);
            preview.put("notice", facts);
            ResponseEntity<Map<String, Object>> refused = docket.post("clerk", "/api/notices", preview);
            assertThat(refused.getStatusCode().value()).as("%s: %s", wrong.getKey(), refused.getBody()).isEqualTo(422);
            assertThat(refused.getBody()).containsEntry("rule", wrong.getKey());
        }
        assertThat(StoredEvents.count(eventStore, e -> e instanceof NoticeRegistered n
                && "311-D/TB-UBND".equals(n.notice().number()))).isZero();
    }

    /**
     * The draft notice gives only its month ("ngày   tháng 11 năm 2020"). An issue date the clerk types in another month
     * (3/2/2021) was registered beside the month it contradicts; it is refused naming both, and a day of November is
     * registered.
     */
    @Test
    void an_issue_date_outside_the_month_the_draft_notice_gives_is_refused_naming_both() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = upload("clerk", SharedNotices.bytes(DRAFT_NOTICE), DRAFT_NOTICE).getBody();
        preview.put("sourceSha256", "b".repeat(64));
        Map<String, Object> facts = new java.util.HashMap<>((Map<String, Object>) preview.get("notice"));
        facts.put("number", "151/TB-UBND");
        facts.put("issuedOn", "2021-02-03");
        preview.put("notice", facts);

        ResponseEntity<Map<String, Object>> refused = docket.post("clerk", "/api/notices", preview);
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("rule", "notice-issued-outside-month");
        assertThat(refused.getBody().get("detail").toString()).contains("3/2/2021", "2020-11");
        assertThat(StoredEvents.count(eventStore, e -> e instanceof NoticeRegistered n
                && "151/TB-UBND".equals(n.notice().number()))).isZero();

        facts.put("issuedOn", "2020-11-12");
        assertThat(docket.post("clerk", "/api/notices", preview).getStatusCode().value()).isEqualTo(201);
    }

    /**
     * The clerk's verdict decides what is recorded. Item 2 of 311, judged a task given (no draft presented), keeps what
     * the clerk typed as its requirements on the assignment: they were dropped, as only a judged draft recorded them.
     * Item 3, agreed in principle as the reader read it and sent back by the clerk, records the meeting's revision round.
     */
    @Test
    void a_task_keeps_the_requirements_the_clerk_typed_and_the_clerks_verdict_decides_what_the_meeting_recorded() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = apart("311-R/TB-UBND");
        Map<String, Object> task = list(preview.get("items")).get(1);
        task.put("verdict", null);
        task.put("requirements", List.of("Lập danh mục thiết bị cần mua", "Báo cáo chi phí vận hành hằng năm"));
        Map<String, Object> draft = list(preview.get("items")).get(2);
        draft.put("verdict", "REVISION_REQUIRED");
        draft.put("requirements", List.of("Bổ sung phương án bảo đảm hậu cần"));

        List<Map<String, Object>> mains = list(registeredBody(docket.post("clerk", "/api/notices", preview))
                .get("assignments")).stream().filter(a -> a.get("parentId") == null).toList();
        Map<String, Object> taskPath = docket.await("auditor", "/api/assignments/" + mains.get(1).get("id") + "/path",
                p -> !list(p.get("steps")).isEmpty());
        assertThat(list(taskPath.get("steps"))).extracting(s -> s.get("type")).containsExactly("ASSIGNED");
        assertThat(list(taskPath.get("steps")).get(0).get("reasons"))
                .isEqualTo(List.of("Lập danh mục thiết bị cần mua", "Báo cáo chi phí vận hành hằng năm"));
        Map<String, Object> draftPath = docket.await("auditor", "/api/assignments/" + mains.get(2).get("id") + "/path",
                p -> list(p.get("steps")).size() == 3);
        assertThat(list(draftPath.get("steps")).get(2)).containsEntry("type", "REVISION_REQUESTED")
                .containsEntry("reasons", List.of("Bổ sung phương án bảo đảm hậu cần"));
        assertThat(list(draftPath.get("steps")).get(0).get("reasons")).as("not twice").isNull();
    }

    /**
     * A draft notice is registered before it is signed; its signed copy brings the number (and the date the draft left
     * blank), which could not be recorded. The clerk gives it once, recorded as NoticeNumbered by that clerk; a number
     * another notice holds is refused, as at registration, and a refused number is free again.
     */
    @Test
    void a_notice_registered_without_a_number_is_given_the_number_of_its_signed_copy_once() {
        DocketClient docket = new DocketClient(http);
        String id = draftNoticeRegistered(docket, "c");
        String other = draftNoticeRegistered(docket, "d");

        assertThat(docket.post("tckh", "/api/notices/" + id + "/number", Map.of("number", "153/TB-UBND")).getBody())
                .containsEntry("rule", "clerks-only");
        ResponseEntity<Map<String, Object>> numbered = docket.post("clerk", "/api/notices/" + id + "/number",
                Map.of("number", " 153/TB-UBND ", "issuedOn", "2020-12-02"));
        assertThat(numbered.getStatusCode().value()).as("%s", numbered.getBody()).isEqualTo(204);
        assertThat(docket.await("auditor", "/api/notices/" + id, n -> "153/TB-UBND".equals(n.get("number"))))
                .containsEntry("issuedOn", "2020-12-02");
        List<Object> actors = new java.util.ArrayList<>();
        StoredEvents.all(eventStore).stream().filter(m -> m.getPayload() instanceof vn.docket.events.NoticeNumbered n
                && n.noticeId().toString().equals(id)).forEach(m -> actors.add(m.getMetaData().get("actorId")));
        assertThat(actors).containsExactly("clerk");
        // Its assignments are listed under the number, and each shows it, as if the notice had come with it.
        Map<String, Object> listed = docket.await("clerk", "/api/assignments?notice=153/TB-UBND&size=100",
                p -> ((Number) p.get("total")).intValue() > 0);
        List<Map<String, Object>> items = list(listed.get("items"));
        assertThat(items).isNotEmpty().allSatisfy(a -> assertThat((Map<String, Object>) a.get("source"))
                .containsEntry("notice", "153/TB-UBND").containsEntry("noticeId", id));
        assertThat((Map<String, Object>) docket.getOk("clerk", "/api/assignments/" + items.get(0).get("id")).get("source"))
                .containsEntry("notice", "153/TB-UBND");

        ResponseEntity<Map<String, Object>> again = docket.post("clerk", "/api/notices/" + id + "/number",
                Map.of("number", "155/TB-UBND"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("rule", "notice-already-numbered");
        ResponseEntity<Map<String, Object>> taken = docket.post("clerk", "/api/notices/" + other + "/number",
                Map.of("number", "153/TB-UBND"));
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(taken.getBody()).containsEntry("rule", "notice-already-registered").containsEntry("link", "/api/notices/" + id);
        ResponseEntity<Map<String, Object>> early = docket.post("clerk", "/api/notices/" + other + "/number",
                Map.of("number", "155/TB-UBND", "issuedOn", "2020-11-01"));
        assertThat(early.getBody()).containsEntry("rule", "notice-issued-before-meeting");
        assertThat(docket.post("clerk", "/api/notices/" + other + "/number", Map.of("number", "155/TB-UBND"))
                .getStatusCode().value()).as("the refused number was given back").isEqualTo(204);
    }

    /**
     * A clerk typed the wrong number when the signed copy came (or registered the notice under another's number): it
     * was fixed for good (409 notice-already-numbered). It is corrected with a reason, recorded by that clerk; the
     * notice's assignments are listed and shown under the new number only, the old one is free for the notice that
     * bears it, and the log keeps both.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_number_recorded_wrongly_is_corrected_with_a_reason_and_the_assignments_follow_it() {
        DocketClient docket = new DocketClient(http);
        String id = draftNoticeRegistered(docket, "e");
        String other = draftNoticeRegistered(docket, "f");
        assertThat(docket.post("clerk", "/api/notices/" + id + "/number", Map.of("number", "163/TB-UBND"))
                .getStatusCode().value()).isEqualTo(204);
        docket.await("clerk", "/api/assignments?notice=163/TB-UBND&size=100", p -> ((Number) p.get("total")).intValue() > 0);

        assertThat(docket.post("tckh", "/api/notices/" + id + "/number-correction",
                Map.of("number", "165/TB-UBND", "reason", "Gõ nhầm số")).getBody()).containsEntry("rule", "clerks-only");
        assertThat(docket.post("clerk", "/api/notices/" + id + "/number-correction", Map.of("number", "165/TB-UBND"))
                .getBody()).containsEntry("rule", "correction-reason-required");
        assertThat(docket.post("clerk", "/api/notices/" + other + "/number-correction",
                Map.of("number", "165/TB-UBND", "reason", "Gõ nhầm số")).getBody()).containsEntry("rule", "notice-not-numbered");
        ResponseEntity<Map<String, Object>> corrected = docket.post("clerk", "/api/notices/" + id + "/number-correction",
                Map.of("number", "165/TB-UBND", "reason", "Gõ nhầm số"));
        assertThat(corrected.getStatusCode().value()).as("%s", corrected.getBody()).isEqualTo(204);

        docket.await("auditor", "/api/notices/" + id, n -> "165/TB-UBND".equals(n.get("number")));
        Map<String, Object> listed = docket.await("clerk", "/api/assignments?notice=165/TB-UBND&size=100",
                p -> ((Number) p.get("total")).intValue() > 0);
        assertThat(list(listed.get("items"))).allSatisfy(a -> assertThat((Map<String, Object>) a.get("source"))
                .containsEntry("notice", "165/TB-UBND"));
        assertThat(docket.getOk("clerk", "/api/assignments?notice=163/TB-UBND&size=100")).containsEntry("total", 0);
        List<Object> actors = new java.util.ArrayList<>();
        StoredEvents.all(eventStore).stream().filter(m -> m.getPayload() instanceof vn.docket.events.NoticeNumberCorrected c
                && c.noticeId().toString().equals(id) && c.previousNumber().equals("163/TB-UBND") && c.reason().equals("Gõ nhầm số"))
                .forEach(m -> actors.add(m.getMetaData().get("actorId")));
        assertThat(actors).containsExactly("clerk");

        // The old number is free again, for the notice that bears it; the new one is held.
        assertThat(docket.post("clerk", "/api/notices/" + other + "/number", Map.of("number", "165/TB-UBND")).getBody())
                .containsEntry("rule", "notice-already-registered");
        assertThat(docket.post("clerk", "/api/notices/" + other + "/number", Map.of("number", "163/TB-UBND"))
                .getStatusCode().value()).isEqualTo(204);
    }

    /**
     * Docket stopped after recording a correction and before giving the old number back: the old number stayed reserved
     * for the corrected notice, and the notice that bears it was refused it for good (409 notice-already-registered,
     * linking to a notice with another number). It is given back when that notice is numbered or registered.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_number_a_stopped_correction_left_reserved_is_free_for_the_notice_that_bears_it() {
        DocketClient docket = new DocketClient(http);
        MongoCollection<Document> keys = database.getCollection("notice_keys");
        String id = draftNoticeRegistered(docket, "1");
        String other = draftNoticeRegistered(docket, "2");
        assertThat(docket.post("clerk", "/api/notices/" + id + "/number", Map.of("number", "171/TB-UBND"))
                .getStatusCode().value()).isEqualTo(204);
        Document reserved = keys.find(Filters.eq("_id", "number:171/TB-UBND")).first();
        assertThat(docket.post("clerk", "/api/notices/" + id + "/number-correction",
                Map.of("number", "173/TB-UBND", "reason", "Gõ nhầm số")).getStatusCode().value()).isEqualTo(204);
        keys.insertOne(reserved); // as the stopped process left it

        assertThat(docket.post("clerk", "/api/notices/" + other + "/number", Map.of("number", "171/TB-UBND"))
                .getStatusCode().value()).as("numbered with the old number").isEqualTo(204);

        reserved = keys.find(Filters.eq("_id", "number:173/TB-UBND")).first();
        assertThat(docket.post("clerk", "/api/notices/" + id + "/number-correction",
                Map.of("number", "175/TB-UBND", "reason", "Gõ nhầm số lần nữa")).getStatusCode().value()).isEqualTo(204);
        keys.insertOne(reserved);
        Map<String, Object> preview = upload("clerk", SharedNotices.bytes(DRAFT_NOTICE), DRAFT_NOTICE).getBody();
        preview.put("sourceSha256", "3".repeat(64));
        ((Map<String, Object>) preview.get("notice")).put("number", "173/TB-UBND");
        registeredBody(docket.post("clerk", "/api/notices", preview));

        // The number the corrected notice bears now is still its own.
        ResponseEntity<Map<String, Object>> taken = docket.post("clerk", "/api/notices/" + other + "/number-correction",
                Map.of("number", "175/TB-UBND", "reason", "Thử số đã có"));
        assertThat(taken.getBody()).containsEntry("rule", "notice-already-registered")
                .containsEntry("link", "/api/notices/" + id);
    }

    /**
     * Docket claims a number among the notices' keys before it records it on the notice; stopped in between, it left
     * the number held by a notice that does not bear it, and every other notice was refused it for good (409
     * notice-already-registered, linking to a notice with no number). Once no numbering could still be running, the
     * number is free; before that, the claim stands, as a numbering at that moment is still on its way.
     */
    @Test
    void a_number_a_stopped_numbering_left_reserved_is_free_once_no_numbering_can_still_be_running() {
        DocketClient docket = new DocketClient(http);
        MongoCollection<Document> keys = database.getCollection("notice_keys");
        String stopped = draftNoticeRegistered(docket, "4");
        String other = draftNoticeRegistered(docket, "5");
        // As the numbering of the first notice left it: the number claimed, the notice's event never recorded.
        keys.insertOne(new Document("_id", "number:181/TB-UBND").append("noticeId", stopped).append("state", "registered")
                .append("claimedAfter", eventStore.lastSequenceNumberFor(stopped).orElseThrow())
                .append("since", java.util.Date.from(clock.instant())));

        assertThat(docket.post("clerk", "/api/notices/" + other + "/number", Map.of("number", "181/TB-UBND")).getBody())
                .as("while the numbering may still be running").containsEntry("rule", "notice-already-registered")
                .containsEntry("link", "/api/notices/" + stopped);

        keys.updateOne(Filters.eq("_id", "number:181/TB-UBND"), com.mongodb.client.model.Updates.set("since",
                java.util.Date.from(clock.instant().minus(java.time.Duration.ofMinutes(3)))));
        assertThat(docket.post("clerk", "/api/notices/" + other + "/number", Map.of("number", "181/TB-UBND"))
                .getStatusCode().value()).isEqualTo(204);
        docket.await("clerk", "/api/notices/" + other, notice -> "181/TB-UBND".equals(notice.get("number")));
        assertThat(docket.post("clerk", "/api/notices/" + stopped + "/number", Map.of("number", "181/TB-UBND")).getBody())
                .as("the number is the other notice's now").containsEntry("rule", "notice-already-registered")
                .containsEntry("link", "/api/notices/" + other);
    }

    /** The draft notice registered without a number, as if from a file whose SHA-256 is {@code shaLetter} repeated. */
    private String draftNoticeRegistered(DocketClient docket, String shaLetter) {
        Map<String, Object> preview = upload("clerk", SharedNotices.bytes(DRAFT_NOTICE), DRAFT_NOTICE).getBody();
        preview.put("sourceSha256", shaLetter.repeat(64));
        return (String) registeredBody(docket.post("clerk", "/api/notices", preview)).get("id");
    }

    /** Input owed by units the text names only as a group, which no child assignment can be given to. */
    static final String GROUP_CONTRIBUTION = """
            ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN
            Số: 318/TB-UBND
            Lạng Sơn, ngày 20 tháng 4 năm 2021
            THÔNG BÁO
            Kết luận của Chủ tịch UBND thành phố tại cuộc họp ngày 16/4/2021
            1. Dự thảo Kế hoạch phát triển du lịch năm 2021 (Phòng Văn hóa và Thông tin trình)
            Cơ bản nhất trí với dự thảo. Giao phòng Văn hóa và Thông tin chủ trì hoàn thiện, trình Lãnh đạo UBND thành phố trước ngày 30/4/2021.
            Các phòng, ban, đơn vị liên quan: Chịu trách nhiệm rà soát các nội dung thuộc lĩnh vực phụ trách, gửi phòng Văn hóa và Thông tin chậm nhất ngày 25/4/2021 để tổng hợp.
            """;

    /**
     * "Các phòng, ban, đơn vị liên quan ... gửi phòng Văn hóa và Thông tin ... để tổng hợp" names no unit that could be
     * given an assignment of its own: the registration dropped it without a word, and the lead's record never said who
     * owed it input. The preview now says so at the part's units, naming them, and they are kept as the lead's
     * coordinating units without the clerk having to keep them.
     */
    @Test
    void units_owing_input_that_name_no_one_unit_are_named_in_the_preview_and_kept_as_the_leads_coordinators() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = upload("clerk", GROUP_CONTRIBUTION.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "318.txt").getBody();
        assertThat(list(list(preview.get("items")).get(0).get("contributions"))).hasSize(1);
        assertThat(list(preview.get("warnings"))).filteredOn(w -> "items[0].contributions[0].units".equals(w.get("field")))
                .anySatisfy(w -> assertThat(w.get("message").toString())
                        .contains("\"Các phòng, ban\" là cụm từ chung", "đơn vị phối hợp"));

        List<Map<String, Object>> created = list(registeredBody(docket.post("clerk", "/api/notices", preview)).get("assignments"));
        assertThat(created).as("no child assignment for a group").singleElement();
        Map<String, Object> lead = docket.await("auditor", "/api/assignments/" + created.get(0).get("id"), a -> true);
        assertThat((List<Object>) lead.get("coordinatingUnits")).contains("Các phòng, ban");
    }

    /**
     * The preview of Lào Cai's letter 3320/SNNMT-CCMT (corpus c_33) listed its warnings by kind: item 1's, item 2's, the
     * routes of both, then item 1's leads again. The clerk checks them top to bottom as the page lays the notice out.
     */
    @Test
    void a_previews_warnings_come_in_the_notices_order_its_own_fields_first_then_item_by_item() {
        List<Map<String, Object>> warnings = list(upload("clerk", SharedNotices.bytes("corpus/c_33.txt"), "c_33.txt")
                .getBody().get("warnings"));
        List<Integer> items = warnings.stream().map(w -> w.get("field").toString())
                .map(field -> field.startsWith("items[") ? Integer.parseInt(field.substring(6, field.indexOf(']'))) : -1)
                .toList();
        assertThat(items).as("the item of each warning, -1 for the notice's own fields").contains(-1, 0, 1)
                .isSorted();
    }

    /** Input owed by a unit of the province, which the reader knows but the city's directory has no staff of. */
    static final String PROVINCE_CONTRIBUTION = """
            ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN
            Số: 319/TB-UBND
            Lạng Sơn, ngày 20 tháng 4 năm 2021
            THÔNG BÁO
            Kết luận của Chủ tịch UBND thành phố tại cuộc họp ngày 16/4/2021
            1. Dự thảo Kế hoạch phát triển du lịch năm 2021 (Phòng Văn hóa và Thông tin trình)
            Cơ bản nhất trí với dự thảo. Giao phòng Văn hóa và Thông tin chủ trì hoàn thiện, trình Lãnh đạo UBND thành phố trước ngày 30/4/2021.
            Phòng Kinh tế, Sở Du lịch tỉnh Lạng Sơn: Rà soát các nội dung thuộc lĩnh vực phụ trách, gửi phòng Văn hóa và Thông tin chậm nhất ngày 25/4/2021 để tổng hợp.
            """;

    /**
     * A part owed by "Sở Du lịch", a body the reader knows but no unit of the city's directory, became a child assignment
     * without a word: nobody signs in as that unit, so nobody followed the part, as with a lead outside the directory.
     * The preview now says so at the part's units, and confirming is refused until the clerk chooses a unit of the
     * directory or keeps it knowingly.
     */
    @Test
    void a_clerk_whose_preview_has_input_owed_by_a_unit_outside_the_directory_is_told_and_must_choose_a_unit_or_keep_it() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = upload("clerk", PROVINCE_CONTRIBUTION.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "319.txt").getBody();
        Map<String, Object> item = list(preview.get("items")).get(0);
        assertThat(list(item.get("contributions")).get(0).get("units")).isEqualTo(List.of("Phòng Kinh tế", "Sở Du lịch"));
        assertThat(list(preview.get("warnings"))).filteredOn(w -> "items[0].contributions[0].units".equals(w.get("field")))
                .singleElement().satisfies(w -> assertThat(w.get("message").toString())
                        .contains("\"Sở Du lịch\" không có trong danh bạ đơn vị", "Chọn đơn vị trong danh bạ"));

        ResponseEntity<Map<String, Object>> refused = docket.post("clerk", "/api/notices", preview);
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("rule", "contribution-unit-not-in-directory")
                .containsEntry("field", "items[0].contributions[0].units").containsEntry("unit", "Sở Du lịch")
                .containsEntry("item", 1);
        assertThat(StoredEvents.count(eventStore, e -> e instanceof TaskAssigned t && t.source() != null
                && "319/TB-UBND".equals(t.source().notice()))).as("nothing assigned").isZero();

        item.put("keptContributors", List.of("Sở Du lịch"));
        List<Map<String, Object>> created = list(registeredBody(docket.post("clerk", "/api/notices", preview))
                .get("assignments"));
        assertThat(created).extracting(a -> a.get("leadUnit"))
                .containsExactlyInAnyOrder("Phòng Văn hóa và Thông tin", "Phòng Kinh tế", "Sở Du lịch");
    }

    /** An item coordinated by a unit of the city, a body of the province and a phrase naming units in general. */
    static final String PROVINCE_COORDINATOR = """
            ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN
            Số: 323/TB-UBND
            Lạng Sơn, ngày 22 tháng 4 năm 2021
            THÔNG BÁO
            Kết luận của Chủ tịch UBND thành phố tại cuộc họp ngày 19/4/2021
            1. Dự thảo Kế hoạch phát triển du lịch năm 2021 (Phòng Văn hóa và Thông tin trình)
            Cơ bản nhất trí với dự thảo. Giao phòng Văn hóa và Thông tin chủ trì, phối hợp với Phòng Kinh tế, Sở Du lịch tỉnh Lạng Sơn và các phòng, ban liên quan hoàn thiện, trình Lãnh đạo UBND thành phố trước ngày 30/4/2021.
            """;

    /**
     * An item's coordinating units were not checked at all: a typo or a body outside the office there became a "unit"
     * nobody signs in as, and the unit meant never saw the task it coordinates on (a coordinating unit gets no
     * assignment, but its staff see the task, find it under their unit and count it in their reports). The preview now
     * says so at the field, and confirming is refused until the clerk chooses a unit of the directory or keeps it
     * knowingly; a phrase naming units in general is said but not refused.
     */
    @Test
    void a_clerk_whose_preview_has_a_coordinating_unit_outside_the_directory_is_told_and_must_choose_a_unit_or_keep_it() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = upload("clerk", PROVINCE_COORDINATOR.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "323.txt").getBody();
        Map<String, Object> item = list(preview.get("items")).get(0);
        assertThat(item.get("coordinators")).isEqualTo(List.of("Phòng Kinh tế", "Sở Du lịch", "các phòng, ban liên quan"));
        assertThat(list(preview.get("warnings"))).filteredOn(w -> "items[0].coordinators".equals(w.get("field")))
                .extracting(w -> w.get("code"), w -> w.get("params"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("coordinator-not-in-directory", Map.of("unit", "Sở Du lịch")),
                        org.assertj.core.groups.Tuple.tuple("coordinator-generic", Map.of("unit", "các phòng, ban liên quan")));

        ResponseEntity<Map<String, Object>> refused = docket.post("clerk", "/api/notices", preview);
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("rule", "coordinator-not-in-directory")
                .containsEntry("field", "items[0].coordinators").containsEntry("unit", "Sở Du lịch").containsEntry("item", 1);
        // A typo of a unit of the directory is refused as well: the unit meant would never see the task.
        item.put("coordinators", List.of("Phòng Kin tế", "các phòng, ban liên quan"));
        assertThat(docket.post("clerk", "/api/notices", preview).getBody()).containsEntry("rule", "coordinator-not-in-directory")
                .containsEntry("unit", "Phòng Kin tế");
        assertThat(StoredEvents.count(eventStore, e -> e instanceof TaskAssigned t && t.source() != null
                && "323/TB-UBND".equals(t.source().notice()))).as("nothing assigned").isZero();

        item.put("coordinators", List.of("Phòng Kinh tế", "Sở Du lịch", "các phòng, ban liên quan"));
        item.put("keptCoordinators", List.of("Sở Du lịch"));
        List<Map<String, Object>> created = list(registeredBody(docket.post("clerk", "/api/notices", preview))
                .get("assignments"));
        Map<String, Object> lead = docket.await("auditor", "/api/assignments/" + created.get(0).get("id"), a -> true);
        assertThat((List<Object>) lead.get("coordinatingUnits"))
                .containsExactly("Phòng Kinh tế", "Sở Du lịch", "các phòng, ban liên quan");
    }

    /**
     * Lào Cai's letter 3320/SNNMT-CCMT (corpus c_33): item 2's lead was read as "các cơ quan, đơn vị". The preview let it
     * through without a word, and confirming it made a "unit" of it that nobody signs in as, so nobody followed the task.
     * The preview now says so at the field, and confirming is refused until the clerk chooses a unit of the directory or
     * keeps the lead knowingly.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_clerk_whose_preview_reads_a_generic_phrase_as_an_items_lead_is_told_and_must_choose_a_unit_or_keep_it() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> preview = upload("clerk", SharedNotices.bytes("corpus/c_33.txt"), "c_33.txt").getBody();
        List<Map<String, Object>> items = list(preview.get("items"));
        assertThat(items.get(1).get("leads")).isEqualTo(List.of("các cơ quan, đơn vị"));
        assertThat(list(preview.get("warnings"))).filteredOn(w -> "items[1].leads".equals(w.get("field")))
                .singleElement().satisfies(w -> assertThat(w.get("message").toString())
                        .contains("\"các cơ quan, đơn vị\" là cụm từ chung", "Chọn đơn vị chủ trì trong danh bạ"));
        // Item 1's "Uỷ ban nhân dân các xã, phường của tỉnh" stands for every commune of the province: told as such,
        // not as a unit missing from the directory.
        assertThat(list(preview.get("warnings"))).filteredOn(w -> "items[0].leads".equals(w.get("field")))
                .extracting(w -> w.get("message").toString())
                .anySatisfy(m -> assertThat(m).startsWith("\"Uỷ ban nhân dân các xã, phường của tỉnh\" là cụm từ chung"))
                .noneSatisfy(m -> assertThat(m).contains("các xã, phường của tỉnh\" không có trong danh bạ"));
        items.forEach(item -> item.put("submitTo", List.of("Lãnh đạo UBND thành phố")));
        Map<String, Object> facts = new java.util.HashMap<>((Map<String, Object>) preview.get("notice"));
        facts.put("issuedOn", "2021-04-23"); // the tests' clock stands in May 2021, before the letter's 2026
        preview.put("notice", facts);
        // Item 1 is read right; its leads outside the directory are a matter of their own, below.
        items.get(0).put("leads", List.of("Công an tỉnh"));

        ResponseEntity<Map<String, Object>> refused = docket.post("clerk", "/api/notices", preview);
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("rule", "item-lead-generic").containsEntry("field", "items[1].leads")
                .containsEntry("unit", "các cơ quan, đơn vị").containsEntry("item", 2);
        assertThat(StoredEvents.count(eventStore, e -> e instanceof TaskAssigned t && t.source() != null
                && "3320/SNNMT-CCMT".equals(t.source().notice()))).as("nothing assigned").isZero();

        // A body outside the office is refused too until it is kept: nobody of the directory belongs to it either.
        items.get(1).put("leads", List.of("Chi cục Môi trường, Khí tượng thuỷ văn và Biến đổi khí hậu"));
        ResponseEntity<Map<String, Object>> unknown = docket.post("clerk", "/api/notices", preview);
        assertThat(unknown.getStatusCode().value()).as("%s", unknown.getBody()).isEqualTo(422);
        assertThat(unknown.getBody()).containsEntry("rule", "item-lead-not-in-directory")
                .containsEntry("field", "items[1].leads");

        items.get(1).put("keptLeads", List.of("Chi cục Môi trường, Khí tượng thuỷ văn và Biến đổi khí hậu"));
        List<Map<String, Object>> created = list(registeredBody(docket.post("clerk", "/api/notices", preview))
                .get("assignments"));
        assertThat(created).extracting(a -> a.get("leadUnit"))
                .containsExactly("Công an tỉnh", "Chi cục Môi trường, Khí tượng thuỷ văn và Biến đổi khí hậu");
    }

    private static Map<String, Object> registeredBody(ResponseEntity<Map<String, Object>> registered) {
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
        return registered.getBody();
    }

    private static List<String> registeredIds(ResponseEntity<Map<String, Object>> registered) {
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
        return list(registered.getBody().get("assignments")).stream().map(a -> (String) a.get("id")).toList();
    }

    /** The notice each recorded meeting conclusion of these assignments cites. */
    private List<String> citations(List<String> assignmentIds) {
        List<String> cited = new java.util.ArrayList<>();
        StoredEvents.count(eventStore, e -> e instanceof MeetingConcluded m
                && assignmentIds.contains(m.assignmentId().toString()) && cited.add(m.notice().number()));
        return cited;
    }

    /**
     * Notice 311's read-out under another number and without its file, so that a test registering it stays apart from
     * the other tests' registration of 311.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> apart(String number) {
        Map<String, Object> preview = upload("clerk", SharedNotices.bytes(NOTICE_311), NOTICE_311).getBody();
        Map<String, Object> facts = new java.util.HashMap<>((Map<String, Object>) preview.get("notice"));
        facts.put("number", number);
        preview.put("notice", facts);
        preview.put("sourceSha256", null);
        return preview;
    }

    /** Confirms the read-out while the database stops answering at the first command {@code stopsAt} accepts. */
    private ResponseEntity<Map<String, Object>> confirmedDuringOutage(Map<String, Object> preview,
                                                                   java.util.function.Predicate<Object> stopsAt) {
        Registration outage = commandBus.registerDispatchInterceptor(commands -> (i, command) -> {
            if (stopsAt.test(command.getPayload())) {
                throw new MongoTimeoutException("The database stopped answering (test)");
            }
            return command;
        });
        try {
            return new DocketClient(http).post("clerk", "/api/notices", preview);
        } finally {
            outage.cancel();
        }
    }
}
