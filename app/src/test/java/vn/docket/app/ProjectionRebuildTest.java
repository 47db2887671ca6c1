package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.support.ReadModelBatch;

/** A projection rebuilt from the event store ends up exactly as live processing left it. */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
// Its notice and walks stay with it: test classes on the same settings otherwise share one Docket.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProjectionRebuildTest {

    /**
     * Each projection and the read model its rebuild drops first. The notifications projection drops nothing: what
     * was sent stays sent, and a rebuild neither sends nor lists anything again.
     */
    static final Map<String, String> COLLECTIONS = Map.of(
            "assignment-list", "assignments",
            "plan-path", "plan_path_steps",
            "audit-log", "audit_log",
            "revision-cycles", "revision_cycles",
            "notices", "notices",
            "report-timelines", "report_timelines");

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoDatabase database;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    List<Document> dump(String collection) {
        return database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    @Test
    void every_projection_reads_and_writes_its_read_models_once_per_batch() {
        for (String name : COLLECTIONS.keySet()) {
            AbstractEventProcessor processor = processing.eventProcessor(name, AbstractEventProcessor.class).orElseThrow();
            assertThat(processor.getHandlerInterceptors()).as(name).anyMatch(ReadModelBatch.Interceptor.class::isInstance);
        }
    }

    @Test
    void rebuilding_each_projection_reproduces_every_read_model_live_processing_wrote() {
        DocketClient docket = new DocketClient(http);
        List<String> ids = Walks.variedHistory(docket);
        registerANotice(docket);
        List<TrackingEventProcessor> processors = trackingProcessors();
        CaughtUp.await(eventStore, Duration.ofSeconds(60), processors);
        docket.await("auditor", "/api/assignments/" + ids.get(4), a -> "CANCELLED".equals(a.get("status")));
        Map<String, List<Document>> live = readModels();
        assertThat(live.get("notifications")).as("notifications live processing listed").isNotEmpty();

        for (TrackingEventProcessor processor : processors) {
            String name = processor.getName();
            String dropped = COLLECTIONS.get(name);
            if (dropped != null) {
                assertThat(live.get(dropped)).as(dropped).isNotEmpty();
                // Something the rebuild must throw away: proof that it starts from nothing.
                database.getCollection(dropped).insertOne(new Document("_id", "zz-stale").append("seq", 0));
            }
            // The answer's body in the message: a 409 names the rule that refused (once seen, cause unknown).
            ResponseEntity<Map<String, Object>> rebuild =
                    docket.post("admin", "/api/admin/projections/" + name + "/rebuild", null);
            assertThat(rebuild.getStatusCode().value()).as("%s: %s", name, rebuild.getBody()).isEqualTo(202);
            CaughtUp.await(eventStore, Duration.ofSeconds(60), List.of(processor));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(readModels()).as("read models after rebuilding " + name).isEqualTo(live));
        }
    }

    /**
     * A notice registered through the API, so the notices projection has something to rebuild: the 311/TB-UBND seed
     * under another number, because test classes on the same settings share one Docket and NoticeImportTest
     * registers 311 itself.
     */
    void registerANotice(DocketClient docket) {
        String text = SharedNotices.text(NoticeImportTest.NOTICE_311).replace("Số: 311 /TB-UBND", "Số: 911 /TB-UBND");
        ResponseEntity<Map<String, Object>> preview = docket.previewNotice("clerk",
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "911-TB-UBND.txt");
        assertThat(preview.getStatusCode().value()).as("%s", preview.getBody()).isEqualTo(200);
        docket.ok("clerk", "/api/notices", preview.getBody());
    }

    /** The projections that keep read models (not the assignment index, which lives in memory and is read anew at start). */
    List<TrackingEventProcessor> trackingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .filter(p -> !AssignmentIndex.NAME.equals(p.getName())).toList();
    }

    /** Every read model Docket keeps, as a map of collection to its documents: all but the processors' positions. */
    Map<String, List<Document>> readModels() {
        Map<String, List<Document>> all = new TreeMap<>();
        database.listCollectionNames().forEach(name -> {
            // Not read models: the processors' positions and the nodes' heartbeats (SegmentSharing).
            if (!name.equals("trackingtokens") && !name.equals("nodes")) {
                all.put(name, dump(name));
            }
        });
        return all;
    }

    @Test
    void delivering_every_event_again_to_every_projection_changes_no_read_model() {
        Walks.variedHistory(new DocketClient(http));
        List<TrackingEventProcessor> processors = trackingProcessors();
        assertThat(processors).extracting(TrackingEventProcessor::getName).containsExactlyInAnyOrder("assignment-list",
                "audit-log", "notifications", "plan-path", "revision-cycles", "notices", "report-timelines");
        CaughtUp.await(eventStore, Duration.ofSeconds(60), processors);
        Map<String, List<Document>> live = readModels();

        // At-least-once delivery: a crash before the processors stored their positions delivers it all again,
        // as new events (not a replay), onto the read models as they were.
        for (TrackingEventProcessor processor : processors) {
            processor.shutDown();
            processing.tokenStore(processor.getName()).storeToken(eventStore.createTailToken(), processor.getName(), 0);
            processor.start();
        }
        CaughtUp.await(eventStore, Duration.ofSeconds(60), processors);

        assertThat(readModels()).isEqualTo(live);
    }

    @Test
    void a_rebuild_is_shown_as_rebuilding_until_its_projection_has_caught_up() {
        DocketClient docket = new DocketClient(http);
        Walks.variedHistory(docket);
        CaughtUp.await(eventStore, Duration.ofSeconds(60), trackingProcessors());

        ResponseEntity<Map<String, Object>> rebuild = docket.post("admin", "/api/admin/projections/audit-log/rebuild", null);

        assertThat(rebuild.getStatusCode().value()).isEqualTo(202);
        assertThat(rebuild.getBody()).as("the answer to the request").containsEntry("rebuilding", true);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                docket.getList("admin", "/api/admin/projections").getBody().stream()
                        .filter(p -> "audit-log".equals(p.get("name"))).findFirst().orElseThrow(), p ->
                        Boolean.FALSE.equals(p.get("rebuilding")) && Boolean.TRUE.equals(p.get("caughtUp")));
    }

    @Test
    void a_projection_rebuilt_and_caught_up_no_longer_shows_as_replaying_and_can_be_rebuilt_again() {
        DocketClient docket = new DocketClient(http);
        Walks.variedHistory(docket);
        CaughtUp.await(eventStore, Duration.ofSeconds(60), trackingProcessors());
        assertThat(docket.post("admin", "/api/admin/projections/plan-path/rebuild", null).getStatusCode().value())
                .isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                planPath(docket), p -> Boolean.FALSE.equals(p.get("rebuilding")) && Boolean.TRUE.equals(p.get("caughtUp")));

        // No event has come since: Axon's own replay flag is still on, and it is no rebuild.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> segments = (List<Map<String, Object>>) planPath(docket).get("segments");
        assertThat(segments).isNotEmpty().allSatisfy(segment -> assertThat(segment).containsEntry("replaying", false));
        ResponseEntity<Map<String, Object>> again = docket.post("admin", "/api/admin/projections/plan-path/rebuild", null);
        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(202);
    }

    Map<String, Object> planPath(DocketClient docket) {
        return docket.getList("admin", "/api/admin/projections").getBody().stream()
                .filter(p -> "plan-path".equals(p.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void only_an_administrator_may_rebuild_and_an_unknown_projection_is_a_404() {
        DocketClient docket = new DocketClient(http);
        assertThat(docket.post("clerk", "/api/admin/projections/audit-log/rebuild", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(docket.post("admin", "/api/admin/projections/nothing/rebuild", null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(docket.getList("admin", "/api/admin/projections").getBody())
                .extracting(p -> p.get("name"))
                .containsExactlyInAnyOrder("assignment-list", "audit-log", "notifications", "plan-path", "revision-cycles",
                        "notices",
                        "report-timelines");
    }
}
