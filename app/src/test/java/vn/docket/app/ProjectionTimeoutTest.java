package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.events.TaskAssigned;

/**
 * A projection batch that runs past Axon's unit-of-work timeout is interrupted by Axon's janitor. The batch
 * must then be rolled back and tried again, never skipped and never set aside as a defective event: the
 * event did nothing wrong. Here the assignment list's timeout is two seconds and a handler of the same
 * processor is slow once, as a batch under heavy load is.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "axon.timeout.transaction.event-processor.assignment-list.timeout-ms=2000",
            "axon.timeout.transaction.event-processor.assignment-list.warning-threshold-ms=5000",
            "axon.timeout.transaction.event-processor.assignment-list.warning-interval-ms=5000"})
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ProjectionTimeoutTest.SlowConfiguration.class})
public class ProjectionTimeoutTest {

    static final String LEAD = "Phòng Quản lý đô thị";
    static final String TITLE = "Kế hoạch chống ngập úng mùa mưa năm 2021";

    /** The slow handler waits once (until interrupted), then never again. */
    static final AtomicBoolean slowOnce = new AtomicBoolean();
    static final AtomicBoolean interrupted = new AtomicBoolean();

    @TestConfiguration
    public static class SlowConfiguration {
        @Bean
        SlowHandler slowHandler() {
            return new SlowHandler();
        }
    }

    @ProcessingGroup("assignment-list")
    static class SlowHandler {
        @EventHandler
        void on(TaskAssigned event) throws InterruptedException {
            if (TITLE.equals(event.title()) && slowOnce.compareAndSet(true, false)) {
                try {
                    // The slowness is the behaviour under test: the batch holds on until Axon's timeout interrupts it.
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
            }
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoDatabase database;

    @Test
    void a_projection_batch_interrupted_by_its_timeout_is_tried_again_and_every_event_takes_effect() {
        DocketClient docket = new DocketClient(http);
        slowOnce.set(true);
        String id = Walks.assign(docket, TITLE, LEAD, "2021-04-30", List.of("Lãnh đạo UBND thành phố"));
        Walks.draft(docket, "qldt", id, "2021-04-14");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilTrue(interrupted);
        // Both events reach the list and its keys: the assignment is found by its words, with its draft.
        Map<String, Object> found = docket.await("clerk", "/api/assignments?q=chong ngap ung",
                page -> ((Number) page.get("total")).intValue() == 1);
        Map<?, ?> item = (Map<?, ?>) ((List<?>) found.get("items")).get(0);
        assertThat(item.get("id")).isEqualTo(id);
        assertThat(item.get("status")).isEqualTo("DRAFT_SUBMITTED");
        assertThat(docket.getOk("clerk", "/api/assignments?status=DRAFT_SUBMITTED&unit=" + LEAD).get("total"))
                .isEqualTo(1);
        // Nothing was set aside: the timeout is not the event's fault.
        assertThat(database.getCollection("dead_letters").find(Filters.eq("sequence", id)).into(new java.util.ArrayList<Document>()))
                .isEmpty();
    }
}
