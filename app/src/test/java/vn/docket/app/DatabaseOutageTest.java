package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import vn.docket.events.TaskAssigned;

/**
 * The database goes down under load and comes back: requests fail fast with 503 database-unavailable,
 * readiness says DOWN while liveness stays UP, work resumes by itself when the database returns, and
 * every acknowledged command's event is stored once and reaches the read models once. And a database that
 * refuses one of a command's writes leaves nothing of the command behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

    static final int CLIENTS = 4;
    static final Duration GOAL = Duration.ofSeconds(5);
    static final String STORED_PASSWORD = "a long enough password";

    /** One answer to one command of the load. */
    record Answer(int client, long sent, long received, int status, String id, Object rule, String retryAfter) {
    }

    StoppableDatabase database;
    ConfigurableApplicationContext app;

    @BeforeAll
    void start() {
        database = new StoppableDatabase();
        app = new SpringApplicationBuilder(DocketApplication.class, TestClockConfiguration.class)
                .profiles("test")
                .run("--docket.mongo.uri=" + database.uri());
    }

    @AfterAll
    void stop() {
        try {
            app.close(); // while the database is up, so the processors stop normally
        } finally {
            database.close();
        }
    }

    @Test
    void a_database_outage_under_load_answers_503_quickly_and_loses_or_doubles_nothing_once_it_is_back() throws Exception {
        outageUnderLoad(app, database);
    }

    /**
     * The database stops taking writes after Docket has decided a command: its deadlines are written before its
     * events, so the command fails with nothing recorded rather than being answered with a reminder that never
     * comes (which happened when the deadlines were written after the events).
     */
    @Test
    void a_command_whose_deadlines_the_database_does_not_take_is_refused_with_503_and_records_nothing() {
        DocketClient docket = client();
        LocalDate today = LocalDate.now(app.getBean(Clock.class));
        String title = "Báo cáo tiến độ giải phóng mặt bằng " + UUID.randomUUID();
        Map<String, Object> body = Map.of("title", title, "kind", "REPORT", "leadUnit", "Phòng Tài chính - Kế hoạch",
                "deadline", today.plusDays(30).toString(), "approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        database.refuseInsertsInto("deadlines");
        ResponseEntity<Map<String, Object>> refused;
        try {
            refused = docket.post("clerk", "/api/assignments", body);
        } finally {
            database.refuseInsertsInto(null);
        }
        assertThat(refused.getStatusCode().value()).isEqualTo(503);
        assertThat(refused.getBody()).containsEntry("rule", "database-unavailable");
        assertThat(storedTitles()).doesNotContain(title);

        // The clerk sends it again once the database is back: recorded, with its reminder and its missed check.
        String id = (String) docket.ok("clerk", "/api/assignments", body).get("id");
        MongoDatabase mongo = app.getBean(MongoDatabase.class);
        assertThat(mongo.getCollection("deadlines").countDocuments(Filters.regex("scopeKey", id))).isEqualTo(2);

        // The same for a command on an assignment that exists: the extension is refused and the deadline stays.
        database.refuseInsertsInto("deadlines");
        ResponseEntity<Map<String, Object>> extension;
        try {
            extension = docket.post("clerk", "/api/assignments/" + id + "/deadline-extensions",
                    Map.of("newDeadline", today.plusDays(60).toString(), "reason", "Chờ ý kiến các sở"));
        } finally {
            database.refuseInsertsInto(null);
        }
        assertThat(extension.getStatusCode().value()).isEqualTo(503);
        assertThat(storedEventTypes(id)).containsExactly("TaskAssigned");
    }

    private DocketClient client() {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new DocketClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }

    private List<String> storedTitles() {
        return StoredEvents.all(app.getBean(EventStore.class)).stream()
                .map(TrackedEventMessage::getPayload).filter(TaskAssigned.class::isInstance)
                .map(p -> ((TaskAssigned) p).title()).toList();
    }

    private List<String> storedEventTypes(String assignmentId) {
        return app.getBean(EventStore.class).readEvents(assignmentId).asStream()
                .map(e -> e.getPayloadType().getSimpleName()).toList();
    }

    private void outageUnderLoad(ConfigurableApplicationContext app, StoppableDatabase database) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        DocketClient docket = new DocketClient(http);
        // Ready once the assignment index has read the event store after start-up.
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value() == 200);
        // Someone whose account is kept in the database, not in configuration: signing in needs the database.
        docket.ok("admin", "/api/admin/users", Map.of("id", "lan.nguyen", "name", "Nguyễn Thị Lan",
                "unit", "Văn phòng HĐND và UBND thành phố", "role", "CLERK", "password", STORED_PASSWORD));

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> load = new ArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            load.add(clients.submit(() -> {
                for (int n = 0; loading.get(); n++) {
                    answers.add(assign(docket, client, n));
                }
            }));
        }
        awaitAnswers(answers, a -> a.status() == 201, 20);
        // What a command takes on this machine with the database up: the goals are on top of it, since a
        // machine shared with other work (CI, a developer's build) slows every request, refused or not.
        long[] before = answers.stream().filter(a -> a.status() == 201).mapToLong(a -> a.received() - a.sent()).sorted().toArray();
        Duration usual = Duration.ofNanos(before[before.length * 9 / 10]); // 90th percentile
        Duration bound = GOAL.plus(usual);

        long down = System.nanoTime();
        database.stop();
        long readinessDown = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value() == 503
                        ? System.nanoTime() : null, t -> t != null);
        ResponseEntity<String> liveness = http.getForEntity("/actuator/health/liveness", String.class);
        ResponseEntity<String> storedUser = http.withBasicAuth("lan.nguyen", STORED_PASSWORD).getForEntity("/api/me", String.class);
        Answer firstRefusal = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> answers.stream().filter(a -> a.status() == 503)
                        .min((a, b) -> Long.compare(a.received(), b.received())).orElse(null), a -> a != null);
        // Every client meets the outage more than once before it ends.
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            awaitAnswers(answers, a -> a.client() == client && a.status() == 503, 2);
        }
        ResponseEntity<String> readinessDuring = http.getForEntity("/actuator/health/readiness", String.class);

        long up = System.nanoTime();
        database.start();
        Answer firstAfter = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> answers.stream().filter(a -> a.status() == 201 && a.received() > up)
                        .min((a, b) -> Long.compare(a.received(), b.received())).orElse(null), a -> a != null);
        long readinessUp = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value() == 200
                        ? System.nanoTime() : null, t -> t != null);
        // The projections resume by themselves: the first command acknowledged after the return reaches the read models.
        MongoDatabase mongo = app.getBean(MongoDatabase.class);
        long resumed = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> mongo.getCollection("assignments").countDocuments(Filters.eq("_id", firstAfter.id())) == 1
                        && mongo.getCollection("audit_log").countDocuments(Filters.eq("assignmentId", firstAfter.id())) == 1
                        ? System.nanoTime() : null, t -> t != null);
        awaitAnswers(answers, a -> a.status() == 201 && a.sent() > up, 20);
        loading.set(false);
        for (Future<?> client : load) {
            client.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        long loadEnded = System.nanoTime();

        // What the store holds: each load command's assignment has exactly one event, TaskAssigned.
        Map<String, Integer> eventsPerLoadAssignment = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        long stored = 0;
        for (TrackedEventMessage<?> event : StoredEvents.all(app.getBean(EventStore.class))) {
            stored++;
            eventIds.add(event.getIdentifier());
            if (event.getPayload() instanceof TaskAssigned t && t.title().startsWith("Outage load")) {
                eventsPerLoadAssignment.merge(((DomainEventMessage<?>) event).getAggregateIdentifier(), 1, Integer::sum);
            }
        }
        Set<String> acknowledged = new HashSet<>();
        answers.stream().filter(a -> a.status() == 201).forEach(a -> acknowledged.add(a.id()));
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(eventsPerLoadAssignment.keySet());
        long doubled = eventsPerLoadAssignment.values().stream().filter(n -> n > 1).count() + (stored - eventIds.size());
        Set<String> inDoubt = new HashSet<>(eventsPerLoadAssignment.keySet());
        inDoubt.removeAll(acknowledged);

        // The read models follow: every stored assignment once in the list, every stored event once in the audit log.
        long storedEvents = stored;
        long caughtUp = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> mongo.getCollection("assignments").countDocuments(Filters.in("_id", eventsPerLoadAssignment.keySet()))
                        == eventsPerLoadAssignment.size()
                        && mongo.getCollection("audit_log").countDocuments() == storedEvents ? System.nanoTime() : null,
                        t -> t != null);

        List<Answer> refusals = answers.stream().filter(a -> a.status() != 201).toList();
        // Requests sent before the stop were under way already; the bound is for those sent to a database that is down.
        long slowestRefusal = refusals.stream().filter(a -> a.sent() > down && a.sent() < up)
                .mapToLong(a -> a.received() - a.sent()).max().orElse(0);
        System.out.printf("Database outage under %d clients (90%% of commands took up to %d ms before it): first 503"
                        + " %d ms after the database stopped, slowest refused request sent during the outage %d ms,"
                        + " readiness DOWN after %d ms (liveness %d). After the database returned: first command"
                        + " acknowledged after %d ms, readiness UP after %d ms, projections resumed after %d ms; read"
                        + " models complete %d ms after the load ended. %d commands acknowledged, %d refused with 503,"
                        + " %d refused but stored (in doubt), %d lost, %d doubled%n",
                CLIENTS, usual.toMillis(), millis(firstRefusal.received() - down), millis(slowestRefusal),
                millis(readinessDown - down), liveness.getStatusCode().value(), millis(firstAfter.received() - up),
                millis(readinessUp - up), millis(resumed - up), millis(caughtUp - loadEnded), acknowledged.size(),
                refusals.size(), inDoubt.size(), lost.size(), doubled);

        assertThat(refusals).as("every refusal is a 503 naming the database, with Retry-After").allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.rule()).isEqualTo("database-unavailable");
            assertThat(a.retryAfter()).isNotBlank();
        });
        assertThat(Duration.ofNanos(firstRefusal.received() - down)).isLessThanOrEqualTo(bound);
        assertThat(Duration.ofNanos(slowestRefusal)).isLessThanOrEqualTo(bound);
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
        assertThat(storedUser.getStatusCode().value()).as("a stored user's sign-in is not a wrong password").isEqualTo(503);
        assertThat(storedUser.getBody()).contains("database-unavailable");
        assertThat(readinessDuring.getStatusCode().value()).isEqualTo(503);
        assertThat(readinessDuring.getBody()).contains("DOWN").doesNotContain("database");
        assertThat(Duration.ofNanos(firstAfter.received() - up)).isLessThanOrEqualTo(bound);
        assertThat(Duration.ofNanos(readinessUp - up)).isLessThanOrEqualTo(bound);
        assertThat(Duration.ofNanos(resumed - up)).isLessThanOrEqualTo(bound);
        assertThat(lost).as("acknowledged but not stored").isEmpty();
        assertThat(doubled).as("stored twice").isZero();
    }

    private static Answer assign(DocketClient docket, int client, int n) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Outage load " + client + "-" + n);
        body.put("kind", "REPORT");
        body.put("leadUnit", "Phòng Tài chính - Kế hoạch");
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        body.put("effectiveDate", "2021-04-13");
        long sent = System.nanoTime();
        ResponseEntity<Map<String, Object>> r = docket.post("clerk", "/api/assignments", body);
        Map<String, Object> answer = r.getBody() == null ? Map.of() : r.getBody();
        return new Answer(client, sent, System.nanoTime(), r.getStatusCode().value(), (String) answer.get("id"),
                answer.get("rule"), r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }

    private static void awaitAnswers(ConcurrentLinkedQueue<Answer> answers, Predicate<Answer> which, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> answers.stream().filter(which).count() >= count);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
