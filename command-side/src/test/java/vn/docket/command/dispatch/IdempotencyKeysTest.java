package vn.docket.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.docket.command.dispatch.IdempotencyKeys.Execute;
import vn.docket.command.dispatch.IdempotencyKeys.Replay;
import vn.docket.platform.eventstore.EmbeddedStore;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.testing.MutableClock;

/**
 * An Idempotency-Key through crashes, retries, reuse and expiry. A crash is a key left as the process that died
 * left it: claimed, neither completed nor released.
 */
class IdempotencyKeysTest {

    static final Duration LEASE = Duration.ofSeconds(15);
    static final Duration EXPIRY = Duration.ofHours(24);
    static final String CREATE = "POST /api/assignments 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String OTHER_BODY = "POST /api/assignments 60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    static final String OTHER_PATH = "POST /api/assignments/0b0e/reminders 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    final List<Set<String>> filters = new CopyOnWriteArrayList<>();
    EmbeddedStore store;
    MutableClock clock;
    IdempotencyKeys keys;

    @BeforeEach
    void setUp() {
        store = EmbeddedStore.inMemory(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                if (command.containsKey("find")) {
                    filters.add(new HashSet<>(command.getDocument("filter").keySet()));
                }
                for (String list : List.of("updates", "deletes")) {
                    if (command.containsKey(list)) {
                        command.getArray(list).forEach(u -> filters.add(new HashSet<>(u.asDocument().getDocument("q").keySet())));
                    }
                }
            }
        });
        clock = new MutableClock(LocalDate.of(2021, 5, 10));
        keys = new IdempotencyKeys(store.database, clock, new IdempotencySettings(LEASE, EXPIRY)).ensureIndexes();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    Execute execute(String user, String key, String request) {
        return (Execute) keys.claim(user, key, request);
    }

    MongoCollection<Document> collection(String name) {
        return store.database.getCollection(name);
    }

    static String rule(Throwable e) {
        return e instanceof RuleBroken r ? r.rule() : ((StateConflict) e).rule();
    }

    @Test
    void a_retry_after_the_first_answer_gets_that_answer() {
        Execute first = execute("clerk", "k1", CREATE);
        keys.complete(first, 201, "/api/assignments/a1", "{\"id\":\"a1\"}");

        assertThat(keys.claim("clerk", "k1", CREATE)).isEqualTo(new Replay(201, "/api/assignments/a1", "{\"id\":\"a1\"}"));
    }

    @Test
    void a_retry_while_the_first_request_runs_is_told_to_wait() {
        execute("clerk", "k1", CREATE);
        clock.advance(LEASE.minusSeconds(1));

        assertThatThrownBy(() -> keys.claim("clerk", "k1", CREATE))
                .isInstanceOf(StateConflict.class).extracting(IdempotencyKeysTest::rule).isEqualTo("request-in-progress");
    }

    @Test
    void a_key_left_running_by_a_crash_is_taken_over_once_its_lease_lapsed_under_the_same_command_id() {
        Execute crashed = execute("clerk", "k1", CREATE);
        clock.advance(LEASE.plusSeconds(1));

        Execute retry = execute("clerk", "k1", CREATE);

        assertThat(retry.commandId()).as("the aggregate knows the retry by it").isEqualTo(crashed.commandId());
        assertThat(retry.attempt()).isNotEqualTo(crashed.attempt());
        // The crashed process, should it wake up, can no longer settle the key.
        keys.release(crashed);
        keys.complete(retry, 200, null, "{}");
        assertThat(keys.claim("clerk", "k1", CREATE)).isInstanceOf(Replay.class);
    }

    @Test
    void a_request_that_runs_longer_than_the_lease_keeps_its_key_while_its_node_renews_it() {
        execute("clerk", "k1", CREATE);
        clock.advance(LEASE.multipliedBy(2).dividedBy(3));
        keys.renewLeases();
        clock.advance(LEASE.multipliedBy(2).dividedBy(3));

        assertThatThrownBy(() -> keys.claim("clerk", "k1", CREATE))
                .isInstanceOf(StateConflict.class).extracting(IdempotencyKeysTest::rule).isEqualTo("request-in-progress");
    }

    @Test
    void a_key_reused_with_another_body_or_path_is_refused_whether_the_first_ran_or_finished() {
        Execute first = execute("clerk", "k1", CREATE);
        assertThatThrownBy(() -> keys.claim("clerk", "k1", OTHER_BODY))
                .isInstanceOf(RuleBroken.class).extracting(IdempotencyKeysTest::rule).isEqualTo("idempotency-key-reused");

        keys.complete(first, 201, "/api/assignments/a1", "{\"id\":\"a1\"}");

        assertThatThrownBy(() -> keys.claim("clerk", "k1", OTHER_PATH))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("POST /api/assignments with its own body")
                .extracting(IdempotencyKeysTest::rule).isEqualTo("idempotency-key-reused");
    }

    @Test
    void a_failed_request_releases_its_key_for_a_corrected_request() {
        keys.release(execute("clerk", "k1", CREATE));

        assertThat(keys.claim("clerk", "k1", OTHER_BODY)).isInstanceOf(Execute.class);
    }

    @Test
    void keys_belong_to_their_user() {
        Execute clerks = execute("clerk", "k1", CREATE);
        Execute chairs = execute("chair", "k1", CREATE);

        assertThat(chairs.commandId()).isNotEqualTo(clerks.commandId());
    }

    @Test
    void a_long_key_is_refused() {
        assertThatThrownBy(() -> keys.claim("clerk", "k".repeat(201), CREATE))
                .isInstanceOf(RuleBroken.class).extracting(IdempotencyKeysTest::rule).isEqualTo("idempotency-key-too-long");
    }

    @Test
    void an_expired_key_reads_as_absent_and_the_sweep_deletes_it_with_its_bucket() {
        keys.complete(execute("clerk", "gone", CREATE), 201, null, "{}");
        keys.complete(execute("clerk", "again", CREATE), 201, null, "{}");
        clock.advance(Duration.ofHours(23));
        keys.complete(execute("clerk", "young", CREATE), 201, null, "{}");
        clock.advance(Duration.ofHours(1).plusMinutes(1));

        // Expired, so free for any request; its first bucket must not take the new claim with it.
        keys.complete(execute("clerk", "again", OTHER_BODY), 201, null, "{}");
        filters.clear();
        keys.sweep();

        assertThat(filters).as("the sweep reads and deletes by exact keys only").isNotEmpty().allSatisfy(filter ->
                assertThat(filter).isSubsetOf("_id", "attempt").contains("_id"));
        assertThat(ids(IdempotencyKeys.KEYS)).containsExactlyInAnyOrder("clerk:again", "clerk:young");
        assertThat(ids(IdempotencyKeys.BUCKETS)).as("the bookmark, and the buckets of 'young' and the new 'again'")
                .hasSize(3).contains("swept");

        clock.advance(EXPIRY.plusMinutes(1));
        keys.sweep();
        assertThat(ids(IdempotencyKeys.KEYS)).isEmpty();
        assertThat(ids(IdempotencyKeys.BUCKETS)).containsExactly("swept");
    }

    List<String> ids(String name) {
        return collection(name).find().map(d -> d.get("_id").toString()).into(new ArrayList<>());
    }

    @Test
    void concurrent_requests_with_one_key_give_one_execution() throws Exception {
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                outcomes.add(pool.submit((Callable<Object>) () -> {
                    start.await();
                    try {
                        return keys.claim("clerk", "k1", CREATE);
                    } catch (StateConflict e) {
                        return e.rule();
                    }
                }));
            }
            start.countDown();
            List<Object> answers = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                answers.add(outcome.get());
            }
            assertThat(answers).filteredOn(Execute.class::isInstance).hasSize(1);
            assertThat(answers).filteredOn(a -> !(a instanceof Execute)).containsOnly("request-in-progress");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void every_read_and_write_of_a_request_names_the_key_exactly() {
        filters.clear();
        Execute first = execute("clerk", "k1", CREATE);
        clock.advance(LEASE.plusSeconds(1));
        Execute retry = execute("clerk", "k1", CREATE);
        keys.renewLeases();
        keys.complete(retry, 201, null, "{}");
        keys.claim("clerk", "k1", CREATE);
        keys.release(first);

        assertThat(filters).isNotEmpty().allSatisfy(filter ->
                assertThat(filter).isSubsetOf("_id", "attempt").contains("_id"));
        assertThat(collection(IdempotencyKeys.KEYS).find(Filters.eq("_id", "clerk:k1")).first().getDate("expiresAt"))
                .isEqualTo(Date.from(clock.instant().minus(LEASE.plusSeconds(1)).plus(EXPIRY)));
    }
}
