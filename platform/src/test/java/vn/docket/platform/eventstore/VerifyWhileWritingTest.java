package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * An inspector verifies while clerks work. A position is empty while its writer is between taking it and
 * inserting, which under load (a busy database, a collection pause) can last well beyond a moment: verify must
 * wait for it, not report an acknowledged event as deleted.
 */
class VerifyWhileWritingTest {

    @Test
    void a_write_that_stalls_while_verify_walks_past_its_position_is_not_reported_as_a_deletion() throws Exception {
        // The writer goes on only after verify has read its empty position five times: the walk's own read and four
        // more (Docket once read it three times, 200 ms in all, and then called it deleted).
        VerifyReport verified = verifiedWhileAWriterStalls(1, 5);

        assertThat(verified.problems()).isEmpty();
        assertThat(verified.upTo()).isEqualTo(3);
        assertThat(verified.eventsChecked()).isEqualTo(3);
    }

    @Test
    void a_write_that_stalls_while_hundreds_of_later_events_are_stored_is_not_reported_as_a_deletion() throws Exception {
        // One stalled writer holds a single position; the node's other writers (or other nodes) go on storing, so its
        // position falls any number of positions behind the head. Docket waited only for empty positions within 128 of it.
        VerifyReport verified = verifiedWhileAWriterStalls(300, 2);

        assertThat(verified.problems()).isEmpty();
        assertThat(verified.upTo()).isEqualTo(302);
    }

    /**
     * Position 1 is stored, a writer takes position 2 and stalls, {@code later} events are stored after it; verify runs,
     * and the writer goes on once verify has read position 2 {@code reads} times (or finished).
     */
    private static VerifyReport verifiedWhileAWriterStalls(int later, int reads) throws Exception {
        CountDownLatch hasPosition = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger readsOfTheEmptyPosition = new AtomicInteger();
        try (EmbeddedStore store = EmbeddedStore.inMemory(readsOf(2, readsOfTheEmptyPosition))) {
            DocketEventStorageEngine engine = DocketEventStorageEngineTest.holdingWriter(store, "slow-writer",
                    Duration.ofSeconds(10), System::nanoTime, hasPosition, release);
            engine.appendEvents(DocketEventStorageEngineTest.event("a", 0)); // position 1
            Thread slow = new Thread(() -> engine.appendEvents(DocketEventStorageEngineTest.event("b", 0)), "slow-writer");
            slow.start();
            DocketEventStorageEngineTest.await(hasPosition); // it took position 2 and waits
            for (int i = 1; i <= later; i++) {
                engine.appendEvents(DocketEventStorageEngineTest.event("a", i)); // positions 3 on
            }

            StoreVerifier verifier = new StoreVerifier(store.database,
                    new Checkpointer(store.database, 1000, Duration.ofSeconds(10)), Duration.ofSeconds(30));
            var walker = Executors.newSingleThreadExecutor(task -> new Thread(task, "verifier"));
            CompletableFuture<VerifyReport> report = CompletableFuture.supplyAsync(verifier::verify, walker);
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> readsOfTheEmptyPosition.get() >= reads || report.isDone());
            release.countDown();
            slow.join(30_000);
            walker.shutdown();
            return report.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_deletion_the_latest_checkpoint_already_covers_is_reported_without_waiting_for_a_writer() throws Exception {
        // Every position up to a checkpoint held an event or an empty mark when it was recorded: none can be in flight.
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            DocketEventStorageEngine engine = store.engine();
            for (int i = 0; i < 10; i++) {
                engine.appendEvents(DocketEventStorageEngineTest.event("a" + i, 0)); // positions 1 to 10
            }
            Checkpointer checkpointer = new Checkpointer(store.database, 8, Duration.ofSeconds(10));
            checkpointer.catchUp(); // seals position 8
            store.database.getCollection(EventDocuments.EVENTS)
                    .deleteOne(new org.bson.Document(EventDocuments.POSITION, 5L));

            long started = System.nanoTime();
            VerifyReport report = new StoreVerifier(store.database, checkpointer, Duration.ofSeconds(60)).verify();

            assertThat(report.problems()).extracting(VerifyReport.Problem::problem).contains(StoreVerifier.DELETED);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    /** Counts the verifier's exact reads of one position. */
    private static CommandListener readsOf(long position, AtomicInteger count) {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                if (Thread.currentThread().getName().equals("verifier") && command.containsKey("find")
                        && command.getString("find").getValue().equals(EventDocuments.EVENTS)
                        && command.getDocument("filter").get(EventDocuments.POSITION) instanceof BsonDocument in
                        && in.get("$in") instanceof BsonArray keys && keys.contains(new BsonInt64(position))) {
                    count.incrementAndGet();
                }
            }
        };
    }

    @Test
    void events_and_a_checkpoint_recorded_while_verify_runs_are_not_reported_as_deleted() throws Exception {
        AtomicBoolean written = new AtomicBoolean();
        AtomicReference<Runnable> meanwhile = new AtomicReference<>();
        // Clerks' commands and the background checkpointer go on while verify runs: here, just as verify reads where
        // the latest checkpoint is.
        CommandListener reads = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                if (Thread.currentThread().getName().equals("verifier") && command.containsKey("find")
                        && command.getString("find").getValue().equals(Counters.COLLECTION)
                        && command.getDocument("filter").equals(new BsonDocument("_id", new BsonString(Counters.CHECKPOINTS)))
                        && written.compareAndSet(false, true)) {
                    Thread writer = new Thread(meanwhile.get());
                    writer.start();
                    try {
                        writer.join(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        try (EmbeddedStore store = EmbeddedStore.inMemory(reads)) {
            DocketEventStorageEngine engine = store.engine();
            for (int i = 0; i < 6; i++) {
                engine.appendEvents(DocketEventStorageEngineTest.event("a", i)); // positions 1 to 6
            }
            Checkpointer checkpointer = new Checkpointer(store.database, 4, Duration.ofSeconds(10));
            meanwhile.set(() -> {
                engine.appendEvents(DocketEventStorageEngineTest.event("a", 6), DocketEventStorageEngineTest.event("a", 7));
                checkpointer.catchUp(); // seals positions 4 and 8
            });
            StoreVerifier verifier = new StoreVerifier(store.database, checkpointer, Duration.ZERO);
            var walker = Executors.newSingleThreadExecutor(task -> new Thread(task, "verifier"));
            VerifyReport report = CompletableFuture.supplyAsync(verifier::verify, walker).get(30, TimeUnit.SECONDS);
            walker.shutdown();

            assertThat(written).isTrue();
            assertThat(report.problems()).isEmpty();
            assertThat(report.upTo()).isEqualTo(8);
            assertThat(report.checkpoints()).isEqualTo(2);
        }
    }
}
