package vn.docket.query.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.DeliverableKind;
import vn.docket.events.EventMetadata;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;

/**
 * A page the index chose, read from the list's read model, which follows the event store on its own: a page
 * waits a moment for what the index knows and the read model has not written yet.
 */
class AssignmentLookupTest {

    static final UUID ID = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000021");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Actor CLERK = new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK);
    static final TaskAssigned ASSIGNED = new TaskAssigned(ID, "Kế hoạch chuyển đổi số", DeliverableKind.PLAN, "Phòng Y tế",
            List.of(), DAY.plusDays(20), List.of("Chủ tịch UBND"), null, null, DAY);
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

    private void project(long seq, Object event) {
        try {
            listProjection.handle(new GenericDomainEventMessage<>("Assignment", ID.toString(), seq, event,
                    MetaData.from(EventMetadata.of(CLERK, "cmd-" + seq))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
