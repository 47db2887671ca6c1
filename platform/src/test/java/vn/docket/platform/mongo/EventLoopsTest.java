package vn.docket.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded server answers a command on the network thread that received it, and a durable write waits
 * there for its commit. Another connection must not wait behind it: a ping, a read or a health check from
 * the same process or a second one answers while writes wait.
 */
class EventLoopsTest {

    /** Writers held at once: more than the network threads Netty starts by default (two per core). */
    private static final int BLOCKED = 4 * Runtime.getRuntime().availableProcessors();

    @Test
    void a_ping_answers_at_once_while_many_connections_wait_for_a_commit() throws Exception {
        CountDownLatch commitHeld = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(BLOCKED);
        // The memory backend, with every insert into "held" waiting as a durable write waits for its commit.
        MemoryBackend backend = new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                if (command.equalsIgnoreCase("insert") && "held".equals(query.get(command))) {
                    arrived.countDown();
                    try {
                        commitHeld.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.handleCommand(channel, database, command, query);
            }
        };
        MongoServer server = DatabaseServer.listen(backend, 0, DatabaseServer.NETWORK_THREADS);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        ExecutorService writers = Executors.newFixedThreadPool(BLOCKED);
        try (MongoClient writing = MongoClients.create(uri)) {
            for (int i = 0; i < BLOCKED; i++) {
                int id = i;
                writers.submit(() -> writing.getDatabase("docket").getCollection("held")
                        .insertOne(new org.bson.Document("_id", id)));
            }
            // A writer whose network thread already holds another one never arrives: not waited for beyond this.
            arrived.await(10, TimeUnit.SECONDS);

            try (MongoClient second = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(uri))
                    .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                    .applyToSocketSettings(s -> s.readTimeout(2, TimeUnit.SECONDS)).build())) {
                long started = System.nanoTime();
                assertThatCode(() -> second.getDatabase("docket").runCommand(new org.bson.Document("ping", 1)))
                        .doesNotThrowAnyException();
                assertThatCode(() -> second.getDatabase("docket").getCollection("assignments").find().first())
                        .doesNotThrowAnyException();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            }
        } finally {
            commitHeld.countDown();
            writers.shutdown();
            writers.awaitTermination(30, TimeUnit.SECONDS);
            server.shutdownNow();
        }
    }
}
