package vn.docket.query.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.ReminderSent;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;

/**
 * A page the index chose, read from the list's read model, which follows the event store on its own: a page
 * waits a moment for what the index knows and the read model has not written yet. A row read is kept and shown
 * again until the index applies a later event of its assignment.
 */
class AssignmentLookupTest {

    static final UUID ID = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000021");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final TaskAssigned ASSIGNED = task(ID, "Kế hoạch chuyển đổi số", DAY.plusDays(20));
    static final TaskReassigned REASSIGNED = new TaskReassigned(ID, "Phòng Y tế", "Phòng Kinh tế", "Đúng chức năng", DAY);

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();

    MongoDatabase database;
    AssignmentIndex index;
    AnnotationEventHandlerAdapter listProjection;
    AssignmentLookup lookup;

    @BeforeEach
    void setUp() {
        database = db.database();
        index = TestReadSide.index();
        listProjection = new AnnotationEventHandlerAdapter(TestReadSide.listProjection(database));
        lookup = TestReadSide.lookup(database, index, Clock.systemUTC());
    }

    @Test
    void a_page_waits_for_the_read_model_to_write_what_the_index_already_knows() throws Exception {
        index.on(ASSIGNED, 0);
        index.on(REASSIGNED, 1);
        project(0, ASSIGNED);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> project(1, REASSIGNED),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        List<AssignmentView> page = lookup.inOrder(List.of(ID.toString()));

        late.join();
        assertThat(page).extracting(AssignmentView::leadUnit).containsExactly("Phòng Kinh tế");
    }

    @Test
    void an_assignment_the_read_model_has_not_written_after_the_wait_is_left_out_of_the_page() {
        index.on(ASSIGNED, 0);

        assertThat(lookup.inOrder(List.of(ID.toString()))).isEmpty();
    }

    @Test
    void a_row_shown_before_is_shown_again_without_a_read_while_the_index_has_no_later_event() {
        index.on(ASSIGNED, 0);
        project(0, ASSIGNED);
        lookup.inOrder(List.of(ID.toString()));
        // Behind the index's back (no event): a row read again would show it.
        rows().updateOne(Filters.eq("_id", ID.toString()), Updates.set("title", "Sửa tay"));

        assertThat(lookup.inOrder(List.of(ID.toString()))).extracting(AssignmentView::title)
                .containsExactly("Kế hoạch chuyển đổi số");
        assertThat(lookup.byIds(List.of(ID.toString())).get(ID.toString()).title()).isEqualTo("Kế hoạch chuyển đổi số");
    }

    @Test
    void a_reminder_and_a_missed_deadline_after_a_row_was_shown_are_on_the_next_page_and_in_the_next_lookup() {
        index.on(ASSIGNED, 0);
        project(0, ASSIGNED);
        assertThat(lookup.inOrder(List.of(ID.toString()))).extracting(AssignmentView::reminders).containsExactly(0);
        assertThat(lookup.byIds(List.of(ID.toString())).get(ID.toString()).reminders()).isZero();

        ReminderSent reminded = new ReminderSent(ID, "Phòng Y tế", ReminderSent.Kind.MANUAL, DAY.plusDays(20), null,
                "Đề nghị khẩn trương", DAY.plusDays(15));
        project(1, reminded);
        indexes(ID, 1, reminded);

        assertThat(lookup.inOrder(List.of(ID.toString()))).extracting(AssignmentView::reminders).containsExactly(1);
        assertThat(lookup.byIds(List.of(ID.toString())).get(ID.toString()).lastReminder().note()).isEqualTo("Đề nghị khẩn trương");

        DeadlineMissed missed = new DeadlineMissed(ID, "Phòng Y tế", DAY.plusDays(20), DAY.plusDays(21));
        project(2, missed);
        indexes(ID, 2, missed);

        assertThat(lookup.byIds(List.of(ID.toString())).get(ID.toString()).missedDeadline()).isEqualTo(DAY.plusDays(20));
        assertThat(lookup.inOrder(List.of(ID.toString()))).extracting(AssignmentView::missedDeadline)
                .containsExactly(DAY.plusDays(20));
    }

    @Test
    void a_reassignment_after_a_row_was_shown_is_on_the_next_page() {
        index.on(ASSIGNED, 0);
        project(0, ASSIGNED);
        lookup.inOrder(List.of(ID.toString()));

        project(1, REASSIGNED);
        index.on(REASSIGNED, 1);

        assertThat(lookup.inOrder(List.of(ID.toString()))).extracting(AssignmentView::leadUnit).containsExactly("Phòng Kinh tế");
    }

    @Test
    void only_the_rows_shown_last_are_kept_and_one_let_go_is_read_again() {
        AssignmentLookup keepsOne = new AssignmentLookup(database, index, Clock.systemUTC(), 1);
        UUID other = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000022");
        TaskAssigned second = task(other, "Báo cáo cải cách hành chính", DAY.plusDays(30));
        index.on(ASSIGNED, 0);
        index.on(second, 0);
        project(0, ASSIGNED);
        handle(other, 0, second);
        keepsOne.inOrder(List.of(ID.toString()));
        keepsOne.inOrder(List.of(other.toString()));
        rows().updateOne(Filters.eq("_id", ID.toString()), Updates.set("title", "Sửa tay"));

        assertThat(keepsOne.inOrder(List.of(ID.toString(), other.toString()))).extracting(AssignmentView::title)
                .containsExactly("Sửa tay", "Báo cáo cải cách hành chính");
    }

    @Test
    void the_rows_shown_least_recently_are_let_go_first_when_more_are_read_than_are_kept() {
        AssignmentLookup keepsTwo = new AssignmentLookup(database, index, Clock.systemUTC(), 2);
        List<String> ids = List.of(assigned(1), assigned(2), assigned(3));
        keepsTwo.inOrder(List.of(ids.get(0)));
        keepsTwo.inOrder(List.of(ids.get(1)));
        keepsTwo.inOrder(List.of(ids.get(0)));
        keepsTwo.inOrder(List.of(ids.get(2)));
        ids.forEach(id -> rows().updateOne(Filters.eq("_id", id), Updates.set("title", "Sửa tay")));

        assertThat(keepsTwo.inOrder(ids)).extracting(AssignmentView::title)
                .containsExactly("Việc 1", "Sửa tay", "Việc 3");
    }

    /** A plan Phòng Y tế leads for the chair, assigned on {@link #DAY}. */
    private static TaskAssigned task(UUID id, String title, LocalDate deadline) {
        return NewTask.task().id(id).title(title).leadUnit("Phòng Y tế").deadline(deadline).route(List.of("Chủ tịch UBND"))
                .source(null).effectiveDate(DAY).assigned();
    }

    /** An assignment "Việc n" known to the index and written to the read model; its id. */
    private String assigned(int n) {
        UUID id = new UUID(21, n);
        TaskAssigned assigned = task(id, "Việc " + n, DAY.plusDays(n));
        index.on(assigned, 0);
        handle(id, 0, assigned);
        return id.toString();
    }

    private MongoCollection<Document> rows() {
        return database.getCollection(AssignmentListProjection.COLLECTION);
    }

    private void project(long seq, Object event) {
        handle(ID, seq, event);
    }

    private void handle(UUID id, long seq, Object event) {
        deliver(listProjection, id, seq, event);
    }

    /** As the index's processor delivers it: an event the index has no handler for changes nothing there. */
    private void indexes(UUID id, long seq, Object event) {
        deliver(new AnnotationEventHandlerAdapter(index), id, seq, event);
    }

    private static void deliver(AnnotationEventHandlerAdapter handler, UUID id, long seq, Object event) {
        try {
            handler.handle(new GenericDomainEventMessage<>("Assignment", id.toString(), seq, event,
                    MetaData.from(EventMetadata.of(CLERK, "cmd-" + seq))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
