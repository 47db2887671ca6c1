package vn.docket.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that Docket does not commit at once (read models, tokens, users) go into the file with the
 * once-a-second background commit. A normal shutdown that comes while that commit is writing must still
 * leave all of them in the file.
 */
class ShutdownDuringCommitTest {

    private static final int ROUNDS = 3;
    private static final int WRITES = 2_000;

    @TempDir
    Path dataDir;

    private DatabaseServer open() {
        return DatabaseServer.embedded(new MongoSettings.Embedded(dataDir.toString(), 0, "h2"));
    }

    @Test
    void a_shutdown_while_the_background_commit_writes_keeps_every_accepted_write() throws Exception {
        long written = 0;
        for (int round = 0; round < ROUNDS; round++) {
            DatabaseServer server = open();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> readModel = client.getDatabase("docket").getCollection("assignments");
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < WRITES; i++) {
                    batch.add(new Document("_id", ++written).append("title", "Báo cáo tiến độ giải phóng mặt bằng ".repeat(40)));
                    if (batch.size() == 100) {
                        readModel.insertMany(batch);
                        batch.clear();
                    }
                }
            }
            awaitBackgroundCommitWriting();
            server.close();
            try (DatabaseServer again = open(); MongoClient client = MongoClients.create(again.connectionString())) {
                assertThat(client.getDatabase("docket").getCollection("assignments").countDocuments())
                        .as("writes in the file after shutdown " + (round + 1)).isEqualTo(written);
            }
        }
    }

    /**
     * Waits until the once-a-second commit is inside H2's store, so the shutdown meets it mid-write. Polled every
     * millisecond on this thread: the store is written for a short moment each second.
     */
    private static void awaitBackgroundCommitWriting() {
        await("the background commit writing").atMost(Duration.ofSeconds(5)).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> Thread.getAllStackTraces().entrySet().stream().anyMatch(entry ->
                        entry.getKey().getName().equals("docket-database-commit") && Arrays.stream(entry.getValue())
                                .anyMatch(f -> f.getClassName().startsWith("org.h2.mvstore") && f.getMethodName().startsWith("store"))));
    }
}
