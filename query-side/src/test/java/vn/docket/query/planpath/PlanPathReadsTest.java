package vn.docket.query.planpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.ReminderSent;
import vn.docket.events.Role;
import vn.docket.query.assignments.TestReadSide;

/**
 * An assignment's plan path is read by its steps' ids, never by a filter that the embedded server would answer by
 * reading every step of every assignment, and it holds every step in order, however many.
 */
class PlanPathReadsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final Actor CLERK = new Actor("clerk", "Nguyễn Thị Lan", null, Role.CLERK);

    MongoServer server;
    MongoClient client;
    final List<BsonDocument> finds = new CopyOnWriteArrayList<>();
    AnnotationEventHandlerAdapter projection;
    PlanPathController controller;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && event.getCommand().getString("find").getValue().equals(PlanPathProjection.COLLECTION)) {
                    finds.add(event.getCommand().getDocument("filter", new BsonDocument()).clone());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(recorder).build());
        MongoDatabase database = client.getDatabase("test");
        projection = new AnnotationEventHandlerAdapter(new PlanPathProjection(database));
        controller = new PlanPathController(database, Clock.fixed(DAY.plusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC), TestReadSide.overAnEmptyIndex());
        TestReadSide.signIn(CLERK);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_path_of_many_steps_is_read_whole_in_order_by_the_steps_ids_alone() throws Exception {
        UUID chased = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assign(other);
        remind(other, 1);
        assign(chased);
        // Seventy reminders: more steps than one read asks for. Step 40 is missing, as when its event was set
        // aside as a dead letter: the steps after it are still shown.
        LongStream.rangeClosed(1, 70).filter(seq -> seq != 40).forEach(seq -> remind(chased, seq));

        PlanPath path = controller.path(chased);

        assertThat(path.steps()).hasSize(70);
        assertThat(path.steps().get(0).type()).isEqualTo("ASSIGNED");
        assertThat(path.steps().subList(1, 70)).extracting(PlanPath.Step::type).containsOnly("REMINDER_SENT");
        assertThat(path.steps()).extracting(PlanPath.Step::effectiveDate).isSorted();
        assertThat(finds).isNotEmpty().allSatisfy(filter -> {
            assertThat(filter.keySet()).containsExactly("_id");
            assertThat(filter.getDocument("_id").keySet()).containsExactly("$in");
            assertThat(filter.getDocument("_id").getArray("$in")).hasSizeLessThanOrEqualTo(PlanPathController.WINDOW);
        });
    }

    private void assign(UUID id) {
        handle(id, 0, NewTask.task().id(id).title("Kế hoạch chuyển đổi số năm 2027").leadUnit("Phòng Kinh tế")
                .deadline(DAY.plusDays(100)).source(null).effectiveDate(DAY).assigned());
    }

    private void remind(UUID id, long seq) {
        handle(id, seq, new ReminderSent(id, "Phòng Kinh tế", ReminderSent.Kind.MANUAL, DAY.plusDays(100), 5,
                "Lần " + seq, DAY.plusDays(seq)));
    }

    private void handle(UUID id, long seq, Object event) {
        try {
            projection.handle(new GenericDomainEventMessage<>("Assignment", id.toString(), seq, event,
                    MetaData.from(EventMetadata.of(CLERK, UUID.randomUUID().toString()))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
