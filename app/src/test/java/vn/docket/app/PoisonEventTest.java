package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.events.AssignmentEvent;
import vn.docket.query.support.ReadModels;

/**
 * A projection whose handler throws on one event sets that event aside with the later events of its
 * assignment and goes on with the others; once the defect is gone an administrator's retry drains it.
 * The projection here is a probe that counts each assignment's events and has a defect switched on per
 * assignment: what it cannot take, the real projections take as usual.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, PoisonEventTest.ProbeConfiguration.class})
public class PoisonEventTest {

    public static final String PROBE = "poison-probe";
    static final String LEAD = "Phòng Quản lý đô thị";
    static final List<String> LEADERS = List.of("Lãnh đạo UBND thành phố");
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    /** Assignments the probe's handler throws on, as a defect in a projection would. */
    public static final Set<String> defective = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    public static class ProbeConfiguration {
        @Bean
        Probe probe(MongoDatabase database) {
            return new Probe(database.getCollection("poison_probe"));
        }
    }

    @ProcessingGroup(PROBE)
    static class Probe {
        private final MongoCollection<Document> seen;

        Probe(MongoCollection<Document> seen) {
            this.seen = seen;
        }

        @EventHandler
        void on(AssignmentEvent event, @SequenceNumber long seq) {
            String id = event.assignmentId().toString();
            if (defective.contains(id)) {
                throw new IllegalStateException("the probe cannot read assignment " + id);
            }
            ReadModels.apply(seen, id, seq, doc -> doc.put("events", doc.getInteger("events", 0) + 1));
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoDatabase database;

    DocketClient docket;

    @BeforeEach
    void setUp() {
        docket = new DocketClient(http);
        defective.clear();
    }

    int probed(String id) {
        Document doc = database.getCollection("poison_probe").find(Filters.eq("_id", id)).first();
        return doc == null ? 0 : doc.getInteger("events");
    }

    List<Map<String, Object>> deadLetters() {
        return http.withBasicAuth("admin", "demo").exchange("/api/admin/dead-letters", HttpMethod.GET, null, LIST).getBody();
    }

    List<Map<String, Object>> parked(String id) {
        return deadLetters().stream().filter(s -> PROBE.equals(s.get("projection")) && id.equals(s.get("sequence")))
                .findFirst().map(s -> (List<Map<String, Object>>) s.get("letters")).orElse(List.of());
    }

    @Test
    void one_bad_event_stalls_only_its_own_assignment_and_a_retry_after_the_fix_drains_it() {
        String bad = Walks.assign(docket, "Báo cáo công tác giải phóng mặt bằng", LEAD, "2021-04-30", LEADERS);
        String good = Walks.assign(docket, "Kế hoạch chiếu sáng công cộng", LEAD, "2021-04-30", LEADERS);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> probed(bad) == 1 && probed(good) == 1);

        defective.add(bad);
        Walks.draft(docket, "qldt", bad, "2021-04-14");
        docket.ok("clerk", "/api/assignments/" + bad + "/deadline-extensions",
                Map.of("newDeadline", "2021-05-15", "reason", "Chờ số liệu quý I", "effectiveDate", "2021-04-15"));
        Walks.draft(docket, "qldt", good, "2021-04-14");
        docket.ok("chair", "/api/assignments/" + good + "/approvals", Map.of("effectiveDate", "2021-04-16"));

        // The other assignment goes on, and so do the other projections, for the stalled one too.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> probed(good) == 3);
        docket.await("admin", "/api/assignments/" + bad, a -> "2021-05-15".equals(a.get("deadline")));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> parked(bad).size() == 2);
        List<Map<String, Object>> letters = parked(bad);
        assertThat(letters.get(0).get("eventType")).isEqualTo("DraftSubmitted");
        assertThat((String) letters.get(0).get("failure")).contains("the probe cannot read assignment " + bad);
        assertThat(letters.get(1).get("eventType")).isEqualTo("DeadlineExtended");
        assertThat(letters.get(1).get("failure")).isNull();
        assertThat(probed(bad)).isEqualTo(1);
        assertThat(deadLetters()).noneMatch(s -> good.equals(s.get("sequence")));

        // Retried while the defect is still there: it fails again and everything stays in order.
        Map<String, Object> again = docket.ok("admin", "/api/admin/dead-letters/" + PROBE + "/" + bad + "/retry", null);
        assertThat(again.get("drained")).isEqualTo(false);
        assertThat((List<?>) again.get("remaining")).hasSize(2);
        assertThat(probed(bad)).isEqualTo(1);

        defective.remove(bad);
        Map<String, Object> retried = docket.ok("admin", "/api/admin/dead-letters/" + PROBE + "/" + bad + "/retry", null);
        assertThat(retried.get("drained")).isEqualTo(true);
        assertThat(probed(bad)).isEqualTo(3);
        assertThat(parked(bad)).isEmpty();

        // Drained, the assignment is handled live again.
        docket.ok("chair", "/api/assignments/" + bad + "/approvals", Map.of("effectiveDate", "2021-04-17"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> probed(bad) == 4);
        assertThat(parked(bad)).isEmpty();
    }

    @Test
    void dropping_the_bad_event_lets_the_events_behind_it_through_on_the_next_retry() {
        String bad = Walks.assign(docket, "Đề án phát triển kinh tế đêm", LEAD, "2021-04-30", LEADERS);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> probed(bad) == 1);
        defective.add(bad);
        Walks.draft(docket, "qldt", bad, "2021-04-14");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> parked(bad).size() == 1);
        defective.remove(bad);
        docket.ok("chair", "/api/assignments/" + bad + "/approvals", Map.of("effectiveDate", "2021-04-16"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> parked(bad).size() == 2);

        String first = (String) parked(bad).get(0).get("eventId");
        assertThat(http.withBasicAuth("admin", "demo").exchange("/api/admin/dead-letters/" + PROBE + "/" + bad + "/" + first + "/drop",
                HttpMethod.POST, null, LIST).getStatusCode().value()).isEqualTo(200);
        assertThat(parked(bad)).hasSize(1).first().extracting(l -> l.get("eventType")).isEqualTo("DraftApproved");

        docket.ok("admin", "/api/admin/dead-letters/" + PROBE + "/" + bad + "/retry", null);
        assertThat(probed(bad)).isEqualTo(2);
        assertThat(parked(bad)).isEmpty();
    }

    @Test
    void only_an_administrator_sees_or_retries_dead_letters_and_an_unknown_sequence_is_a_404() {
        assertThat(docket.get("clerk", "/api/admin/dead-letters").getStatusCode().value()).isEqualTo(403);
        assertThat(docket.get("clerk", "/api/admin/dead-letters").getBody()).containsEntry("rule", "admins-only");
        assertThat(docket.post("chair", "/api/admin/dead-letters/" + PROBE + "/x/retry", null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(docket.post("admin", "/api/admin/dead-letters/" + PROBE + "/nothing-parked/retry", null)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(docket.post("admin", "/api/admin/dead-letters/no-such-projection/x/retry", null)
                .getStatusCode().value()).isEqualTo(404);
    }
}
