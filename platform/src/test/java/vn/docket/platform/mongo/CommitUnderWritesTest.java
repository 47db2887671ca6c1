package vn.docket.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server writes a document and then, one by one, its index entries. A commit of the H2 file
 * taken between the two would, after a crash, leave a document that its unique index does not know: found
 * when scanning, missing when looked up by key, and open to a duplicate. Kills a process that commits
 * under a stream of inserts and checks every surviving document is found by its key.
 */
class CommitUnderWritesTest {

    private static final int ROUNDS = 4;

    @TempDir
    Path dataDir;

    @Test
    void after_a_crash_every_stored_document_is_found_through_its_unique_index() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Process child = start(round);
            awaitCommits(child, 5 + 3 * round);
            // The moment of the kill is what this test varies: somewhere inside a commit, not after a condition.
            Thread.sleep(ThreadLocalRandom.current().nextInt(20));
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
            try (DatabaseServer server = DatabaseServer.embedded(new MongoSettings.Embedded(dataDir.resolve("db").toString(), 0, "h2"));
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> docs = client.getDatabase("docket").getCollection(CommitUnderWritesChild.COLLECTION);
                List<Long> stored = new ArrayList<>();
                docs.find().forEach(d -> stored.add(d.getLong("_id")));
                assertThat(stored).as("documents after round " + round).isNotEmpty();
                long highest = stored.stream().mapToLong(Long::longValue).max().orElseThrow();
                for (String field : CommitUnderWritesChild.KEYS) {
                    List<Long> found = new ArrayList<>();
                    for (long from = 1; from <= highest; from += 500) {
                        List<String> keys = new ArrayList<>();
                        for (long id = from; id < from + 500 && id <= highest; id++) {
                            keys.add(field + "-" + id);
                        }
                        docs.find(Filters.in(field, keys)).forEach(d -> found.add(d.getLong("_id")));
                    }
                    Set<Long> missing = new TreeSet<>(stored);
                    missing.removeAll(found);
                    assertThat(missing).as("of %d documents after round %d, those the unique index on %s does not find",
                            stored.size(), round, field).isEmpty();
                    assertThat(found).as("documents the index on %s finds after round %d", field, round).hasSameSizeAs(stored);
                }
            }
        }
    }

    private Process start(int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                CommitUnderWritesChild.class.getName(), dataDir.resolve("db").toString());
        builder.redirectError(dataDir.resolve("child-" + round + ".log").toFile());
        return builder.start();
    }

    /** Waits until the child's writers have committed {@code count} batches: the kill then lands mid-stream. */
    private static void awaitCommits(Process child, int count) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int commits = 0;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("COMMITTED") && ++commits == count) {
                return;
            }
        }
        throw new IllegalStateException("child exited after " + commits + " commits");
    }
}
