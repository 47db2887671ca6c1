package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two command nodes on one embedded H2 database, as the start-up log invites: a child JVM hosts the embedded
 * server and takes commands itself ({@link CrashChild}), and this JVM is a second node that reaches the
 * database over the wire, with its own engine and aggregate cache. The host is killed (kill -9) under load
 * from both and restarted on the same data directory and port, while the second node keeps running; every
 * command either node acknowledged must still be stored, and the hash chains intact.
 */
class SharedDatabaseCrashTest {

    private static final int TALLIES = 40;
    private static final int CLIENTS_PER_NODE = 2;
    private static final int ROUNDS = 3;

    /** Highest count acknowledged per tally, by either node, over all rounds. */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger byHost = new AtomicInteger();
    private final AtomicInteger bySecond = new AtomicInteger();

    @TempDir
    Path dataDir;

    @Test
    void every_command_either_node_acknowledged_survives_kill_dash_nine_of_the_node_hosting_the_database() throws Exception {
        int port = freePort();
        Process host = null;
        TallyApp second = null;
        try (EmbeddedStore remote = EmbeddedStore.connectedTo("mongodb://127.0.0.1:" + port)) {
            for (int round = 0; round < ROUNDS; round++) {
                host = startHost(port, round);
                int hostCommands = CrashChild.awaitReady(host);
                if (second == null) {
                    second = TallyApp.start(remote.engine(), remote.database, 0, 1_000, 100, List.of());
                }
                // Killed once each node has acknowledged some commands in this round, at a random moment after.
                int hostAfter = byHost.get() + ThreadLocalRandom.current().nextInt(15, 30);
                int secondAfter = bySecond.get() + ThreadLocalRandom.current().nextInt(15, 30);
                AtomicBoolean hostUp = new AtomicBoolean(true);
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS_PER_NODE; c++) {
                    clients.add(start(() -> driveHost(hostCommands), "host-client-" + c));
                    TallyApp node = second;
                    clients.add(start(() -> driveSecond(node, hostUp), "second-client-" + c));
                }
                Process hosting = host;
                // A bound, not a pace: on a loaded machine the host, racing the second node for positions, can
                // need far longer than usual to acknowledge its share, and the test is only worth something if it has.
                CrashTest.killAt(Duration.ofSeconds(90),
                        () -> byHost.get() >= hostAfter && bySecond.get() >= secondAfter || !hosting.isAlive());
                assertThat(host.isAlive()).as("host died on its own; see " + dataDir.resolve("host-" + round + ".log")).isTrue();
                host.destroyForcibly(); // SIGKILL: no shutdown hooks, no final H2 commit
                hostUp.set(false);
                host.waitFor(10, TimeUnit.SECONDS);
                for (Thread client : clients) {
                    client.join(30_000);
                }

                host = startHost(port, round + 100);
                CrashChild.awaitReady(host);
                verifyThrough(remote);
                host.destroyForcibly();
                host.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            if (second != null) {
                second.close();
            }
            if (host != null) {
                host.destroyForcibly();
            }
        }
        assertThat(bySecond.get()).as("commands the second node acknowledged").isGreaterThanOrEqualTo(ROUNDS * 15);
        assertThat(byHost.get()).as("commands the host acknowledged").isGreaterThanOrEqualTo(ROUNDS * 15);
    }

    private Process startHost(int port, int round) throws Exception {
        return CrashChild.start(dataDir.resolve("host-" + round + ".log"), dataDir.resolve("db").toString(),
                String.valueOf(port));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Thread start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    /** Commands to the host over its line protocol, until it dies. */
    private void driveHost(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            while (true) {
                String id = tally();
                out.println("bump " + id);
                String reply = in.readLine();
                if (reply == null) {
                    return;
                }
                if (reply.startsWith("ok ")) {
                    acknowledge(id, Long.parseLong(reply.substring(3)), byHost);
                }
            }
        } catch (Exception e) {
            // The host was killed mid-request: that command was not acknowledged.
        }
    }

    /**
     * Commands to the second node, on the same tallies, until the host (its database) is gone. Paced: flat out,
     * this JVM's node takes nearly every next position before the host does, and the host, finding its
     * position taken, reads the head and races again (see {@link Positions}); it acknowledged a handful of
     * commands in a round.
     */
    private void driveSecond(TallyApp node, AtomicBoolean hostUp) {
        while (hostUp.get()) {
            String id = tally();
            try {
                acknowledge(id, node.bump(id), bySecond);
                // Pacing of this client's load (the second node is a slower writer), not a wait for anything.
                Thread.sleep(ThreadLocalRandom.current().nextInt(10, 30));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database went away mid-command, or the other node appended first: not acknowledged.
            }
        }
    }

    private static String tally() {
        return "tally-" + ThreadLocalRandom.current().nextInt(TALLIES);
    }

    private void acknowledge(String id, long count, AtomicInteger counter) {
        acknowledged.merge(id, count, Math::max);
        counter.incrementAndGet();
    }

    /** Reads the restarted host's store through the second node's connection, as that node sees it. */
    private void verifyThrough(EmbeddedStore remote) throws InterruptedException {
        // The second node's pooled connections died with the host: the first use of each fails once, as a
        // command would (503), and the driver then opens new ones. The failure is a subclass (a read or write
        // exception), and ignoreException would let those through: it ignores the exact class only.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(com.mongodb.MongoSocketException.class)
                .until(() -> remote.database.runCommand(new org.bson.Document("ping", 1)) != null);
        // Positions the killed host took but never wrote are filled at once, as a processor does after its gap timeout.
        DocketEventStorageEngine engine = remote.engine(Duration.ZERO, System::nanoTime, NoOpEventUpcaster.INSTANCE);
        engine.readEvents(null, false).forEach(event -> {
        });
        for (int t = 0; t < TALLIES; t++) {
            String id = "tally-" + t;
            List<? extends DomainEventMessage<?>> stream = engine.readEvents(id, 0).asStream().toList();
            for (int i = 0; i < stream.size(); i++) {
                assertThat(((Tally.Bumped) stream.get(i).getPayload()).count()).as(id).isEqualTo(i + 1);
            }
            assertThat((long) stream.size()).as("events of " + id + " against the count either node acknowledged")
                    .isGreaterThanOrEqualTo(acknowledged.getOrDefault(id, 0L));
        }
        VerifyReport report = new StoreVerifier(remote.database, new Checkpointer(remote.database, 100, Duration.ZERO),
                Duration.ZERO).verify();
        assertThat(report.intact()).as(report.sentence()).isTrue();
    }
}
