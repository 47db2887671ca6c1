package vn.docket.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * At start Docket waits for its database longer than any later operation does: a node started before its database,
 * or whose first connection is slow on a loaded machine, starts once the database answers instead of failing.
 */
class AwaitDatabaseTest {

    @Test
    void a_database_that_comes_up_after_docket_starts_is_waited_for() throws Exception {
        int port = freePort();
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = client(port)) {
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> server.bind("127.0.0.1", port),
                    CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
            long start = System.nanoTime();

            MongoConfiguration.awaitDatabase(client.getDatabase("docket"), Duration.ofSeconds(20));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1000));
            later.join();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void a_database_that_never_answers_stops_the_start_once_the_patience_is_spent() throws Exception {
        try (MongoClient client = client(freePort())) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> MongoConfiguration.awaitDatabase(client.getDatabase("docket"), Duration.ofSeconds(1)))
                    .isInstanceOf(MongoTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    /** As Docket's own client: a short server-selection timeout. */
    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
