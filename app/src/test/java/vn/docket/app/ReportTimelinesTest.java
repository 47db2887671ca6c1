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
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.events.AssignmentEvent;
import vn.docket.query.reports.TaskTimelineProjection;
import vn.docket.query.support.ReadModels;

/**
 * The report timelines are a projection like the others: rebuilt from the store they are what live processing
 * wrote, and an event delivered twice changes nothing. A Docket of its own: the walks here are its only history.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "docket.reports.place=Huế")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ReportTimelinesTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoDatabase database;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    /** Both collections, each document as stored. */
    Map<String, List<Document>> dump() {
        return Map.of(TaskTimelineProjection.TIMELINES, all(TaskTimelineProjection.TIMELINES),
                TaskTimelineProjection.INDEX, all(TaskTimelineProjection.INDEX));
    }

    List<Document> all(String collection) {
        return database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /**
     * What the report reads: the timelines, and each index set's members. A rebuild sends a set's changes once
     * per batch, so a task assigned and closed in one batch never enters the "open" set at all, where live
     * processing added it and took it out again: an empty set reads as no set, and members' order is no meaning.
     */
    Map<String, Object> readable() {
        Map<String, Object> sets = new TreeMap<>();
        for (Document d : all(TaskTimelineProjection.INDEX)) {
            List<String> members = new ArrayList<>(d.getList(ReadModels.MEMBERS, String.class, List.of()));
            if (!members.isEmpty()) {
                members.sort(null);
                sets.put(d.getString("_id"), members);
            }
        }
        return Map.of("timelines", all(TaskTimelineProjection.TIMELINES), "index", sets);
    }

    @Test
    void rebuilding_the_report_timelines_reproduces_what_live_processing_wrote() {
        DocketClient docket = new DocketClient(http);
        Walks.variedHistory(docket);
        YearOfHistoryReportTest.awaitTimelines(processing, eventStore);
        Map<String, Object> live = readable();
        assertThat(all(TaskTimelineProjection.TIMELINES)).isNotEmpty();
        assertThat(all(TaskTimelineProjection.INDEX)).extracting(d -> d.getString("_id"))
                .contains("open-months", "closed-days");
        // Something the rebuild must throw away: proof that it starts from nothing.
        database.getCollection(TaskTimelineProjection.TIMELINES).insertOne(new Document("_id", "zz-stale").append("seq", 0));
        database.getCollection(TaskTimelineProjection.INDEX).insertOne(
                new Document("_id", "2020-01").append(ReadModels.MEMBERS, List.of("zz-stale")));

        assertThat(docket.post("admin", "/api/admin/projections/report-timelines/rebuild", null)
                .getStatusCode().value()).isEqualTo(202);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> readable().equals(live));
    }

    @Test
    void every_assignment_event_delivered_a_second_time_changes_nothing() throws Exception {
        DocketClient docket = new DocketClient(http);
        Walks.variedHistory(docket);
        YearOfHistoryReportTest.awaitTimelines(processing, eventStore);
        Map<String, List<Document>> before = dump();

        EventHandlerInvoker invoker = processing.eventProcessor("report-timelines", AbstractEventProcessor.class)
                .orElseThrow().eventHandlerInvoker();
        int redelivered = 0;
        for (TrackedEventMessage<?> message : StoredEvents.all(eventStore)) {
            if (message.getPayload() instanceof AssignmentEvent) {
                DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> {
                    invoker.handle(message, Segment.ROOT_SEGMENT);
                    return null;
                });
                redelivered++;
            }
        }

        assertThat(redelivered).isGreaterThan(10);
        assertThat(dump()).isEqualTo(before);
    }
}
