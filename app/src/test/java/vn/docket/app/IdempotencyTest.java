package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.events.ReminderSent;
import vn.docket.events.TaskAssigned;
import vn.docket.platform.testing.MutableClock;

/**
 * Idempotency-Key through crashes. A crash is simulated by leaving the key's document as a process killed at that
 * moment leaves it: claimed ("running") with a lease nobody renews, and no answer recorded.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class IdempotencyTest {

    /** ASCII only, so that its bytes on the wire are exactly these (the key's fingerprint is their SHA-256). */
    static final String CREATE = "{\"title\":\"Bao cao cong tac giai phong mat bang\",\"kind\":\"REPORT\","
            + "\"leadUnit\":\"Ph\\u00f2ng Qu\\u1ea3n l\\u00fd \\u0111\\u00f4 th\\u1ecb\","
            + "\"approvalRoute\":[\"L\\u00e3nh \\u0111\\u1ea1o UBND th\\u00e0nh ph\\u1ed1\"],\"effectiveDate\":\"2021-04-13\"}";

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    MongoDatabase database;

    @Autowired
    MutableClock clock;

    DocketClient docket;
    String key;

    @BeforeEach
    void setUp() {
        docket = new DocketClient(http);
        key = UUID.randomUUID().toString();
    }

    MongoCollection<Document> keys() {
        return database.getCollection("idempotency_keys");
    }

    long events() {
        return StoredEvents.business(eventStore);
    }

    long assigned(Object id) {
        return StoredEvents.count(eventStore, p -> p instanceof TaskAssigned t && t.assignmentId().toString().equals(id));
    }

    /** What a process killed after storing the command's events, but before recording its answer, leaves behind. */
    void crashBeforeTheAnswerWasRecorded(String user) {
        keys().updateOne(Filters.eq("_id", user + ":" + key), Updates.combine(Updates.set("state", "running"),
                Updates.set("leaseUntil", Date.from(clock.instant().minusSeconds(1))),
                Updates.unset("status"), Updates.unset("body"), Updates.unset("location")));
    }

    static void assertRule(ResponseEntity<Map<String, Object>> response, int status, String rule) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).containsEntry("rule", rule);
    }

    @Test
    void a_create_retried_after_a_crash_that_had_stored_it_returns_the_same_assignment_and_writes_nothing_new() {
        ResponseEntity<Map<String, Object>> first = docket.postRaw("clerk", "/api/assignments", CREATE, key);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        crashBeforeTheAnswerWasRecorded("clerk");
        long before = events();

        ResponseEntity<Map<String, Object>> retry = docket.postRaw("clerk", "/api/assignments", CREATE, key);

        assertThat(retry.getStatusCode().value()).as("%s", retry.getBody()).isEqualTo(201);
        assertThat(retry.getBody()).containsEntry("id", first.getBody().get("id"));
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(events()).isEqualTo(before);
        assertThat(assigned(first.getBody().get("id"))).isEqualTo(1);
    }

    @Test
    void a_draft_retried_after_a_crash_that_had_stored_it_answers_the_same_version_and_writes_nothing_new() {
        String id = Walks.assign(docket, "Báo cáo kết quả thực hiện nhiệm vụ trọng tâm", "Phòng Tài chính - Kế hoạch",
                "2021-04-25", List.of("Lãnh đạo UBND thành phố"));
        Map<String, Object> draft = Map.of("documentName", "Dự thảo.docx", "documentUrl", "https://vanban.example.vn/d1",
                "effectiveDate", "2021-04-14");
        ResponseEntity<Map<String, Object>> first = docket.post("tckh", "/api/assignments/" + id + "/drafts", draft, key);
        assertThat(first.getBody()).containsEntry("version", 1);
        crashBeforeTheAnswerWasRecorded("tckh");
        long before = events();

        ResponseEntity<Map<String, Object>> retry = docket.post("tckh", "/api/assignments/" + id + "/drafts", draft, key);

        assertThat(retry.getStatusCode().value()).as("%s", retry.getBody()).isEqualTo(201);
        assertThat(retry.getBody()).containsEntry("version", 1);
        assertThat(events()).isEqualTo(before);
        // And the answer is recorded now: the next retry is a plain replay.
        assertThat(docket.post("tckh", "/api/assignments/" + id + "/drafts", draft, key).getHeaders()
                .getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_key_left_running_by_a_process_that_died_before_writing_is_taken_over_once_its_lease_lapsed() throws Exception {
        Instant now = clock.instant();
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(CREATE.getBytes(StandardCharsets.UTF_8));
        keys().insertOne(new Document("_id", "clerk:" + key).append("attempt", "the-process-that-died")
                .append("request", "POST /api/assignments " + HexFormat.of().formatHex(sha))
                .append("state", "running").append("leaseUntil", Date.from(now.plusSeconds(15)))
                .append("expiresAt", Date.from(now.plus(Duration.ofHours(24)))));
        long before = events();

        assertRule(docket.postRaw("clerk", "/api/assignments", CREATE, key), 409, "request-in-progress");
        ResponseEntity<Map<String, Object>> retry;
        clock.advance(Duration.ofSeconds(16));
        try {
            retry = docket.postRaw("clerk", "/api/assignments", CREATE, key);
        } finally {
            clock.advance(Duration.ofSeconds(-16));
        }

        assertThat(retry.getStatusCode().value()).as("%s", retry.getBody()).isEqualTo(201);
        assertThat(events()).isEqualTo(before + 1);
        assertThat(assigned(retry.getBody().get("id"))).isEqualTo(1);
    }

    @Test
    void a_key_reused_with_another_body_or_on_another_endpoint_is_refused_with_422_and_writes_nothing() {
        ResponseEntity<Map<String, Object>> create = docket.postRaw("clerk", "/api/assignments", CREATE, key);
        String id = (String) create.getBody().get("id");
        long before = events();

        assertRule(docket.postRaw("clerk", "/api/assignments", CREATE.replace("giai phong", "giải phóng"), key),
                422, "idempotency-key-reused");
        assertRule(docket.post("clerk", "/api/assignments/" + id + "/reminders", Map.of("note", "Đề nghị nộp"), key),
                422, "idempotency-key-reused");

        assertThat(events()).isEqualTo(before);
        assertThat(StoredEvents.count(eventStore, p -> p instanceof ReminderSent r && r.assignmentId().toString().equals(id)))
                .isZero();
    }

    @Test
    void a_key_is_remembered_for_a_day_and_forgotten_after() {
        ResponseEntity<Map<String, Object>> first = docket.postRaw("clerk", "/api/assignments", CREATE, key);
        Document stored = keys().find(Filters.eq("_id", "clerk:" + key)).first();
        assertThat(stored.getDate("expiresAt").toInstant()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        // A day later (the clock is shared with other tests, so the key is aged instead of the clock moved).
        keys().updateOne(Filters.eq("_id", "clerk:" + key),
                Updates.set("expiresAt", Date.from(clock.instant().minusSeconds(1))));
        ResponseEntity<Map<String, Object>> later =
                docket.postRaw("clerk", "/api/assignments", CREATE.replace("mat bang", "mat bang 2"), key);

        assertThat(later.getStatusCode().value()).as("%s", later.getBody()).isEqualTo(201);
        assertThat(later.getBody().get("id")).isNotEqualTo(first.getBody().get("id"));
    }

    @Test
    void concurrent_requests_with_one_key_give_one_execution() throws Exception {
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        try {
            List<Future<ResponseEntity<Map<String, Object>>>> sent = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return docket.postRaw("clerk", "/api/assignments", CREATE, key);
                }));
            }
            start.countDown();
            for (Future<ResponseEntity<Map<String, Object>>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Object> ids = answers.stream().filter(a -> a.getStatusCode().value() == 201).map(a -> a.getBody().get("id"))
                .distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 201)
                .allSatisfy(a -> assertRule(a, 409, "request-in-progress"));
        assertThat(assigned(ids.get(0))).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_api_documentation_shows_the_header_on_the_commands_that_honour_it() {
        Map<String, Object> paths = (Map<String, Object>) docket.getOk("auditor", "/v3/api-docs").get("paths");
        Function<String, String> headers = path -> String.valueOf(
                ((Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("post")).get("parameters"));

        assertThat(headers.apply("/api/assignments")).contains("Idempotency-Key");
        assertThat(headers.apply("/api/assignments/{id}/drafts")).contains("Idempotency-Key");
        assertThat(headers.apply("/api/assignments/{id}/extension-requests/decision")).contains("Idempotency-Key");
        assertThat(headers.apply("/api/notices")).doesNotContain("Idempotency-Key");
    }
}
