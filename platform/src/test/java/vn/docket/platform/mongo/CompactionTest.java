package vn.docket.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every durable write is a commit, and every commit a new chunk of the data file; H2 keeps the replaced
 * ones for a while and never gives the space back by itself. Compaction hands it back and keeps every
 * document.
 */
class CompactionTest {

    static final int WRITES = 3_000;

    @TempDir
    Path data;

    DatabaseServer open() {
        return DatabaseServer.embedded(new MongoSettings.Embedded(data.toString(), 0, "h2"));
    }

    @Test
    void compacting_after_thousands_of_small_writes_shrinks_the_file_and_keeps_every_document() {
        long[] sizes;
        try (DatabaseServer server = open(); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("docket").getCollection("docket_events");
            for (int i = 1; i <= WRITES; i++) {
                events.insertOne(new Document("_id", (long) i).append("aggregateIdentifier", "a" + (i % 50))
                        .append("payload", "{\"title\":\"Báo cáo số " + i + "\"}"));
            }
            sizes = server.compact();
            System.out.printf("Data file after %,d single-document commits: %,d bytes; compacted: %,d bytes%n",
                    WRITES, sizes[0], sizes[1]);
            assertThat(sizes[1]).isLessThan(sizes[0] / 10);
            // Writes go on after a compaction.
            events.insertOne(new Document("_id", (long) WRITES + 1).append("payload", "after"));
        }
        try (DatabaseServer server = open(); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("docket").getCollection("docket_events");
            assertThat(events.countDocuments()).isEqualTo(WRITES + 1);
            assertThat(events.find(Filters.eq("_id", 1234L)).first()).containsEntry("payload", "{\"title\":\"Báo cáo số 1234\"}");
        }
    }
}
