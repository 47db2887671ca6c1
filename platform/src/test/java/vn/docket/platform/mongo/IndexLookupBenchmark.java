package vn.docket.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The embedded server's H2 backend as mongo-java-server ships it (H2's default types: Java serialization)
 * against Docket's ({@link WholeWritesH2Backend} on {@link FastKeysH2Backend}), in the same run: events read by
 * {@code _id} in windows of 128 as a processor catching up reads them; single finds by a unique stream key as
 * a command loads its assignment; and what a create writes (its event, committed, then six read-model
 * documents and a processor's token). Rounds alternate between the two; the medians and their ratio are
 * printed. Run through bench/keys.sh.
 */
public final class IndexLookupBenchmark {

    static final int DOCUMENTS = 20_000;
    static final int SINGLE_FINDS = 5_000;
    static final int CREATES = 1_000;

    private IndexLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("docket-keys-bench");
        long[][] windows = new long[2][rounds];
        long[][] singles = new long[2][rounds];
        long[][] writes = new long[2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int fast = 0; fast < 2; fast++) {
                String file = dir.resolve("round" + round + "-" + fast + ".mv").toString();
                H2Backend backend = fast == 1 ? new WholeWritesH2Backend(file, Duration.ZERO) : new H2Backend(file);
                MongoServer server = new MongoServer(backend);
                try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
                    long[] times = measure(client.getDatabase("docket").getCollection("docket_events"));
                    windows[fast][round] = times[0];
                    singles[fast][round] = times[1];
                    writes[fast][round] = creates(client.getDatabase("writes"), backend, fast == 1);
                } finally {
                    server.shutdownNow();
                    backend.close();
                }
                System.err.printf(Locale.ROOT, "round %d of %d, %s: %d ms, %d ms, %d ms%n", round + 1, rounds,
                        fast == 1 ? "Docket's" : "H2's", windows[fast][round], singles[fast][round], writes[fast][round]);
            }
        }
        System.out.printf(Locale.ROOT, "%-46s %12s %12s %7s%n", "median of " + rounds + " rounds, ms", "H2's",
                "Docket's", "ratio");
        print(String.format(Locale.ROOT, "%,d events by _id, windows of 128", DOCUMENTS), windows);
        print(String.format(Locale.ROOT, "%,d single finds by stream key", SINGLE_FINDS), singles);
        print(String.format(Locale.ROOT, "%,d creates' writes, a commit each", CREATES), writes);
    }

    /**
     * What a create asks of the server, single-threaded: its event (a durable write: Docket's backend commits
     * before answering; the plain one is asked to commit), then a read-model document each for six
     * projections, replaced by {@code _id}, and a processor's token updated. Returns the time in ms.
     */
    private static long creates(MongoDatabase database, H2Backend backend, boolean commitsByItself) {
        MongoCollection<Document> events = database.getCollection("docket_events");
        List<MongoCollection<Document>> models = new ArrayList<>();
        for (String name : List.of("assignments", "audit_log", "plan_path_steps", "notification_tasks",
                "report_timelines", "revision_cycles")) {
            models.add(database.getCollection(name));
        }
        MongoCollection<Document> tokens = database.getCollection("trackingtokens");
        tokens.insertOne(new Document("_id", "token").append("processorName", "list").append("segment", 0)
                .append("token", new Binary(new byte[64])));
        long start = System.nanoTime();
        for (int i = 1; i <= CREATES; i++) {
            String id = UUID.randomUUID().toString();
            events.insertOne(new Document("_id", (long) i).append("streamKey", "assignment:" + id + ":0")
                    .append("type", "TaskAssigned").append("payload", "{\"title\":\"Xây dựng Kế hoạch thực hiện"
                            + " nhiệm vụ số " + i + "\",\"leadUnit\":\"Sở Tài chính\",\"deadline\":\"2027-03-31\"}"));
            if (!commitsByItself) {
                backend.commit();
            }
            for (MongoCollection<Document> model : models) {
                model.replaceOne(Filters.eq("_id", id), readModel(id, i), new ReplaceOptions().upsert(true));
            }
            tokens.updateOne(Filters.eq("_id", "token"), Updates.set("token", new Binary(new byte[64])));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Document readModel(String id, int i) {
        List<Document> steps = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            steps.add(new Document("level", "Phó Chủ tịch UBND thành phố").append("at", new Date()).append("n", n));
        }
        return new Document("_id", id).append("title", "Xây dựng Kế hoạch thực hiện nhiệm vụ số " + i)
                .append("leadUnit", "Sở Tài chính").append("coordinators", List.of("Sở Nội vụ", "Sở Tư pháp"))
                .append("status", "ASSIGNED").append("deadline", "2027-03-31").append("seq", (long) i)
                .append("steps", steps);
    }

    private static long[] measure(MongoCollection<Document> events) {
        List<Document> batch = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (long i = 1; i <= DOCUMENTS; i++) {
            String key = "assignment:" + UUID.randomUUID() + ":0";
            keys.add(key);
            batch.add(new Document("_id", i).append("streamKey", key)
                    .append("payload", "{\"title\":\"Báo cáo kết quả thực hiện nhiệm vụ số " + i + "\"}"));
            if (batch.size() == 500) {
                events.insertMany(batch);
                batch.clear();
            }
        }
        events.createIndex(new Document("streamKey", 1), new com.mongodb.client.model.IndexOptions().unique(true));
        long start = System.nanoTime();
        for (long from = 1; from <= DOCUMENTS; from += 128) {
            List<Long> ids = new ArrayList<>();
            for (long i = from; i < from + 128 && i <= DOCUMENTS; i++) {
                ids.add(i);
            }
            events.find(Filters.in("_id", ids)).into(new ArrayList<>());
        }
        long windows = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < SINGLE_FINDS; i++) {
            events.find(Filters.eq("streamKey", keys.get(i * (DOCUMENTS / SINGLE_FINDS)))).first();
        }
        long singles = System.nanoTime() - start;
        return new long[] {windows / 1_000_000, singles / 1_000_000};
    }

    private static void print(String what, long[][] times) {
        long plain = median(times[0]);
        long fast = median(times[1]);
        System.out.printf(Locale.ROOT, "%-46s %12d %12d %7.2f%n", what, plain, fast, (double) plain / fast);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
