package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM (kill -9) while several clients send it commands, restarts it on the same data, and
 * checks that every acknowledged command's event is there, streams are contiguous and nothing is doubled.
 */
class CrashTest {

    private static final int TALLIES = 100;
    private static final int CLIENTS = 4;
    private static final int ROUNDS = 4;

    /** Highest count acknowledged per tally, over all rounds. */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledgements = new AtomicInteger();

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_command_survives_kill_dash_nine_with_contiguous_streams_and_no_duplicates() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Process child = CrashChild.start(dataDir.resolve("child-" + round + ".log"), dataDir.resolve("db").toString());
            int port = CrashChild.awaitReady(child);
            int killAfter = acknowledgements.get() + ThreadLocalRandom.current().nextInt(250, 400);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread client = new Thread(() -> drive(port), "client-" + c);
                client.start();
                clients.add(client);
            }
            killAt(Duration.ofSeconds(20), () -> acknowledgements.get() >= killAfter || !child.isAlive());
            assertThat(child.isAlive()).as("child died on its own; see " + dataDir.resolve("child-" + round + ".log")).isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no final H2 commit
            child.waitFor(10, TimeUnit.SECONDS);
            for (Thread client : clients) {
                client.join(10_000);
            }
            verifyStore();
        }
        assertThat(acknowledgements.get()).isGreaterThanOrEqualTo(1_000);
    }

    /** Sends bumps to random tallies until the child dies; records each acknowledged count. */
    private void drive(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            while (true) {
                String id = "tally-" + ThreadLocalRandom.current().nextInt(TALLIES);
                out.println("bump " + id);
                String reply = in.readLine();
                if (reply == null) {
                    return;
                }
                if (reply.startsWith("ok ")) {
                    long count = Long.parseLong(reply.substring(3));
                    acknowledged.merge(id, count, Math::max);
                    acknowledgements.incrementAndGet();
                }
            }
        } catch (Exception e) {
            // The child was killed mid-request: that command was not acknowledged.
        }
    }

    private void verifyStore() {
        try (EmbeddedStore store = EmbeddedStore.onDisk(dataDir.resolve("db"))) {
            // Positions a killed writer took but never wrote are passed at once here: nobody will write them.
            DocketEventStorageEngine engine = store.engine(Duration.ZERO, System::nanoTime, NoOpEventUpcaster.INSTANCE);
            long storedEvents = 0;
            for (int t = 0; t < TALLIES; t++) {
                String id = "tally-" + t;
                List<? extends DomainEventMessage<?>> stream = engine.readEvents(id, 0).asStream().toList();
                for (int i = 0; i < stream.size(); i++) {
                    assertThat(stream.get(i).getSequenceNumber()).as(id).isEqualTo(i);
                    assertThat(((Tally.Bumped) stream.get(i).getPayload()).count()).as(id).isEqualTo(i + 1);
                }
                assertThat((long) stream.size()).as("events of " + id + " against its acknowledged count")
                        .isGreaterThanOrEqualTo(acknowledged.getOrDefault(id, 0L));
                assertThat(engine.lastSequenceNumberFor(id).orElse(-1L)).isEqualTo(stream.size() - 1L);
                storedEvents += stream.size();
            }
            List<? extends TrackedEventMessage<?>> tracked = engine.readEvents(null, false).toList();
            Set<String> seen = new HashSet<>();
            long previous = 0;
            for (TrackedEventMessage<?> event : tracked) {
                DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
                assertThat(seen.add(domain.getAggregateIdentifier() + "#" + domain.getSequenceNumber()))
                        .as("duplicate " + domain.getAggregateIdentifier()).isTrue();
                long position = ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
                assertThat(position).isGreaterThan(previous);
                previous = position;
            }
            assertThat((long) tracked.size())
                    .as("events read in position order against events read aggregate by aggregate (more means an"
                            + " event its stream-key index does not know; see CommitUnderWritesTest)")
                    .isEqualTo(storedEvents);
        }
    }

    /**
     * Waits until it is time to kill the process under test (enough acknowledged, or it died on its own), or
     * until {@code atMost}: on a slow machine the kill comes at the deadline with fewer writes behind it,
     * which still tests what must survive it.
     */
    static void killAt(Duration atMost, BooleanSupplier time) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(1)).until(time::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            // the deadline: kill now
        }
    }
}
