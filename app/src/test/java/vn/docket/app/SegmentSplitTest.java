package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Docket that ran on one node (one segment per projection, the default) and is then started for several
 * (`docket.cluster.segments=4`): each projection's segment is split until it has four, the plan path keeps its one,
 * and the work goes on with every event handled once.
 */
class SegmentSplitTest {

    private static final List<String> ROUTE = List.of("Lãnh đạo UBND thành phố");

    final StoppableDatabase database = new StoppableDatabase();

    @AfterEach
    void stop() {
        database.close();
    }

    ConfigurableApplicationContext start(int segments) {
        return new SpringApplicationBuilder(DocketApplication.class, TestClockConfiguration.class).profiles("test")
                .run("--docket.mongo.uri=" + database.uri(), "--docket.mongo.database=docket",
                        "--docket.cluster.segments=" + segments);
    }

    @Test
    void a_database_first_run_on_one_node_gets_its_projections_split_when_started_for_four_segments() {
        String before;
        try (ConfigurableApplicationContext alone = start(1)) {
            DocketClient docket = RestartTest.client(alone);
            before = Walks.assign(docket, "Báo cáo công tác giải phóng mặt bằng", "Phòng Quản lý đô thị", "2021-04-25", ROUTE);
            docket.await("auditor", "/api/audit?assignment=" + before, page -> ((Number) page.get("total")).intValue() == 1);
            assertThat(segmentsByProjection(alone).get("audit-log")).containsExactly(0);
        }

        try (ConfigurableApplicationContext forFour = start(4)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(segmentsByProjection(forFour))
                    .containsEntry("audit-log", new TreeSet<>(List.of(0, 1, 2, 3)))
                    .containsEntry("notifications", new TreeSet<>(List.of(0, 1, 2, 3)))
                    .containsEntry("plan-path", new TreeSet<>(List.of(0))));
            // Alone, the node works on all four (a thread each).
            TrackingEventProcessor audit = forFour.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("audit-log", TrackingEventProcessor.class).orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> audit.processingStatus().size() == 4);

            DocketClient docket = RestartTest.client(forFour);
            String after = Walks.assign(docket, "Kế hoạch chuyển đổi số", "Phòng Tài chính - Kế hoạch", "2021-05-10", ROUTE);
            Walks.draft(docket, "tckh", after, "2021-04-20");
            docket.await("auditor", "/api/assignments/" + after + "/path", p -> ((List<?>) p.get("steps")).size() == 2);
            docket.await("auditor", "/api/audit?assignment=" + after, page -> ((Number) page.get("total")).intValue() == 2);
            assertThat(((Number) docket.getOk("auditor", "/api/audit?assignment=" + before).get("total")).intValue())
                    .as("nothing handled again by the split").isEqualTo(1);
        }
    }

    /** The segments each projection has in the token store. */
    private static Map<String, TreeSet<Integer>> segmentsByProjection(ConfigurableApplicationContext app) {
        Map<String, TreeSet<Integer>> segments = new TreeMap<>();
        for (Document token : app.getBean(MongoTemplate.class).trackingTokensCollection().find()) {
            segments.computeIfAbsent(token.getString("processorName"), p -> new TreeSet<>())
                    .add(((Number) token.get("segment")).intValue());
        }
        return segments;
    }
}
