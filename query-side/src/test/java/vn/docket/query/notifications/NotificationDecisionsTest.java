package vn.docket.query.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import vn.docket.events.Actor;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DecisionRef;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;

/**
 * What the unit reads of a decision on its task, where the decision's event does not carry all of it: the words are
 * made from the task's own events before it (the e-mail's text is the Vietnamese wording).
 */
class NotificationDecisionsTest {

    static final UUID ID = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000009");
    static final Instant AT = Instant.parse("2026-12-01T02:30:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final String TITLE = "Báo cáo kết quả thực hiện nhiệm vụ năm 2026";
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", "Văn phòng HĐND và UBND thành phố", Role.CLERK);
    static final Actor UNIT = new Actor("tckh", "Trần Văn Minh", "Phòng Tài chính - Kế hoạch", Role.UNIT_STAFF);
    static final Actor VICE = new Actor("pct", "Phạm Văn Đức", "Lãnh đạo UBND thành phố", Role.VICE_CHAIR);
    static final Actor CHAIR = new Actor("chair", "Hoàng Văn Nam", "Lãnh đạo UBND thành phố", Role.CHAIR);

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    EmbeddedEventStore store;
    AnnotationEventHandlerAdapter projection;
    long seq;

    @BeforeEach
    void setUp() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        projection = new AnnotationEventHandlerAdapter(new NotificationProjection(db.database(),
                new NotificationSettings(null, null), new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                store, new ApprovalLevels(null)));
        stored(CLERK, NewTask.task().id(ID).title(TITLE).deadline(DAY.plusDays(9))
                .route(List.of("Lãnh đạo UBND thành phố", "Ban Thường vụ Thành ủy")).effectiveDate(DAY).assigned());
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Test
    void a_unit_granted_less_time_than_it_asked_for_is_told_the_day_it_asked_and_who_decided_not_its_own_reason_again()
            throws Exception {
        stored(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(25), "Chờ số liệu quyết toán của các xã", DAY));
        // No reason of the vice-chair's: the grant carries the unit's own and says so, as Deadline.approved records it.
        notified(VICE, new DeadlineExtended(ID, DAY.plusDays(9), DAY.plusDays(20), "Chờ số liệu quyết toán của các xã",
                DAY.plusDays(1), true));

        assertThat(text()).isEqualTo("Nhiệm vụ \"" + TITLE + "\" được gia hạn đến ngày 21/12/2026, sớm hơn ngày 26/12/2026"
                + " đơn vị đề nghị.\nNgười quyết định: Phạm Văn Đức (Phó Chủ tịch).");
        assertThat(bell(UNIT, "en")).singleElement().satisfies(n -> assertThat(n.text()).isEqualTo("Assignment \"" + TITLE
                + "\" is extended to 21/12/2026, earlier than the 26/12/2026 the unit asked for.\nDecided by Phạm Văn Đức"
                + " (Vice-chair)."));
    }

    @Test
    void a_leaders_own_reason_for_the_day_he_granted_is_given_to_the_unit() throws Exception {
        stored(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(25), "Chờ số liệu quyết toán của các xã", DAY));
        notified(VICE, new DeadlineExtended(ID, DAY.plusDays(9), DAY.plusDays(20), "Phải trình Thành ủy trước ngày 25/12",
                DAY.plusDays(1)));

        assertThat(text()).contains("sớm hơn ngày 26/12/2026 đơn vị đề nghị.\nLý do: Phải trình Thành ủy trước ngày 25/12\n"
                + "Người quyết định: Phạm Văn Đức (Phó Chủ tịch).");
    }

    @Test
    void a_clerks_extension_after_a_refused_request_is_not_read_as_the_grant_of_that_request() throws Exception {
        stored(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(25), "Chờ số liệu", DAY));
        stored(VICE, new ExtensionRejected(ID, DAY.plusDays(25), "Không đủ căn cứ", DAY));
        notified(CLERK, new DeadlineExtended(ID, DAY.plusDays(9), DAY.plusDays(14), "Theo chỉ đạo tại cuộc họp ngày 2/12",
                DAY.plusDays(1)));

        assertThat(text()).isEqualTo("Nhiệm vụ \"" + TITLE + "\" được gia hạn đến ngày 15/12/2026.\n"
                + "Lý do: Theo chỉ đạo tại cuộc họp ngày 2/12\nNgười quyết định: Nguyễn Thị Lan (Chuyên viên Văn phòng).");
    }

    @Test
    void a_draft_sent_back_reopening_answered_points_tells_the_unit_what_each_point_asked() throws Exception {
        stored(CLERK, new MeetingConcluded(ID, 1, MeetingVerdict.REVISION_REQUIRED,
                List.of("Chỉnh sửa bố cục gồm 04 mục chính", "Đề ra lộ trình cụ thể và gắn trách nhiệm"), "Hoàng Văn Nam", null, DAY));
        stored(VICE, new RevisionRequested(ID, 2, "Lãnh đạo UBND thành phố", List.of("Bổ sung số liệu năm 2025"), null, DAY));
        notified(VICE, new RevisionRequested(ID, 3, "Lãnh đạo UBND thành phố",
                RevisionPoint.numbered(3, List.of("Rút gọn phần đánh giá")), List.of("1.2", "2.1"), null, null, DAY.plusDays(2)));

        assertThat(text()).isEqualTo("Dự thảo v3 của nhiệm vụ \"" + TITLE + "\" cần chỉnh sửa:\n- 3.1 Rút gọn phần đánh giá\n"
                + "- Mở lại ý kiến 1.2: Đề ra lộ trình cụ thể và gắn trách nhiệm\n- Mở lại ý kiến 2.1: Bổ sung số liệu năm 2025\n"
                + "Người quyết định: Phạm Văn Đức (Phó Chủ tịch).");
    }

    @Test
    void a_draft_an_outside_body_sent_back_names_the_body_and_its_decision_not_the_clerk_who_recorded_it() throws Exception {
        notified(CLERK, new RevisionRequested(ID, 1, "Ban Thường vụ Thành ủy", RevisionPoint.numbered(1,
                List.of("Bổ sung đánh giá nguồn lực")), List.of(), new DecisionRef("125-TB/TU", DAY.plusDays(3)), null, DAY.plusDays(4)));

        assertThat(text()).endsWith("- 1.1 Bổ sung đánh giá nguồn lực\nTheo văn bản số 125-TB/TU ngày 4/12/2026 của Ban Thường vụ"
                + " Thành ủy.").doesNotContain("Nguyễn Thị Lan");
    }

    @Test
    void a_refused_request_tells_the_unit_the_deadline_it_must_still_meet_and_who_refused() throws Exception {
        stored(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(25), "Chờ số liệu quyết toán của các xã", DAY));
        stored(VICE, new DeadlineExtended(ID, DAY.plusDays(9), DAY.plusDays(20), "Chờ số liệu quyết toán của các xã", DAY));
        stored(UNIT, new ExtensionRequested(ID, DAY.plusDays(20), DAY.plusDays(30), "Các xã chưa gửi đủ số liệu", DAY));
        notified(VICE, new ExtensionRejected(ID, DAY.plusDays(30), "Báo cáo phải trình Thành ủy trước ngày 25/12", DAY.plusDays(1)));

        assertThat(text()).isEqualTo("Đề nghị gia hạn nhiệm vụ \"" + TITLE + "\" đến ngày 31/12/2026 không được chấp thuận."
                + " Lý do: Báo cáo phải trình Thành ủy trước ngày 25/12\nHạn vẫn là ngày 21/12/2026.\n"
                + "Người quyết định: Phạm Văn Đức (Phó Chủ tịch).");
    }

    /**
     * Every leader was asked to decide; once one has, the others' bells must not still show the request as waiting, or
     * the chair decides it again or chases it. The e-mail's words stay as they were sent.
     */
    @Test
    void a_request_the_vice_chair_granted_reads_as_settled_in_the_chairs_bell_with_who_granted_which_day() throws Exception {
        notified(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(25), "Chờ số liệu quyết toán của các xã", DAY));
        DomainEventMessage<?> grant = stored(VICE, new DeadlineExtended(ID, DAY.plusDays(9), DAY.plusDays(20),
                "Chờ số liệu quyết toán của các xã", DAY.plusDays(1)));
        projection.handle(grant);
        projection.handle(grant); // delivered again: said once

        assertThat(request(CHAIR, "vi").subject()).isEqualTo("Đề nghị gia hạn (đã xử lý)");
        assertThat(request(CHAIR, "vi").text()).isEqualTo("Phòng Tài chính - Kế hoạch đề nghị gia hạn nhiệm vụ \"" + TITLE
                + "\" từ ngày 10/12/2026 đến ngày 26/12/2026. Lý do: Chờ số liệu quyết toán của các xã\n"
                + "Đã xử lý ngày 2/12/2026: Phạm Văn Đức (Phó Chủ tịch) đồng ý gia hạn đến ngày 21/12/2026.");
        assertThat(request(CHAIR, "en").text()).endsWith("\nSettled on 2/12/2026: Phạm Văn Đức (Vice-chair) extended it to 21/12/2026.");
        Document mailed = db.database().getCollection(NotificationProjection.COLLECTION).find(new Document("type", "EXTENSION_REQUESTED")).first();
        assertThat(mailed.getString("subject")).isEqualTo("Đề nghị gia hạn");
        assertThat(mailed.getString("text")).doesNotContain("Đã xử lý");
    }

    /**
     * The chair was asked to decide, and the vice-chair did: the bell's red number still counted the request, and sent
     * the chair to find nothing to do. A settled entry stays in the list, saying how it ended, unread by him, and is no
     * longer counted; what still waits for him is.
     */
    @Test
    void a_request_or_a_draft_another_leader_settled_no_longer_counts_in_the_bells_number_though_the_list_shows_it()
            throws Exception {
        notified(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(25), "Chờ số liệu quyết toán", DAY));
        assertThat(unread(CHAIR)).isEqualTo(1);
        notified(VICE, new DeadlineExtended(ID, DAY.plusDays(9), DAY.plusDays(20), "Chờ số liệu quyết toán", DAY.plusDays(1)));
        assertThat(request(CHAIR, "vi")).satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Đề nghị gia hạn (đã xử lý)");
            assertThat(n.read()).isFalse();
        });
        assertThat(unread(CHAIR)).isZero();

        notified(UNIT, new DraftSubmitted(ID, 1, "Du_thao_bao_cao_2026.docx", SHA, null, null, DAY.plusDays(2)));
        assertThat(unread(CHAIR)).isEqualTo(1);
        notified(VICE, new DraftApproved(ID, 1, "Lãnh đạo UBND thành phố", false, null, null, DAY.plusDays(3)));
        assertThat(bell(CHAIR, "vi")).hasSize(2).allSatisfy(n -> assertThat(n.subject()).endsWith("(đã xử lý)"));
        assertThat(unread(CHAIR)).isZero();
        // The unit was told of the grant and of the approval: news, not settled, and counted.
        assertThat(unread(UNIT)).isEqualTo(2);
    }

    @Test
    void a_refused_request_and_a_later_one_that_lapsed_each_read_as_settled_in_the_leaders_bells_as_it_ended() throws Exception {
        notified(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(25), "Chờ số liệu", DAY));
        notified(VICE, new ExtensionRejected(ID, DAY.plusDays(25), "Không đủ căn cứ", DAY.plusDays(1)));
        notified(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(15), "Các xã chưa gửi đủ số liệu", DAY.plusDays(2)));
        notified(VICE, new ExtensionRequestLapsed(ID, "Phòng Tài chính - Kế hoạch", DAY.plusDays(15),
                ExtensionRequestLapsed.Why.APPROVED, DAY.plusDays(3)));

        List<NotificationController.Notification> requests = requests(CHAIR, "vi");
        assertThat(requests).extracting(NotificationController.Notification::subject).containsOnly("Đề nghị gia hạn (đã xử lý)");
        // Newest first: the second request lapsed, the first was refused, and the lapse did not overwrite the refusal.
        assertThat(requests.get(0).text()).endsWith("\nĐã xử lý ngày 4/12/2026: dự thảo đã được phê duyệt, nhiệm vụ đã hoàn thành.");
        assertThat(requests.get(1).text()).endsWith("\nĐã xử lý ngày 2/12/2026: Phạm Văn Đức (Phó Chủ tịch) không đồng ý gia hạn.");
        assertThat(requests(VICE, "en").get(1).text()).endsWith("\nSettled on 2/12/2026: Phạm Văn Đức (Vice-chair) refused it.");
    }

    /** The leaders of the route's first level must judge the draft: nobody told them it waited for them. */
    @Test
    void a_draft_handed_in_tells_the_leaders_of_the_first_level_which_version_of_whose_work_waits_and_the_deadline()
            throws Exception {
        notified(UNIT, new DraftSubmitted(ID, 1, "Du_thao_bao_cao_2026.docx", SHA, null, "Đã lấy ý kiến các xã", DAY.plusDays(2)));

        Document notified = db.database().getCollection(NotificationProjection.COLLECTION).find().first();
        assertThat(notified.getList("audience", String.class)).containsExactly("role:CHAIR", "role:VICE_CHAIR");
        assertThat(notified.getString("subject")).isEqualTo("Dự thảo chờ phê duyệt");
        assertThat(text()).isEqualTo("Phòng Tài chính - Kế hoạch đã nộp dự thảo v1 của nhiệm vụ \"" + TITLE
                + "\" (Du_thao_bao_cao_2026.docx), chờ Lãnh đạo UBND thành phố xem xét, phê duyệt.\n"
                + "Hạn nhiệm vụ: ngày 10/12/2026.\nĐã lấy ý kiến các xã");
        assertThat(bell(CHAIR, "en")).singleElement().satisfies(n -> assertThat(n.text()).startsWith("\"Phòng Tài chính - Kế"
                + " hoạch\" handed in draft v1 of assignment \"" + TITLE + "\" (Du_thao_bao_cao_2026.docx); it awaits review at"
                + " the approval level \"Lãnh đạo UBND thành phố\".\nThe assignment is due on 10/12/2026."));
    }

    @Test
    void a_draft_presented_at_a_meeting_is_not_said_to_wait_for_a_leader_as_the_meeting_judged_it() throws Exception {
        DomainEventMessage<?> presented = stored(CLERK, new DraftSubmitted(ID, 1, "Dự thảo trình tại cuộc họp ngày 2/12/2026",
                null, null, null, DAY.plusDays(1)));
        stored(CLERK, new MeetingConcluded(ID, 1, MeetingVerdict.REVISION_REQUIRED, List.of("Bổ sung số liệu"),
                "Hoàng Văn Nam", new DecisionRef("312/TB-UBND", DAY.plusDays(2)), DAY.plusDays(1)));
        projection.handle(presented);

        assertThat(db.database().getCollection(NotificationProjection.COLLECTION).countDocuments()).isZero();
    }

    /** Approved at the first of two levels: the unit learns where its draft stands, the clerks that it now awaits them. */
    @Test
    void a_draft_the_vice_chair_approved_before_an_outside_body_tells_the_unit_and_the_clerks_who_record_its_decision()
            throws Exception {
        notified(VICE, new DraftApproved(ID, 1, "Lãnh đạo UBND thành phố", false, null, null, DAY.plusDays(3)));

        Document notified = db.database().getCollection(NotificationProjection.COLLECTION).find().first();
        assertThat(notified.getList("audience", String.class)).containsExactly("unit:Phòng Tài chính - Kế hoạch", "role:CLERK");
        assertThat(notified.getString("subject")).isEqualTo("Dự thảo chờ phê duyệt cấp tiếp theo");
        assertThat(text()).isEqualTo("Dự thảo v1 của nhiệm vụ \"" + TITLE + "\" do Phòng Tài chính - Kế hoạch chủ trì đã được"
                + " Lãnh đạo UBND thành phố thông qua, chờ Ban Thường vụ Thành ủy xem xét, phê duyệt.\n"
                + "Hạn nhiệm vụ: ngày 10/12/2026.\nNgười quyết định: Phạm Văn Đức (Phó Chủ tịch).");
    }

    @Test
    void a_final_approval_an_outside_body_decided_tells_the_unit_the_bodys_decision_not_the_clerk_who_recorded_it()
            throws Exception {
        stored(VICE, new DraftApproved(ID, 1, "Lãnh đạo UBND thành phố", false, null, null, DAY.plusDays(3)));
        notified(CLERK, new DraftApproved(ID, 1, "Ban Thường vụ Thành ủy", true, null,
                new DecisionRef("130-TB/TU", DAY.plusDays(5)), DAY.plusDays(5)));

        Document notified = db.database().getCollection(NotificationProjection.COLLECTION).find().first();
        assertThat(notified.getList("audience", String.class)).containsExactly("unit:Phòng Tài chính - Kế hoạch");
        assertThat(notified.getString("subject")).isEqualTo("Dự thảo được phê duyệt");
        assertThat(text()).isEqualTo("Dự thảo v1 của nhiệm vụ \"" + TITLE + "\" đã được Ban Thường vụ Thành ủy phê duyệt.\n"
                + "Theo văn bản số 130-TB/TU ngày 6/12/2026 của Ban Thường vụ Thành ủy.");
        assertThat(NotificationWording.of("DRAFT_APPROVED", notified.get("values", Document.class), "en").text())
                .isEqualTo("Draft v1 of assignment \"" + TITLE + "\" was approved at the approval level \"Ban Thường vụ"
                        + " Thành ủy\".\nAs decided at the approval level \"Ban Thường vụ Thành ủy\" in document 130-TB/TU"
                        + " of 6/12/2026.");
    }

    /** As for an extension request: once judged, the draft no longer reads as waiting for those it waited for. */
    @Test
    void a_draft_judged_at_its_level_reads_as_settled_in_the_bells_of_those_it_waited_for() throws Exception {
        notified(UNIT, new DraftSubmitted(ID, 1, "Du_thao_bao_cao_2026.docx", SHA, null, null, DAY.plusDays(2)));
        DomainEventMessage<?> approval = stored(VICE, new DraftApproved(ID, 1, "Lãnh đạo UBND thành phố", false, null, null,
                DAY.plusDays(3)));
        projection.handle(approval);
        projection.handle(approval); // delivered again: said once
        notified(CLERK, new RevisionRequested(ID, 1, "Ban Thường vụ Thành ủy", RevisionPoint.numbered(1,
                List.of("Bổ sung đánh giá nguồn lực")), List.of(), new DecisionRef("125-TB/TU", DAY.plusDays(5)), null,
                DAY.plusDays(5)));

        assertThat(bell(CHAIR, "vi")).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Dự thảo trình phê duyệt (đã xử lý)");
            assertThat(n.text()).endsWith("\nĐã xử lý ngày 4/12/2026: Phạm Văn Đức (Phó Chủ tịch) phê duyệt.");
        });
        assertThat(bell(CLERK, "vi")).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Dự thảo trình cấp tiếp theo (đã xử lý)");
            assertThat(n.text()).endsWith("\nĐã xử lý ngày 6/12/2026: Ban Thường vụ Thành ủy yêu cầu chỉnh sửa.");
        });
        assertThat(bell(CLERK, "en").get(0).text()).endsWith("\nSettled on 6/12/2026: sent back for revision at the approval"
                + " level \"Ban Thường vụ Thành ủy\".");
    }

    /**
     * A task cancelled while its draft waited: nobody will judge the draft, yet the leaders' bells still said it waited
     * for them. Now it reads as settled, saying why, as a judged draft does.
     */
    @Test
    void a_draft_waiting_when_its_task_is_cancelled_reads_as_settled_in_the_bells_of_those_it_waited_for() throws Exception {
        notified(UNIT, new DraftSubmitted(ID, 1, "Du_thao_bao_cao_2026.docx", SHA, null, null, DAY.plusDays(2)));
        DomainEventMessage<?> cancelled = stored(CLERK, new TaskCancelled(ID, "Trùng với nhiệm vụ Thành ủy giao", DAY.plusDays(4)));
        projection.handle(cancelled);
        projection.handle(cancelled); // delivered again: said once

        assertThat(bell(CHAIR, "vi")).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Dự thảo trình phê duyệt (đã xử lý)");
            assertThat(n.text()).endsWith("\nĐã xử lý ngày 5/12/2026: nhiệm vụ đã bị hủy.").containsOnlyOnce("Đã xử lý");
        });
        assertThat(bell(VICE, "en")).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Draft handed in (settled)");
            assertThat(n.text()).endsWith("\nSettled on 5/12/2026: the assignment was cancelled.");
        });
    }

    /** Approved at the first level and awaiting the outside body's: the clerks' bells say the draft will not come now. */
    @Test
    void a_draft_awaiting_the_next_level_when_its_task_is_cancelled_reads_as_settled_in_the_clerks_bells() throws Exception {
        notified(VICE, new DraftApproved(ID, 1, "Lãnh đạo UBND thành phố", false, null, null, DAY.plusDays(3)));
        notified(CLERK, new TaskCancelled(ID, "Thành ủy đã ban hành văn bản khác", DAY.plusDays(5)));

        assertThat(bell(CLERK, "vi")).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Dự thảo trình cấp tiếp theo (đã xử lý)");
            assertThat(n.text()).endsWith("\nĐã xử lý ngày 6/12/2026: nhiệm vụ đã bị hủy.");
        });
    }

    /**
     * A reassignment leaves the draft handed in before its level: a leader may still approve or send it back, and the
     * waiting lists still show it. So its entry still waits, unlike a cancelled task's.
     */
    @Test
    void a_draft_waiting_when_its_task_is_reassigned_still_waits_for_its_judges() throws Exception {
        notified(UNIT, new DraftSubmitted(ID, 1, "Du_thao_bao_cao_2026.docx", SHA, null, null, DAY.plusDays(2)));
        notified(CLERK, new TaskReassigned(ID, "Phòng Tài chính - Kế hoạch", "Phòng Kinh tế", "Đúng chức năng", DAY.plusDays(3)));

        assertThat(bell(CHAIR, "vi")).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Dự thảo chờ phê duyệt");
            assertThat(n.text()).doesNotContain("Đã xử lý");
        });
    }

    /**
     * A request lapsed by a reassignment or a cancellation read as settled, but only as "no longer awaits a decision":
     * the leader reading it did not learn why. It now says why, as the settled entries of judged drafts do.
     */
    @Test
    void an_extension_request_lapsed_by_a_reassignment_reads_as_settled_naming_the_unit_the_task_went_to() throws Exception {
        notified(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(25), "Chờ số liệu", DAY));
        notified(CLERK, new TaskReassigned(ID, "Phòng Tài chính - Kế hoạch", "Phòng Kinh tế", "Đúng chức năng", DAY.plusDays(1)));
        DomainEventMessage<?> lapsed = stored(CLERK, new ExtensionRequestLapsed(ID, "Phòng Tài chính - Kế hoạch",
                DAY.plusDays(25), ExtensionRequestLapsed.Why.REASSIGNED, DAY.plusDays(1)));
        projection.handle(lapsed);
        // Delivered again after a later reassignment: still the unit the task went to then.
        notified(CLERK, new TaskReassigned(ID, "Phòng Kinh tế", "Phòng Quản lý đô thị", "Điều chỉnh", DAY.plusDays(2)));
        projection.handle(lapsed);

        assertThat(request(CHAIR, "vi").subject()).isEqualTo("Đề nghị gia hạn (đã xử lý)");
        assertThat(request(CHAIR, "vi").text()).endsWith("\nĐã xử lý ngày 2/12/2026: nhiệm vụ đã giao lại cho Phòng Kinh tế chủ trì.");
        assertThat(request(VICE, "en").text()).endsWith("\nSettled on 2/12/2026: the assignment was handed to \"Phòng Kinh tế\" to lead.");
    }

    @Test
    void an_extension_request_lapsed_by_a_cancellation_reads_as_settled_saying_the_task_was_cancelled() throws Exception {
        notified(UNIT, new ExtensionRequested(ID, DAY.plusDays(9), DAY.plusDays(25), "Chờ số liệu", DAY));
        notified(CLERK, new TaskCancelled(ID, "Trùng nhiệm vụ", DAY.plusDays(1)));
        notified(CLERK, new ExtensionRequestLapsed(ID, "Phòng Tài chính - Kế hoạch", DAY.plusDays(25),
                ExtensionRequestLapsed.Why.CANCELLED, DAY.plusDays(1)));

        assertThat(request(CHAIR, "vi").text()).endsWith("\nĐã xử lý ngày 2/12/2026: nhiệm vụ đã bị hủy.");
        assertThat(request(CHAIR, "en").text()).endsWith("\nSettled on 2/12/2026: the assignment was cancelled.");
    }

    @Test
    void a_meeting_that_sends_a_draft_back_tells_the_unit_each_thing_to_revise_who_chaired_and_the_notice_not_the_clerk()
            throws Exception {
        notified(CLERK, new MeetingConcluded(ID, 1, MeetingVerdict.REVISION_REQUIRED,
                List.of("Chỉnh sửa bố cục gồm 04 mục chính", "Đề ra lộ trình cụ thể và gắn trách nhiệm"), "Hoàng Văn Nam",
                new DecisionRef("311/TB-UBND", DAY.plusDays(2)), DAY.plusDays(1)));

        Document notified = db.database().getCollection(NotificationProjection.COLLECTION).find().first();
        assertThat(notified.getList("audience", String.class)).containsExactly("unit:Phòng Tài chính - Kế hoạch");
        assertThat(notified.getString("subject")).isEqualTo("Kết luận cuộc họp về dự thảo");
        assertThat(text()).isEqualTo("Cuộc họp do Hoàng Văn Nam chủ trì kết luận dự thảo v1 của nhiệm vụ \"" + TITLE
                + "\" cần chỉnh sửa, bổ sung:\n- 1.1 Chỉnh sửa bố cục gồm 04 mục chính\n- 1.2 Đề ra lộ trình cụ thể và gắn"
                + " trách nhiệm\nTheo Thông báo kết luận số 311/TB-UBND ngày 3/12/2026.\nHạn nhiệm vụ: ngày 10/12/2026.");
        assertThat(bell(UNIT, "en")).singleElement().satisfies(n -> assertThat(n.text()).isEqualTo("The meeting chaired by"
                + " Hoàng Văn Nam concluded that draft v1 of assignment \"" + TITLE + "\" needs revision:\n- 1.1 Chỉnh sửa bố"
                + " cục gồm 04 mục chính\n- 1.2 Đề ra lộ trình cụ thể và gắn trách nhiệm\nAs the conclusion notice"
                + " 311/TB-UBND of 3/12/2026 records.\nThe assignment is due on 10/12/2026."));
    }

    @Test
    void a_meeting_that_approves_a_draft_in_principle_tells_the_unit_the_conditions_to_complete_it_on() throws Exception {
        notified(CLERK, new MeetingConcluded(ID, 2, MeetingVerdict.APPROVED_IN_PRINCIPLE,
                List.of("Bổ sung kinh phí thực hiện"), null, null, DAY.plusDays(1)));

        assertThat(text()).isEqualTo("Cuộc họp thống nhất về cơ bản dự thảo v2 của nhiệm vụ \"" + TITLE + "\"; đơn vị hoàn"
                + " thiện theo các ý kiến sau:\n- Bổ sung kinh phí thực hiện\nHạn nhiệm vụ: ngày 10/12/2026.");
    }

    /** A draft handed in, announced to its judges, then taken to a meeting: their bells no longer show it waiting. */
    @Test
    void a_draft_concluded_on_at_a_meeting_reads_as_settled_in_the_bells_of_the_leaders_it_waited_for() throws Exception {
        notified(UNIT, new DraftSubmitted(ID, 1, "Du_thao_bao_cao_2026.docx", SHA, null, null, DAY.plusDays(1)));
        notified(CLERK, new MeetingConcluded(ID, 1, MeetingVerdict.REVISION_REQUIRED, List.of("Bổ sung số liệu năm 2025"),
                "Hoàng Văn Nam", new DecisionRef("312/TB-UBND", DAY.plusDays(3)), DAY.plusDays(2)));

        assertThat(bell(VICE, "vi")).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Dự thảo trình phê duyệt (đã xử lý)");
            assertThat(n.text()).endsWith("\nĐã xử lý ngày 3/12/2026: cuộc họp do Hoàng Văn Nam chủ trì đã kết luận.");
        });
        assertThat(bell(UNIT, "vi")).extracting(NotificationController.Notification::type)
                .containsExactly("MEETING_CONCLUDED");
    }

    /** The extension requests in this leader's bell, newest first, in {@code lang}. */
    private List<NotificationController.Notification> requests(Actor leader, String lang) {
        return bell(leader, lang).stream().filter(n -> n.type().equals("EXTENSION_REQUESTED")).toList();
    }

    /** What this person's bell lists, newest first, in {@code lang}. */
    private List<NotificationController.Notification> bell(Actor person, String lang) {
        NotificationController bell = new NotificationController(db.database(), new NotificationReads(db.database()),
                new NotificationFeeds(db.database()));
        TestReadSide.signIn(person);
        return bell.mine(0, 20, lang).items();
    }

    /** The red number on this person's bell. */
    private long unread(Actor person) {
        NotificationController bell = new NotificationController(db.database(), new NotificationReads(db.database()),
                new NotificationFeeds(db.database()));
        TestReadSide.signIn(person);
        return bell.unread().unread();
    }

    private NotificationController.Notification request(Actor leader, String lang) {
        List<NotificationController.Notification> requests = requests(leader, lang);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** The one notification stored, its Vietnamese text (the e-mail's). */
    private String text() {
        Document notified = db.database().getCollection(NotificationProjection.COLLECTION).find().first();
        return notified.getString("text");
    }

    private void notified(Actor actor, Object event) throws Exception {
        projection.handle(stored(actor, event));
    }

    /** Appended to the store, as the command side does. */
    private DomainEventMessage<?> stored(Actor actor, Object event) {
        long at = seq++;
        DomainEventMessage<?> m = new GenericDomainEventMessage<>("Assignment", ID.toString(), at, event,
                MetaData.from(EventMetadata.of(actor, "cmd-" + at)), "event-" + at, AT.plusSeconds(3600 * at));
        store.publish(m);
        return m;
    }
}
