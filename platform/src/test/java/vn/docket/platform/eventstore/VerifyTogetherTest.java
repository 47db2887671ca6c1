package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * Clerks, auditors and administrators each open the audit page, which verifies the whole store: at half a million
 * events each walk costs seconds of the server's CPU, so several opened together must not walk it several times.
 */
class VerifyTogetherTest {

    @Test
    void a_verify_asked_while_another_walks_shares_that_walk_and_its_answer() throws Exception {
        Set<String> walkers = ConcurrentHashMap.newKeySet();
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> firstWalker = new AtomicReference<>();
        // Every walk starts by reading where the latest checkpoint is (so does the checkpointer after an intact one);
        // the first walk waits there until let go.
        CommandListener reads = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (Thread.currentThread().getName().startsWith("auditor-") && event.getCommand().containsKey("find")
                        && event.getCommand().getString("find").getValue().equals(Counters.COLLECTION)
                        && event.getCommand().getDocument("filter").equals(new BsonDocument("_id", new BsonString(Counters.CHECKPOINTS)))) {
                    walkers.add(Thread.currentThread().getName());
                    firstWalker.compareAndSet(null, Thread.currentThread());
                    await(release);
                }
            }
        };
        try (EmbeddedStore store = EmbeddedStore.inMemory(reads)) {
            for (int i = 0; i < 5; i++) {
                store.engine().appendEvents(DocketEventStorageEngineTest.event("a", i));
            }
            StoreVerifier verifier = new StoreVerifier(store.database,
                    new Checkpointer(store.database, 1000, Duration.ofSeconds(10)), Duration.ZERO);
            AtomicInteger named = new AtomicInteger();
            ExecutorService auditors = Executors.newFixedThreadPool(2, task -> new Thread(task, "auditor-" + named.incrementAndGet()));
            CompletableFuture<VerifyReport> first = CompletableFuture.supplyAsync(verifier::verify, auditors);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> firstWalker.get() != null);
            AtomicReference<Thread> secondAuditor = new AtomicReference<>();
            CompletableFuture<VerifyReport> second = CompletableFuture.supplyAsync(() -> {
                secondAuditor.set(Thread.currentThread());
                return verifier.verify();
            }, auditors);
            // The second asker waits: on the first walk's answer, or (as before) in a walk of its own.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> secondAuditor.get() != null
                    && (secondAuditor.get().getState() == Thread.State.WAITING
                    || secondAuditor.get().getState() == Thread.State.TIMED_WAITING));
            release.countDown();

            VerifyReport one = first.get(30, TimeUnit.SECONDS);
            VerifyReport other = second.get(30, TimeUnit.SECONDS);
            auditors.shutdown();
            assertThat(walkers).hasSize(1);
            assertThat(other).isSameAs(one);
            assertThat(one.intact()).isTrue();
            assertThat(one.eventsChecked()).isEqualTo(5);

            // A verify asked after that walk ended walks again: it answers for the store as it is now.
            assertThat(verifier.verify().eventsChecked()).isEqualTo(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
