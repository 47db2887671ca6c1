package vn.docket.query.assignments;

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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.users.UserStore;
import vn.docket.query.support.ReadModels;

/**
 * The embedded server answers a query from an index only when it is an equality or {@code $in} on exactly a
 * unique index's keys; anything else scans the whole collection (see the event store's ExactMatchReadsTest).
 * This records every command the list, its filters, the detail, visibility and the dashboard send to the
 * {@code assignments} read model, for a clerk, a unit and a leader, and checks each is such a match on
 * {@code _id}: the filters, sort and counts come from the in-memory index. A real MongoDB answers the same
 * reads from its {@code _id} index, so it needs no other index either.
 */
class ReadSideExactMatchReadsTest {

    record Sent(String command, BsonDocument filter) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private final CommandListener recorder = new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            // The driver reuses the command's buffer once sent: keep a copy of the filter.
            BsonDocument cmd = event.getCommand();
            String name = event.getCommandName();
            BsonValue collection = cmd.get(name);
            if (collection == null || !collection.isString()
                    || !collection.asString().getValue().equals(AssignmentListProjection.COLLECTION)) {
                return;
            }
            switch (name) {
                case "find" -> sent.add(new Sent(name, cmd.getDocument("filter", new BsonDocument()).clone()));
                case "update" -> cmd.getArray("updates").forEach(u -> sent.add(new Sent(name, u.asDocument().getDocument("q").clone())));
                case "delete" -> cmd.getArray("deletes").forEach(d -> sent.add(new Sent(name, d.asDocument().getDocument("q").clone())));
                default -> sent.add(new Sent(name, new BsonDocument("unsupported", new BsonString(name))));
            }
        }
    };

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void every_read_of_the_list_the_detail_visibility_and_the_dashboard_is_an_exact_match_on_id() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(recorder).build())) {
            MongoDatabase database = client.getDatabase("test");
            AssignmentIndexTest data = new AssignmentIndexTest();
            data.generate();
            AssignmentListProjection projection = new AssignmentListProjection(database);
            for (Object[] e : data.sent) {
                project(projection, e[0], (long) e[1]);
            }
            sent.clear();

            Clock clock = Clock.fixed(AssignmentIndexTest.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            AssignmentIndex index = data.index;
            Visibility visibility = new Visibility(index);
            AssignmentLookup lookup = new AssignmentLookup(database, index, clock);
            WaitingWork waiting = new WaitingWork(WaitingWorkTest.LEVELS, new UserStore(database));
            AssignmentQueryController list = new AssignmentQueryController(database, index, lookup, clock, visibility, waiting,
                    TestReadSide.noUnitDirectory());
            DashboardController dashboard = new DashboardController(index, lookup, visibility, clock);
            String unit = AssignmentIndexTest.UNITS.get(1);
            for (Actor actor : List.of(AssignmentIndexTest.CLERK, AssignmentIndexTest.staffOf(unit), AssignmentIndexTest.CHAIR)) {
                TestReadSide.signIn(actor);
                assertThat(list.list(null, null, null, null, null, null, null, null, null, null, null, 3, 50).items()).isNotEmpty();
                list.list(unit, AssignmentStatus.ASSIGNED, Timeliness.OVERDUE, null, null, null, null, null, null, null, null, 0, 200);
                list.list(null, null, null, "311/TB-UBND", "ke hoach", AssignmentIndexTest.TODAY.minusDays(30),
                        AssignmentIndexTest.TODAY.plusDays(30), null, null, 7, null, 0, 50);
                list.list(null, null, null, null, null, null, null, true, List.of("Chủ tịch UBND"), null, null, 0, 50);
                list.list(null, null, null, null, null, null, null, true, null, null, null, 0, 50);
                list.list(null, null, null, null, null, null, null, null, null, null, true, 0, 50);
                String first = list.list(null, null, null, null, null, null, null, null, null, null, null, 0, 1).items().get(0).id();
                list.one(UUID.fromString(first));
                assertThat(dashboard.dashboard().overdue().items()).isNotEmpty();
            }
        } finally {
            server.shutdownNow();
        }

        assertThat(sent).extracting(Sent::command).contains("find");
        for (Sent s : sent) {
            assertThat(s.filter().keySet()).as(s.toString()).containsExactly("_id");
            BsonValue value = s.filter().get("_id");
            if (value.isDocument()) {
                assertThat(value.asDocument().keySet()).as(s.toString()).isEqualTo(Set.of("$in"));
                assertThat(value.asDocument().getArray("$in").size()).as(s.toString())
                        .isLessThanOrEqualTo(ReadModels.KEYS_PER_READ);
            }
        }
    }


    static void project(AssignmentListProjection projection, Object event, long seq) {
        if (event instanceof TaskAssigned e) {
            projection.on(e, seq);
        } else if (event instanceof DraftSubmitted e) {
            projection.on(e, seq);
        } else if (event instanceof RevisionRequested e) {
            projection.on(e, seq);
        } else if (event instanceof DraftApproved e) {
            projection.on(e, seq);
        } else if (event instanceof DocumentIssued e) {
            projection.on(e, seq);
        } else if (event instanceof DeadlineExtended e) {
            projection.on(e, seq);
        } else if (event instanceof TaskReassigned e) {
            projection.on(e, seq);
        } else if (event instanceof TaskCancelled e) {
            projection.on(e, seq);
        }
    }
}
