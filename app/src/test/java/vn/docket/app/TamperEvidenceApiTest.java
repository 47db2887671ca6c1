package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.docket.platform.eventstore.TrickyText;
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

    @Test
    @SuppressWarnings("unchecked")
    void two_assignments_edited_in_the_database_are_both_reported_and_the_command_line_prints_a_line_for_each() {
        String first = someAssignment();
        String second = someAssignment();
        MongoCollection<Document> events = database.getCollection("docket_events");
        List<Document> originals = new ArrayList<>();
        for (String id : List.of(first, second)) {
            Document original = events.find(Filters.eq("streamKey", id + "#0")).first();
            originals.add(original);
            events.replaceOne(Filters.eq("_id", original.get("_id")), new Document(original)
                    .append("payload", original.getString("payload").replace("quý II", "quý III")));
        }
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            Map<String, Object> report = docket.getOk("auditor", VERIFY);
            assertThat(report).containsEntry("intact", false).containsEntry("problemsFound", 2)
                    .containsEntry("capped", false).containsEntry("assignment", first);
            assertThat((List<Map<String, Object>>) report.get("problems")).extracting(p -> p.get("assignment"), p -> p.get("problem"))
                    .containsExactly(tuple(first, "edited"), tuple(second, "edited"));
            assertThat(((Number) report.get("upTo")).longValue()).isGreaterThanOrEqualTo(((Number) originals.get(1).get("_id")).longValue());
            assertThat(((Number) report.get("eventsChecked")).longValue()).isPositive();
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(VerifyCommand.run(cli())).isEqualTo(1);
        } finally {
            System.setErr(stderr);
            originals.forEach(original -> events.replaceOne(Filters.eq("_id", original.get("_id")), original));
        }
        // Only Docket's own lines: whatever else a library prints there is not the report.
        String[] lines = printed.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("Position ") || line.startsWith("Event store ")).toArray(String[]::new);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("Position " + originals.get(0).get("_id") + " (assignment " + first + ", sequence 0): edited: ");
        assertThat(lines[1]).startsWith("Position " + originals.get(1).get("_id") + " (assignment " + second + ", sequence 0): edited: ");
        assertThat(lines[2]).startsWith("Event store NOT intact: 2 problems found (");
        assertThat(docket.getOk("auditor", VERIFY)).containsEntry("intact", true);
    }

    /** A create as raw JSON, every string escaped the way a client may write it ("\\ud800" included). */
    private ResponseEntity<Map<String, Object>> createTitled(String title) {
        return docket.postRaw("clerk", "/api/assignments", "{\"title\": \"" + TrickyText.escaped(title) + "\","
                + " \"kind\": \"REPORT\", \"leadUnit\": \"" + TrickyText.escaped("Phòng Tài chính - Kế hoạch") + "\","
                + " \"deadline\": \"2021-06-30\", \"approvalRoute\": [\"" + TrickyText.escaped("Lãnh đạo UBND thành phố")
                + "\"], \"effectiveDate\": \"2021-04-13\"}");
    }

    @Test
    void a_title_with_half_a_surrogate_pair_is_refused_with_nothing_written_and_the_store_stays_intact() {
        String id = someAssignment();
        long before = StoredEvents.business(eventStore);
        ResponseEntity<Map<String, Object>> create = createTitled("lone \ud800 title");
        assertThat(create.getStatusCode().value()).as("%s", create.getBody()).isEqualTo(400);
        // The engine refuses it (unstorable-text); once the JSON reader refuses such text itself, that comes first.
        assertThat(create.getBody().get("rule")).isIn("unstorable-text", "malformed-request");
        ResponseEntity<Map<String, Object>> draft = docket.postRaw("tckh", "/api/assignments/" + id + "/drafts",
                "{\"documentName\": \"KH \\udc00.docx\", \"documentUrl\": \"https://vanban.example.vn/kh\","
                        + " \"effectiveDate\": \"2021-04-14\"}");
        assertThat(draft.getStatusCode().value()).as("%s", draft.getBody()).isEqualTo(400);
        assertThat(StoredEvents.business(eventStore)).isEqualTo(before);
        Walks.draft(docket, "tckh", id, "2021-04-14"); // the refused draft left the assignment as it was
        assertThat(docket.getOk("auditor", VERIFY)).containsEntry("intact", true);
    }

    @Test
    void no_title_the_api_accepts_makes_verify_report_an_edit() {
        long before = StoredEvents.business(eventStore);
        int created = 0;
        for (String title : TrickyText.samples(40)) {
            ResponseEntity<Map<String, Object>> response = createTitled(title);
            int status = response.getStatusCode().value();
            assertThat(status).as("%s: %s", TrickyText.escaped(title), response.getBody()).isIn(201, 400, 422);
            if (status == 201) {
                created++;
            }
        }
        assertThat(created).isGreaterThan(15);
        assertThat(StoredEvents.business(eventStore)).isEqualTo(before + created); // a refusal wrote nothing
        Map<String, Object> report = docket.getOk("auditor", VERIFY);
        assertThat(report).as("%s", report).containsEntry("intact", true);
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
