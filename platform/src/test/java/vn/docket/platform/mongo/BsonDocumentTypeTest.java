package vn.docket.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents written as BSON come back exactly as they went in (same values, same Java types, same field
 * order), and a data file whose documents were written by H2's Java serialization is read as before.
 */
class BsonDocumentTypeTest {

    @TempDir
    Path data;

    @Test
    void a_document_is_written_as_bson_and_read_back_with_the_same_values_types_and_order() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "assignment:7")
                .append("title", "Xây dựng Kế hoạch chuyển đổi số năm 2027")
                .append("leadUnit", "Sở Khoa học và Công nghệ")
                .append("round", 3)
                .append("seq", 5_000_000_000L)
                .append("share", 0.75)
                .append("overdue", false)
                .append("note", null)
                .append("recordedAt", Instant.parse("2026-12-05T01:02:03.456Z"))
                .append("owner", new ObjectId())
                .append("node", UUID.fromString("4f1c2a9e-8a57-4a3b-9d7e-0c5b6f2e1d00"))
                .append("steps", new ArrayList<>(List.of(
                        new de.bwaldvogel.mongo.bson.Document("level", "Phó Chủ tịch UBND").append("n", 1),
                        new de.bwaldvogel.mongo.bson.Document("level", "Ban Thường vụ Thành ủy").append("n", 2))))
                .append("words", new ArrayList<>(List.of("xay", "dung", "ke", "hoach")));
        BsonDocumentType type = new BsonDocumentType();

        ByteBuffer written = written(type, document);

        assertThat(written.get(0)).isEqualTo(BsonDocumentType.BSON);
        Object read = type.read(written);
        assertThat(read).isEqualTo(document);
        assertThat(((de.bwaldvogel.mongo.bson.Document) read).get("round")).isInstanceOf(Integer.class);
        assertThat(((de.bwaldvogel.mongo.bson.Document) read).get("seq")).isInstanceOf(Long.class);
        assertThat(written.remaining()).as("nothing left behind the document").isZero();
    }

    /**
     * Every kind of value a client can store comes back after a restart exactly as from the plain H2 backend (Java
     * serialization), read through the driver as Docket reads it: same values, same Java types, same order.
     */
    @Test
    void every_kind_of_value_comes_back_after_a_restart_as_the_plain_h2_backend_gives_it_back() {
        List<org.bson.Document> stored = List.of(
                new org.bson.Document("_id", 1).append("date", new Date(1_700_000_000_123L)).append("small", 5L)
                        .append("int", 5).append("max", Long.MAX_VALUE).append("flag", true).append("none", null),
                new org.bson.Document("_id", 2L).append("nan", Double.NaN).append("negativeZero", -0.0)
                        .append("infinity", Double.NEGATIVE_INFINITY).append("decimal", Decimal128.parse("-0.00"))
                        .append("decimalNaN", Decimal128.NaN).append("big", new Decimal128(new BigDecimal("12345678901234567890.123"))),
                new org.bson.Document("_id", "binary").append("standard", UUID.fromString("4f1c2a9e-8a57-4a3b-9d7e-0c5b6f2e1d00"))
                        .append("legacy", new Binary((byte) 3, new byte[16])).append("bytes", new byte[] {1, 2, 3})
                        .append("userDefined", new Binary((byte) 0x80, new byte[] {4})).append("owner", new org.bson.types.ObjectId())
                        .append("timestamp", new BsonTimestamp(1_700_000_000, 7)),
                new org.bson.Document("_id", new org.bson.Document("unit", "UBND").append("n", 4))
                        .append("nested", new org.bson.Document("a", new org.bson.Document("b", List.of(1, 2L, "x"))))
                        .append("lists", List.of(List.of(1, 2), List.of(), List.of(List.of("x")))).append("empty", new org.bson.Document())
                        .append("keys", new org.bson.Document("a.b", 1).append("$x", 2)),
                new org.bson.Document("_id", UUID.fromString("4f1c2a9e-8a57-4a3b-9d7e-0c5b6f2e1d01"))
                        .append("long", "Ủy ban nhân dân ".repeat(100_000))
                        .append("nfd", Normalizer.normalize("Nguyễn Thị Ánh Tuyết", Normalizer.Form.NFD))
                        .append("nfc", Normalizer.normalize("Nguyễn Thị Ánh Tuyết", Normalizer.Form.NFC))
                        .append("emoji", "\uD83D\uDE00").append("nul", "a\u0000b"),
                new org.bson.Document("_id", new Date(5)).append("pattern", Pattern.compile("^abc", Pattern.CASE_INSENSITIVE))
                        .append("regex", new BsonRegularExpression("a.c", "imsx")).append("maxKey", new MaxKey())
                        .append("minKey", new MinKey()).append("code", new Code("function(){}")).append("undefined", new BsonUndefined()));

        assertThat(storedAndReadAfterRestart(stored, new WholeWritesH2Backend(data.resolve("bson.mv").toString(), Duration.ZERO),
                () -> new WholeWritesH2Backend(data.resolve("bson.mv").toString(), Duration.ZERO)))
                .isEqualTo(storedAndReadAfterRestart(stored, new H2Backend(data.resolve("plain.mv").toString()),
                        () -> new H2Backend(data.resolve("plain.mv").toString())))
                .hasSize(stored.size());
    }

    private static List<org.bson.Document> storedAndReadAfterRestart(List<org.bson.Document> stored, H2Backend backend,
                                                                     Supplier<H2Backend> restarted) {
        inServer(backend, documents -> {
            documents.insertMany(stored);
            return null;
        });
        List<org.bson.Document> read = new ArrayList<>();
        inServer(restarted.get(), documents -> documents.find().into(read));
        return read;
    }

    /**
     * A unique index's keys were built from documents in Java serialization; once a document is rewritten as BSON
     * and read back after a restart, the keys built from it are still those in the index: a change of key or a
     * removal frees the old one, and the new one is taken, for every kind of value a key can hold.
     */
    @Test
    void index_keys_built_before_still_match_their_documents_once_rewritten_as_bson_and_read_after_a_restart() {
        String file = data.resolve("docket.mv").toString();
        List<Object> keys = List.of(1, 2L, 1L << 60, 3.5, new Date(1_700_000_000_000L), UUID.fromString("4f1c2a9e-8a57-4a3b-9d7e-0c5b6f2e1d00"),
                new org.bson.types.ObjectId("6b137fd92947366a8c1a4b36"), "Sở Nội vụ", Decimal128.parse("7.25"),
                new org.bson.Document("unit", "UBND").append("n", 4), List.of("x", "y"), true, new Binary(new byte[] {1, 2}));
        inServer(new H2Backend(file), documents -> {
            documents.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true));
            for (int i = 0; i < keys.size(); i++) {
                documents.insertOne(new org.bson.Document("_id", i).append("k", keys.get(i)));
            }
            return null;
        });
        inServer(new WholeWritesH2Backend(file, Duration.ZERO), documents ->
                documents.updateMany(Filters.exists("k"), Updates.set("rewritten", true)));

        inServer(new WholeWritesH2Backend(file, Duration.ZERO), documents -> {
            for (int i = 0; i < keys.size(); i++) {
                Object key = keys.get(i);
                assertThat(documents.find(Filters.eq("k", key)).first()).as("by %s", key).containsEntry("_id", i)
                        .containsEntry("rewritten", true);
                documents.updateOne(Filters.eq("_id", i), Updates.set("k", "changed " + i));
            }
            for (int i = 0; i < keys.size(); i++) {
                int n = i;
                documents.insertOne(new org.bson.Document("_id", "again " + i).append("k", keys.get(i)));
                assertThatThrownBy(() -> documents.insertOne(new org.bson.Document("_id", "taken " + n).append("k", "changed " + n)))
                        .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            }
            return null;
        });
    }

    @Test
    void a_value_bson_cannot_carry_is_written_as_h2_writes_it() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "x")
                .append("when", new Date(0));
        BsonDocumentType type = new BsonDocumentType();

        ByteBuffer written = written(type, document);

        assertThat(written.get(0)).as("H2's tag for a serialized object").isEqualTo((byte) 19);
        assertThat(type.read(written)).isEqualTo(document);
    }

    @Test
    void documents_written_before_in_java_serialization_are_read_changed_and_read_again_after_a_restart() {
        String file = data.resolve("docket.mv").toString();
        List<org.bson.Document> stored = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            stored.add(new org.bson.Document("_id", "assignment:" + i)
                    .append("title", "Báo cáo tình hình thực hiện nhiệm vụ số " + i)
                    .append("round", i % 4).append("seq", (long) i << 33).append("share", i / 7.0)
                    .append("open", i % 2 == 0).append("none", null).append("at", new Date(1_700_000_000_000L + i))
                    .append("node", new UUID(i, -i)).append("hash", new Binary(new byte[] {1, 2, (byte) i}))
                    .append("amount", Decimal128.parse(i + ".25"))
                    .append("steps", List.of(new org.bson.Document("level", "Chủ tịch UBND").append("n", i))));
        }
        // Written by the plain H2 backend: every document in Java serialization.
        H2Backend before = new H2Backend(file);
        Set<String> maps = new HashSet<>();
        inServer(before, documents -> {
            documents.insertMany(stored);
            return maps.addAll(before.getMvStore().getMapNames());
        });

        WholeWritesH2Backend after = new WholeWritesH2Backend(file, Duration.ZERO);
        inServer(after, documents -> {
            assertThat(documents.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(after.getMvStore().getMapNames()).as("the collection's maps, opened by their names")
                    .containsExactlyInAnyOrderElementsOf(maps);
            assertThat(after.getMvStore().openMap(FastKeysH2Backend.DATA_PREFIX + "docket.documents").getValueType())
                    .isInstanceOf(BsonDocumentType.class);
            documents.updateMany(Filters.in("_id", "assignment:1", "assignment:250", "assignment:499"),
                    Updates.set("title", "Đã sửa"));
            return null;
        });
        stored.forEach(document -> {
            if (List.of("assignment:1", "assignment:250", "assignment:499").contains(document.getString("_id"))) {
                document.put("title", "Đã sửa");
            }
        });

        inServer(new WholeWritesH2Backend(file, Duration.ZERO), documents -> {
            assertThat(documents.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(stored);
            return null;
        });
    }

    /**
     * The embedded server lets an update grow a document past BSON's 16 MB (a real MongoDB refuses it), and the
     * server's BSON decoder refuses to read one that large: written as BSON, it made its page, and with it the
     * collection and the whole data file, unreadable at the next start. It is kept in H2's serialization.
     */
    @Test
    void a_document_an_update_grew_past_16_mb_is_read_back_with_its_neighbours_after_a_restart() {
        String file = data.resolve("docket.mv").toString();
        org.bson.Document neighbour = new org.bson.Document("_id", "assignment:1").append("title", "Báo cáo quý IV");
        inServer(new WholeWritesH2Backend(file, Duration.ZERO), documents -> {
            documents.insertOne(neighbour);
            documents.insertOne(new org.bson.Document("_id", "large").append("a", new Binary(new byte[10_000_000])));
            return documents.updateOne(Filters.eq("_id", "large"), Updates.set("b", new Binary(new byte[7_000_000])));
        });

        inServer(new WholeWritesH2Backend(file, Duration.ZERO), documents -> {
            assertThat(documents.find(Filters.eq("_id", "assignment:1")).first()).isEqualTo(neighbour);
            org.bson.Document large = documents.find(Filters.eq("_id", "large")).first();
            assertThat(large.get("a", Binary.class).length()).isEqualTo(10_000_000);
            assertThat(large.get("b", Binary.class).length()).isEqualTo(7_000_000);
            return null;
        });
    }

    /**
     * H2 asks for the memory of every document on every page it reads from the file: an estimate from the documents
     * written (as H2 estimates a serialized value), not each document encoded again.
     */
    @Test
    void a_documents_memory_is_estimated_from_those_written_without_encoding_it_again() {
        BsonDocumentType type = new BsonDocumentType();
        de.bwaldvogel.mongo.bson.Document small = new de.bwaldvogel.mongo.bson.Document("_id", "a").append("n", 1);
        for (int i = 0; i < 200; i++) {
            written(type, small);
        }
        de.bwaldvogel.mongo.bson.Document large = new de.bwaldvogel.mongo.bson.Document("_id", "b")
                .append("text", "Báo cáo ".repeat(100_000));

        assertThat(type.getMemory(large)).as("twice the small documents' stored size").isBetween(20, 100);
    }

    /**
     * After a restart nothing is written for a while, and H2 sizes the pages it reads, and fills its cache (16 MB), by
     * its estimate of their documents: those read count as those written do, as H2's own type counts a serialized
     * value it reads. Counted at the first guess (1 KB), a file's 255 KB chunks filled the heap with pages the cache
     * took for a few KB each: reading them all after a restart kept them all.
     */
    @Test
    void a_documents_memory_is_estimated_from_those_read_from_the_file_too() {
        de.bwaldvogel.mongo.bson.Document chunk = new de.bwaldvogel.mongo.bson.Document("_id", "up-1/0")
                .append("data", new BinData(new byte[255 * 1024]));
        ByteBuffer stored = written(new BsonDocumentType(), chunk);
        int size = stored.remaining() - 1;
        BsonDocumentType restarted = new BsonDocumentType();

        for (int i = 0; i < 200; i++) {
            restarted.read(stored.duplicate());
        }

        assertThat(restarted.getMemory(chunk)).as("twice the stored size, as for those written").isBetween(size, 3 * size);
    }

    @Test
    void after_a_restart_the_pages_read_from_the_file_count_for_at_least_the_documents_on_them() {
        String file = data.resolve("docket.mv").toString();
        int chunks = 200;
        int bytes = 64 * 1024;
        inServer(new WholeWritesH2Backend(file, Duration.ZERO), documents -> {
            for (int i = 0; i < chunks; i++) {
                documents.insertOne(new org.bson.Document("_id", "up-1/" + i).append("data", new Binary(new byte[bytes])));
            }
            return null;
        });

        WholeWritesH2Backend restarted = new WholeWritesH2Backend(file, Duration.ZERO);
        inServer(restarted, documents -> {
            assertThat(documents.find().into(new ArrayList<>())).hasSize(chunks);
            Page<?, ?> root = restarted.getMvStore().openMap(FastKeysH2Backend.DATA_PREFIX + "docket.documents").getRootPage();
            assertThat(memory(root)).as("H2's estimate of the pages read").isGreaterThan((long) chunks * bytes);
            return null;
        });
    }

    /** H2's estimate of the memory of a map's leaf pages (the documents), read through its cache. */
    private static long memory(Page<?, ?> page) {
        if (page.isLeaf()) {
            return page.getMemory();
        }
        long memory = 0;
        for (int i = 0; i < page.getRawChildPageCount(); i++) {
            memory += memory(page.getChildPage(i));
        }
        return memory;
    }

    private static ByteBuffer written(BsonDocumentType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return written;
    }

    private static void inServer(H2Backend backend, Function<MongoCollection<org.bson.Document>, ?> work) {
        MongoServer server = new MongoServer(backend);
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(server.bindAndGetConnectionString()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build();
        try (MongoClient client = MongoClients.create(settings)) {
            work.apply(client.getDatabase("docket").getCollection("documents"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
