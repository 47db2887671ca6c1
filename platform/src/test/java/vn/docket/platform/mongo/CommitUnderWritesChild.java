package vn.docket.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The process {@link CommitUnderWritesTest} kills: the embedded H2 server in a given directory, writers
 * inserting batches of documents with unique keys as fast as they can, each committing after its batch.
 */
public final class CommitUnderWritesChild {

    static final String COLLECTION = "docs";
    /** Several unique keys and batches of documents widen the time one insert spends between its writes. */
    static final List<String> KEYS = List.of("key", "key2", "key3");
    private static final int WRITERS = 4;
    private static final int BATCH = 100;

    public static void main(String[] args) throws Exception {
        DatabaseServer server = DatabaseServer.embedded(new MongoSettings.Embedded(args[0], 0, "h2"));
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> docs = client.getDatabase("docket").getCollection(COLLECTION);
        for (String field : KEYS) {
            docs.createIndex(Indexes.ascending(field), new IndexOptions().unique(true));
        }
        Document highest = docs.find().sort(Sorts.descending("_id")).limit(1).first();
        AtomicLong ids = new AtomicLong(highest == null ? 0 : highest.getLong("_id"));
        for (int w = 0; w < WRITERS; w++) {
            Thread writer = new Thread(() -> {
                try {
                    writeUntilKilled(server, docs, ids);
                } catch (RuntimeException e) {
                    e.printStackTrace();
                    System.exit(1);
                }
            });
            writer.setDaemon(true);
            writer.start();
        }
        Thread.sleep(Long.MAX_VALUE); // the writers run until the test kills this process; nothing to wait for
    }

    private static void writeUntilKilled(DatabaseServer server, MongoCollection<Document> docs, AtomicLong ids) {
        while (true) {
            long last = ids.addAndGet(BATCH);
            List<Document> batch = new ArrayList<>();
            for (long id = last - BATCH + 1; id <= last; id++) {
                Document doc = new Document("_id", id);
                for (String field : KEYS) {
                    doc.append(field, field + "-" + id);
                }
                batch.add(doc);
            }
            docs.insertMany(batch);
            server.flush(); // a commit after each batch, while the other writers are in the middle of theirs
            System.out.println("COMMITTED");
        }
    }
}
