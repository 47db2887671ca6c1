package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.docket.platform.mongo.DatabaseServer;

/**
 * The tamper check through Docket's own doors: {@code GET /api/audit/verify}, {@code docket verify}, and
 * the absence of any door that changes or removes an event. The tampering itself, case by case, is in
 * platform's {@code TamperEvidenceTest}.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"docket.event-store.checkpoint-every=3", "docket.event-store.checkpoint-interval=0s",
                // every refused method would otherwise log a warning
                "logging.level.org.springframework.web.servlet.PageNotFound=ERROR"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class TamperEvidenceApiTest {

    private static final String VERIFY = "/api/audit/verify";

    @Autowired
    TestRestTemplate http;

    @Autowired
    MongoDatabase database;

    @Autowired
    DatabaseServer databaseServer;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    DocketClient docket;

    @BeforeEach
    void setUp() {
        docket = new DocketClient(http);
    }

    private String someAssignment() {
        return Walks.assign(docket, "Báo cáo tình hình thu ngân sách quý II", "Phòng Tài chính - Kế hoạch",
                "2021-06-30", List.of("Lãnh đạo UBND thành phố"));
    }

    @Test
    void auditors_admins_and_clerks_may_verify_the_store_and_unit_staff_and_leaders_may_not() {
        someAssignment();
        for (String user : List.of("auditor", "admin", "clerk")) {
            Map<String, Object> report = docket.getOk(user, VERIFY);
            assertThat(report).as(user).containsEntry("intact", true).containsKeys("upTo", "checkpoints");
        }
        for (String user : List.of("tckh", "qldt", "pct", "chair")) {
            assertThat(docket.get(user, VERIFY).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(docket.get(null, VERIFY).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void an_assignment_event_edited_in_the_database_is_reported_with_its_assignment_and_sequence_until_it_is_put_back() {
        String id = someAssignment();
        assertThat(docket.getOk("auditor", VERIFY)).containsEntry("intact", true);
        MongoCollection<Document> events = database.getCollection("docket_events");
        Document original = events.find(Filters.eq("streamKey", id + "#0")).first();
        long position = ((Number) original.get("_id")).longValue();
        Document forged = new Document(original);
        forged.put("payload", original.getString("payload").replace("quý II", "quý III"));
        events.replaceOne(Filters.eq("_id", position), forged);
        try {
            Map<String, Object> report = docket.getOk("auditor", VERIFY);
            assertThat(report).containsEntry("intact", false).containsEntry("problem", "edited")
                    .containsEntry("assignment", id).containsEntry("sequence", 0);
            assertThat(((Number) report.get("position")).longValue()).isEqualTo(position);
            assertThat(VerifyCommand.run(cli())).isEqualTo(1);
        } finally {
            events.replaceOne(Filters.eq("_id", position), original);
        }
        assertThat(docket.getOk("auditor", VERIFY)).containsEntry("intact", true);
        assertThat(VerifyCommand.run(cli())).isEqualTo(0);
    }

    /** The command-line form, pointed at this test's embedded server, as an operator would with DOCKET_MONGO_URI. */
    private String[] cli() {
        return new String[] {"--docket.mongo.uri=" + databaseServer.connectionString(), "--logging.level.root=WARN",
                "--logging.level.vn.docket=WARN"};
    }

    @Test
    void nothing_in_docket_s_api_can_change_or_delete_an_event() {
        String id = someAssignment();
        List<String> paths = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            assertThat(info.getMethodsCondition().getMethods()).as(info.toString())
                    .doesNotContainAnyElementsOf(Set.of(RequestMethod.DELETE, RequestMethod.PUT, RequestMethod.PATCH));
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    paths.add(pattern.replaceAll("\\{[^}]+}", id));
                }
            }
        }
        assertThat(paths).contains("/api/assignments/" + id, VERIFY);
        paths.add("/api/events/1");
        long before = StoredEvents.business(eventStore);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        for (String path : paths) {
            for (HttpMethod method : List.of(HttpMethod.DELETE, HttpMethod.PUT, HttpMethod.PATCH)) {
                for (String user : List.of("admin", "clerk")) {
                    int status = http.withBasicAuth(user, "demo")
                            .exchange(path, method, new HttpEntity<>("{\"payload\":\"forged\"}", json), String.class)
                            .getStatusCode().value();
                    assertThat(status).as("%s %s as %s", method, path, user).isIn(403, 404, 405);
                }
            }
        }
        assertThat(StoredEvents.business(eventStore)).isEqualTo(before);
        assertThat(docket.getOk("auditor", VERIFY)).containsEntry("intact", true);
    }
}
