package vn.docket.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unique indexes' faster key type changes nothing but the time: keys are in the order H2's own type
 * gives them, so a data file written before it is read, searched and checked for duplicates as before.
 */
class FastKeysH2BackendTest {

    static final int DOCUMENTS = 3_000;

    @TempDir
    Path data;

    @Test
    void two_index_keys_compare_as_h2s_default_key_type_compares_them() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            keys.add(switch (random.nextInt(6)) {
                case 0 -> new KeyValue(random.nextLong());
                case 1 -> new KeyValue(random.nextInt(1_000));
                case 2 -> new KeyValue("Phòng Tài chính - Kế hoạch " + random.nextInt(500));
                case 3 -> new KeyValue("assignment:" + new UUID(random.nextLong(), random.nextLong()));
                case 4 -> new KeyValue(random.nextDouble());
                default -> new KeyValue("audit-log", random.nextInt(4));
            });
        }
        ObjectDataType h2 = new ObjectDataType();
        FastKeysH2Backend.KeyType fast = new FastKeysH2Backend.KeyType();
        // More keys than the cache holds, each compared many times: hits, misses and evictions.
        for (int n = 0; n < 200_000; n++) {
            KeyValue a = keys.get(random.nextInt(keys.size()));
            KeyValue b = random.nextInt(10) == 0 ? new KeyValue(a.get(0)) : keys.get(random.nextInt(keys.size()));
            assertThat(Integer.signum(fast.compare(a, b))).as("%s against %s", a, b)
                    .isEqualTo(Integer.signum(h2.compare(a, b)));
        }
    }

    @Test
    void a_data_file_written_before_is_read_searched_and_checked_for_duplicates_as_before() {
        String file = data.resolve("docket.mv").toString();
        // Written by the plain H2 backend, whose index maps use H2's default key type.
        H2Backend before = new H2Backend(file);
        MongoServer server = new MongoServer(before);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> events = events(client);
            events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
            for (long i = 1; i <= DOCUMENTS; i++) {
                events.insertOne(new Document("_id", i).append("streamKey", "assignment:" + i % 1_000 + ":" + i / 1_000));
            }
        } finally {
            server.shutdownNow();
            before.close();
        }

        WholeWritesH2Backend after = new WholeWritesH2Backend(file, Duration.ZERO);
        server = new MongoServer(after);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> events = events(client);
            assertThat(after.getMvStore().openMap(FastKeysH2Backend.indexMapName("docket.docket_events", "streamKey_1"))
                    .getKeyType()).as("the index map, opened by its name").isInstanceOf(FastKeysH2Backend.KeyType.class);
            LongStream.rangeClosed(1, DOCUMENTS).forEach(i -> {
                assertThat(events.find(Filters.eq("_id", i)).first()).as("by _id %d", i).isNotNull();
                assertThat(events.find(Filters.eq("streamKey", "assignment:" + i % 1_000 + ":" + i / 1_000)).first())
                        .as("by stream key %d", i).containsEntry("_id", i);
            });
            assertThat(events.find(Filters.in("_id", List.of(5L, 1_500L, 2_999L, 9_999L))).into(new ArrayList<>()))
                    .hasSize(3);
            assertThatThrownBy(() -> events.insertOne(new Document("_id", 99_999L).append("streamKey", "assignment:7:2")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> events.insertOne(new Document("_id", 42L).append("streamKey", "new")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            events.insertOne(new Document("_id", (long) DOCUMENTS + 1).append("streamKey", "assignment:new"));
            assertThat(events.find(Filters.eq("streamKey", "assignment:new")).first()).isNotNull();
        } finally {
            server.shutdownNow();
            after.close();
        }
    }

    @Test
    void an_index_key_is_written_with_exactly_the_bytes_h2s_default_key_type_writes() {
        Random random = new Random(11);
        ObjectDataType h2 = new ObjectDataType();
        FastKeysH2Backend.KeyType fast = new FastKeysH2Backend.KeyType();
        for (int n = 0; n < 5_000; n++) {
            Object key = switch (random.nextInt(4)) {
                case 0 -> new KeyValue("assignment:" + new UUID(random.nextLong(), random.nextLong()));
                case 1 -> new KeyValue(random.nextLong());
                case 2 -> new KeyValue("Phòng Tư pháp " + random.nextInt(100), random.nextInt(9));
                default -> "not a key value " + n;
            };
            if (random.nextBoolean()) {
                fast.compare(key, key instanceof KeyValue ? new KeyValue(n) : key); // its bytes cached, or not
            }
            assertThat(written(fast, key)).as("%s", key).isEqualTo(written(h2, key));
        }
    }

    /** As on a real MongoDB: {@code j: true} is answered once the write is in the file, in any collection. */
    @Test
    void a_write_that_asks_for_the_journal_is_in_the_file_when_it_is_answered() {
        WholeWritesH2Backend backend = new WholeWritesH2Backend(data.resolve("docket.mv").toString(), Duration.ZERO);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> chunks = client.getDatabase("docket").getCollection("file_chunks");
            chunks.insertOne(new Document("_id", "first").append("data", new byte[64]));
            chunks.withWriteConcern(WriteConcern.JOURNALED)
                    .insertOne(new Document("_id", "second").append("data", new byte[64]));
            assertThat(backend.getMvStore().hasUnsavedChanges()).as("changes not yet in the file").isFalse();
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    /** A token is shown to its owner once, when issued: answered before it is in the file, a crash then lost it. */
    @Test
    void a_personal_access_token_is_in_the_file_when_its_issue_is_answered() {
        WholeWritesH2Backend backend = new WholeWritesH2Backend(data.resolve("docket.mv").toString(), Duration.ZERO);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            client.getDatabase("docket").getCollection("access_tokens")
                    .insertOne(new Document("_id", "sha-256 of the token").append("userId", "qldt"));
            assertThat(backend.getMvStore().hasUnsavedChanges()).as("changes not yet in the file").isFalse();
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    /** Kept only for collStats, which Docket never asks, by encoding each document written once more. */
    @Test
    void a_collection_does_not_keep_its_data_size() {
        WholeWritesH2Backend backend = new WholeWritesH2Backend(data.resolve("docket.mv").toString(), Duration.ZERO);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> events = events(client);
            events.insertOne(new Document("_id", 1L).append("streamKey", "assignment:1:0"));
            events.updateOne(Filters.eq("_id", 1L), new Document("$set", new Document("payload", "Báo cáo")));
            events.insertOne(new Document("_id", 2L).append("streamKey", "assignment:2:0"));
            events.deleteOne(Filters.eq("_id", 2L));
            assertThat(backend.getMvStore().openMap(FastKeysH2Backend.META_PREFIX + "docket.docket_events").get("dataSize"))
                    .isEqualTo(0L);
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    /**
     * H2 sizes an index's pages, and fills its cache, by its estimate of each key's memory, which its own write kept
     * up to date: twice the serialized size, averaged over the keys written.
     */
    @Test
    void a_keys_memory_is_estimated_from_the_keys_written_as_h2s_own_write_kept_it() {
        FastKeysH2Backend.KeyType fast = new FastKeysH2Backend.KeyType();
        int serialized = 0;
        for (int n = 0; n < 200; n++) {
            serialized = written(fast, new KeyValue("assignment:" + n)).length;
        }

        assertThat(fast.getMemory(new KeyValue("assignment:7"))).isBetween(serialized, 3 * serialized);
    }

    @Test
    void a_keys_memory_is_estimated_from_the_keys_read_from_the_file_too() {
        KeyValue key = new KeyValue("assignment:" + UUID.randomUUID());
        byte[] stored = written(new FastKeysH2Backend.KeyType(), key);
        FastKeysH2Backend.KeyType restarted = new FastKeysH2Backend.KeyType();

        for (int n = 0; n < 200; n++) {
            assertThat(restarted.read(ByteBuffer.wrap(stored))).isEqualTo(key);
        }

        assertThat(restarted.getMemory(new KeyValue("assignment:7"))).as("twice the stored size, as for those written")
                .isBetween(stored.length, 3 * stored.length);
    }

    private static byte[] written(ObjectDataType type, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        byte[] result = new byte[bytes.remaining()];
        bytes.get(result);
        return result;
    }

    private static MongoCollection<Document> events(MongoClient client) {
        return client.getDatabase("docket").getCollection("docket_events");
    }
}
