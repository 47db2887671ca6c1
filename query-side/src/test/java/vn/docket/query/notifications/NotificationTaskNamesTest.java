package vn.docket.query.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
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
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.query.assignments.TestDatabase;

/**
 * The notifications processor starts at the head of the store, so after a restore (or notifications switched on in an
 * office with history) it has never seen the older tasks assigned. A revision request on one of them went to the unit
 * "?" and named the task by its id: the unit that must redo the draft was never told.
 */
class NotificationTaskNamesTest {

    static final UUID ID = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000007");
    static final Instant AT = Instant.parse("2026-11-02T02:30:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final Actor VICE = new Actor("pct", "Lê Văn Phó", null, Role.VICE_CHAIR);

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    EmbeddedEventStore store;
    AnnotationEventHandlerAdapter projection;
    /** How many times a task's events were read from the store. */
    final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void setUp() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine() {
            @Override
            public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                reads.incrementAndGet();
                return super.readEvents(aggregateIdentifier, firstSequenceNumber);
            }
        }).build();
        projection = new AnnotationEventHandlerAdapter(new NotificationProjection(db.database(),
                new NotificationSettings(null, null), new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                store, new ApprovalLevels(null)));
    }

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    @Test
    void a_revision_request_on_a_task_assigned_before_the_processor_started_goes_to_its_lead_unit_by_name() throws Exception {
        stored(CLERK, 0, NewTask.task().id(ID).title("Kế hoạch chuyển đổi số").leadUnit("Phòng Kinh tế")
                .deadline(DAY.plusDays(30)).route(List.of("Phó Chủ tịch UBND")).source(null).effectiveDate(DAY).assigned());
        stored(CLERK, 1, new TaskReassigned(ID, "Phòng Kinh tế", "Phòng Quản lý đô thị", "Đúng chức năng", DAY.plusDays(1)));
        projection.handle(stored(VICE, 2, revision(3)));

        Document notified = db.database().getCollection(NotificationProjection.COLLECTION).find().first();
        assertThat(notified.getList("audience", String.class)).containsExactly("unit:Phòng Quản lý đô thị");
        assertThat(notified.get("values", Document.class).getString("title")).isEqualTo("Kế hoạch chuyển đổi số");
    }

    @Test
    void a_reassignment_recorded_after_the_request_does_not_decide_who_is_told_of_it() throws Exception {
        stored(CLERK, 0, NewTask.task().id(ID).title("Kế hoạch chuyển đổi số").leadUnit("Phòng Kinh tế")
                .deadline(DAY.plusDays(30)).route(List.of("Phó Chủ tịch UBND")).source(null).effectiveDate(DAY).assigned());
        DomainEventMessage<?> request = stored(VICE, 1, revision(2));
        stored(CLERK, 2, new TaskReassigned(ID, "Phòng Kinh tế", "Phòng Quản lý đô thị", "Đúng chức năng", DAY.plusDays(3)));
        projection.handle(request);

        Document notified = db.database().getCollection(NotificationProjection.COLLECTION).find().first();
        assertThat(notified.getList("audience", String.class)).containsExactly("unit:Phòng Kinh tế");
    }

    @Test
    void a_send_back_reopening_a_point_of_a_task_not_yet_seen_names_its_unit_and_the_point_from_one_read_of_its_events()
            throws Exception {
        stored(CLERK, 0, NewTask.task().id(ID).title("Kế hoạch chuyển đổi số").leadUnit("Phòng Kinh tế")
                .deadline(DAY.plusDays(30)).route(List.of("Phó Chủ tịch UBND")).source(null).effectiveDate(DAY).assigned());
        stored(VICE, 1, revision(3));
        stored(CLERK, 2, new TaskReassigned(ID, "Phòng Kinh tế", "Phòng Quản lý đô thị", "Đúng chức năng", DAY.plusDays(4)));
        projection.handle(stored(VICE, 3, new RevisionRequested(ID, 2, "Phó Chủ tịch UBND",
                RevisionPoint.numbered(2, List.of("Rút gọn phần đánh giá")), List.of("1.1"), null, null, DAY.plusDays(6))));

        Document notified = db.database().getCollection(NotificationProjection.COLLECTION).find().first();
        assertThat(notified.getList("audience", String.class)).containsExactly("unit:Phòng Quản lý đô thị");
        assertThat(notified.getString("text")).isEqualTo("Dự thảo v2 của nhiệm vụ \"Kế hoạch chuyển đổi số\" cần chỉnh sửa:\n"
                + "- 2.1 Rút gọn phần đánh giá\n- Mở lại ý kiến 1.1: Bổ sung số liệu\nNgười quyết định: Lê Văn Phó (Phó Chủ tịch).");
        // Its names and the point reopened are read in the same walk of the task's events, not in two.
        assertThat(reads).hasValue(1);
    }

    private static RevisionRequested revision(int days) {
        return new RevisionRequested(ID, 1, "Phó Chủ tịch UBND", RevisionPoint.numbered(1, List.of("Bổ sung số liệu")),
                List.of(), null, DAY.plusDays(40), DAY.plusDays(days));
    }

    /** Appended to the store, as the command side did before the processor started at the head. */
    private DomainEventMessage<?> stored(Actor actor, long seq, Object event) {
        DomainEventMessage<?> m = new GenericDomainEventMessage<>("Assignment", ID.toString(), seq, event,
                MetaData.from(EventMetadata.of(actor, "cmd-" + seq)), "event-" + seq, AT.plusSeconds(3600 * seq));
        store.publish(m);
        return m;
    }
}
