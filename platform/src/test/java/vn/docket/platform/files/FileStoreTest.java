package vn.docket.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.docket.platform.Sha256;
import vn.docket.events.DocumentFile;
import vn.docket.events.DraftSubmitted;
import vn.docket.platform.eventstore.EmbeddedStore;
import vn.docket.platform.testing.MutableClock;

class FileStoreTest {

    final EmbeddedStore db = EmbeddedStore.inMemory();
    final MutableClock clock = new MutableClock(java.time.LocalDate.of(2026, 3, 2));
    final FileStore store = new FileStore(db.database, clock);
    final MongoCollection<Document> files = db.database.getCollection(FileStore.FILES);
    final MongoCollection<Document> chunks = db.database.getCollection(FileStore.CHUNKS);

    @AfterEach
    void close() {
        db.close();
    }

    /** The id of a stored file's chunk {@code n}, wherever its description says its chunks are. */
    String chunk(String sha, int n) {
        String upload = files.find(Filters.eq("_id", sha)).first().getString("chunksOf");
        return (upload != null ? upload : sha) + "/" + n;
    }

    static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    @Test
    void a_file_of_several_chunks_reads_back_byte_for_byte_under_its_sha256() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 3 + 17, 1);
        String sha = Sha256.hex(content);
        assertThat(store.put(sha, content, new Document("mediaType", "application/pdf"))).isTrue();
        assertThat(store.content(sha)).isEqualTo(content);
        assertThat(store.describe(sha).getLong("size")).isEqualTo(content.length);
        assertThat(chunks.countDocuments()).isEqualTo(4);
    }

    @Test
    void the_same_bytes_handed_in_twice_are_stored_once() {
        byte[] content = bytes(FileStore.CHUNK_BYTES + 5, 2);
        String sha = Sha256.hex(content);
        assertThat(store.put(sha, content, new Document())).isTrue();
        assertThat(store.put(sha, content, new Document())).isFalse();
        assertThat(files.countDocuments()).isEqualTo(1);
        assertThat(chunks.countDocuments()).isEqualTo(2);
    }

    @Test
    void a_file_refused_by_its_reader_after_its_chunks_were_written_leaves_no_chunk_behind() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 2 + 9, 11);
        String sha = Sha256.hex(content);
        FileStore.Upload upload = store.upload();
        FileStore.chunked(content).forEach(upload::write);
        assertThatThrownBy(() -> upload.finish(sha, () -> {
            throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-zip-bomb", "A zip bomb (test)");
        })).isInstanceOf(FileRefused.class);
        assertThat(chunks.countDocuments()).isZero();
        assertThat(files.countDocuments()).isZero();
    }

    @Test
    void chunks_stored_the_old_way_before_a_crash_are_invisible_and_swept_once_an_hour_old() {
        byte[] content = "Dự thảo Kế hoạch".getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(content);
        // A crash between the chunks and the description, as Docket wrote them before uploads had ids.
        chunks.insertOne(new Document("_id", sha + "/0").append("data", new Binary(content))
                .append("createdAt", java.util.Date.from(clock.instant())));
        assertThat(store.content(sha)).isNull();
        assertThat(store.check(sha)).isEqualTo(FileStore.Check.MISSING);

        assertThat(store.sweep(clock.instant().minus(Duration.ofHours(1)))).isZero(); // may still be under way
        clock.advance(Duration.ofHours(2));
        assertThat(store.sweep(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(chunks.countDocuments()).isZero();
    }

    @Test
    void an_upload_cut_off_by_a_crash_leaves_only_invisible_chunks_that_the_sweep_removes_after_the_grace_period() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 2, 12);
        String sha = Sha256.hex(content);
        FileStore.Upload upload = store.upload();
        try {
            FileStore.chunked(content).forEach(upload::write);
            // Written as they came, before the end of the body: then the process dies, nothing describes them.
            await().atMost(Duration.ofSeconds(5)).until(() -> chunks.countDocuments() == 2);
            assertThat(store.content(sha)).isNull();
            assertThat(store.check(sha)).isEqualTo(FileStore.Check.MISSING);

            assertThat(store.sweep(clock.instant().minus(Duration.ofHours(1)))).isZero(); // may still be under way
            clock.advance(Duration.ofHours(2));
            assertThat(store.sweep(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(2);
            assertThat(chunks.countDocuments()).isZero();
            assertThat(files.countDocuments()).isZero();
        } finally {
            upload.close(); // only ends the writer thread: its chunks are gone already
        }
    }

    @Test
    void an_upload_still_arriving_slowly_is_not_swept_while_its_newest_chunk_is_younger_than_the_grace_period() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 3 + 40, 13);
        String sha = Sha256.hex(content);
        List<byte[]> parts = FileStore.chunked(content);
        try (FileStore.Upload upload = store.upload()) {
            for (int i = 0; i < 3; i++) {
                upload.write(parts.get(i));
                int written = i + 1;
                await().atMost(Duration.ofSeconds(5)).until(() -> chunks.countDocuments() == written);
                clock.advance(Duration.ofMinutes(25)); // a very slow connection: 255 KB in 25 minutes
            }
            // The first chunk is older than the grace period, the newest is not.
            assertThat(store.sweep(clock.instant().minus(Duration.ofHours(1)))).isZero();
            upload.write(parts.get(3));
            assertThat(upload.finish(sha, Document::new)).isTrue();
        }
        assertThat(store.content(sha)).isEqualTo(content);
    }

    @Test
    void an_upload_that_stalls_for_longer_than_the_sweep_waits_is_refused_rather_than_described_without_its_first_chunk() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 2 + 40, 16);
        String sha = Sha256.hex(content);
        List<byte[]> parts = FileStore.chunked(content);
        try (FileStore.Upload upload = store.upload()) {
            upload.write(parts.get(0));
            await().atMost(Duration.ofSeconds(5)).until(() -> chunks.countDocuments() == 1);
            // The client keeps the connection open and sends nothing for two hours: the hourly sweep takes the
            // upload for one a crash left behind.
            clock.advance(Duration.ofHours(2));
            store.sweep(clock.instant().minus(Duration.ofHours(1)));
            assertThatThrownBy(() -> {
                upload.write(parts.get(1));
                upload.write(parts.get(2));
                upload.finish(sha, Document::new);
            }).isInstanceOfSatisfying(FileRefused.class, e -> assertThat(e.rule()).isEqualTo("malformed-request"));
        }
        assertThat(store.describe(sha)).as("no file described whose chunks are gone").isNull();
        assertThat(chunks.countDocuments()).isZero();
    }

    @Test
    void an_upload_whose_last_chunk_is_followed_by_a_stall_longer_than_the_sweep_waits_is_refused_at_its_end() {
        byte[] content = bytes(FileStore.CHUNK_BYTES + 40, 17);
        String sha = Sha256.hex(content);
        try (FileStore.Upload upload = store.upload()) {
            FileStore.chunked(content).forEach(upload::write);
            await().atMost(Duration.ofSeconds(5)).until(() -> chunks.countDocuments() == 2);
            // The form's last field trickles in for two hours after the file.
            clock.advance(Duration.ofHours(2));
            store.sweep(clock.instant().minus(Duration.ofHours(1)));
            assertThatThrownBy(() -> upload.finish(sha, Document::new)).isInstanceOf(FileRefused.class);
        }
        assertThat(store.describe(sha)).isNull();
    }

    @Test
    void a_refused_upload_closed_before_its_end_leaves_no_chunk_behind() {
        try (FileStore.Upload upload = store.upload()) {
            FileStore.chunked(bytes(FileStore.CHUNK_BYTES * 3, 14)).forEach(upload::write);
        } // the form was refused (a SHA-256 that differs, say)
        assertThat(chunks.countDocuments()).isZero();
        assertThat(files.countDocuments()).isZero();
    }

    /** A file as Docket stored it before uploads had ids: chunks under {@code <sha>/<n>}, no {@code chunksOf}. */
    static void storeTheOldWay(MongoCollection<Document> files, MongoCollection<Document> chunks, byte[] content,
                               java.util.Date at) {
        String sha = Sha256.hex(content);
        List<byte[]> parts = FileStore.chunked(content);
        for (int i = 0; i < parts.size(); i++) {
            chunks.insertOne(new Document("_id", sha + "/" + i).append("data", new Binary(parts.get(i))).append("createdAt", at));
        }
        files.insertOne(new Document("mediaType", "application/pdf").append("_id", sha).append("size", (long) content.length)
                .append("chunks", parts.size()).append("state", "kept").append("holders", 0)
                .append("createdAt", at).append("touchedAt", at));
    }

    @Test
    void a_file_stored_the_old_way_still_reads_is_deduplicated_against_and_never_swept() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 2 + 5, 15);
        String sha = Sha256.hex(content);
        storeTheOldWay(files, chunks, content, java.util.Date.from(clock.instant()));
        assertThat(store.content(sha)).isEqualTo(content);
        assertThat(store.check(sha)).isEqualTo(FileStore.Check.INTACT);

        assertThat(store.put(sha, content, new Document())).isFalse(); // the same bytes handed in again
        store.keep(sha);
        assertThat(chunks.countDocuments()).as("the new upload's chunks are gone").isEqualTo(3);
        clock.advance(Duration.ofDays(2));
        assertThat(store.sweep(clock.instant().minus(Duration.ofHours(1)))).isZero();
        assertThat(store.content(sha)).isEqualTo(content);
    }

    @Test
    void a_file_whose_command_was_refused_is_discarded_and_a_kept_one_is_never_swept() {
        byte[] refused = bytes(100, 3);
        byte[] kept = bytes(100, 4);
        store.put(Sha256.hex(refused), refused, new Document());
        store.put(Sha256.hex(kept), kept, new Document());
        store.discard(Sha256.hex(refused));
        store.keep(Sha256.hex(kept));
        assertThat(store.content(Sha256.hex(refused))).isNull();

        clock.advance(Duration.ofDays(2));
        store.sweep(clock.instant().minus(Duration.ofHours(1)));
        assertThat(files.countDocuments()).isEqualTo(1);
        assertThat(store.check(Sha256.hex(kept))).isEqualTo(FileStore.Check.INTACT);
        assertThat(chunks.countDocuments()).isEqualTo(1);
    }

    @Test
    void a_pending_file_left_by_a_crash_before_its_command_is_swept_with_its_chunks() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 2, 5);
        String sha = Sha256.hex(content);
        store.put(sha, content, new Document());
        clock.advance(Duration.ofHours(2));
        assertThat(store.sweep(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(2);
        assertThat(files.countDocuments(Filters.eq("_id", sha))).isZero();
    }

    @Test
    void two_identical_uploads_at_once_with_the_first_refused_leave_the_accepted_drafts_file_whole() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 2 + 3, 7);
        String sha = Sha256.hex(content);
        assertThat(store.put(sha, content, new Document())).isTrue();   // request A stores the bytes
        assertThat(store.put(sha, content, new Document())).isFalse();  // request B finds them stored
        store.discard(sha);                                              // A's command is refused
        store.keep(sha);                                                 // B's draft is recorded
        assertThat(store.check(sha)).isEqualTo(FileStore.Check.INTACT);

        clock.advance(Duration.ofDays(1));
        store.sweep(clock.instant().minus(Duration.ofHours(1)));
        assertThat(store.content(sha)).isEqualTo(content);
    }

    @Test
    void an_upload_whose_bytes_another_request_describes_first_holds_that_file_and_leaves_its_own_chunks_behind() {
        byte[] content = bytes(FileStore.CHUNK_BYTES + 7, 12);
        String sha = Sha256.hex(content);
        FileStore.Upload upload = store.upload();
        FileStore.chunked(content).forEach(upload::write);
        // The facts are asked for just before the description is written: the other request describes the bytes then.
        boolean stored = upload.finish(sha, () -> {
            store.put(sha, content, new Document());
            return new Document();
        });
        assertThat(stored).isFalse();
        assertThat(files.find(Filters.eq("_id", sha)).first().getInteger("holders")).isEqualTo(2);
        assertThat(chunks.countDocuments()).isEqualTo(2);
        assertThat(store.content(sha)).isEqualTo(content);
    }

    @Test
    void a_description_the_database_refuses_for_another_reason_than_a_duplicate_leaves_the_chunks_to_the_sweep() {
        byte[] content = bytes(FileStore.CHUNK_BYTES + 7, 13);
        String sha = Sha256.hex(content);
        FileStore.Upload upload = new FileStore(refusingDescriptions(), clock).upload();
        FileStore.chunked(content).forEach(upload::write);
        assertThatThrownBy(() -> upload.finish(sha, Document::new)).isInstanceOf(MongoWriteException.class);
        upload.close();
        // The description may have been written all the same: its chunks stay until the sweep settles it.
        assertThat(chunks.countDocuments()).isEqualTo(2);
    }

    /** The database, whose {@code files} refuse every insert as a server may refuse a write for other than its key. */
    private MongoDatabase refusingDescriptions() {
        Object refusing = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoCollection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("insertOne")) {
                        throw new MongoWriteException(new WriteError(2, "refused (test)", new BsonDocument()), new ServerAddress());
                    }
                    return invoke(method, files, args);
                });
        return (MongoDatabase) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoDatabase.class},
                (proxy, method, args) -> method.getName().equals("getCollection") && FileStore.FILES.equals(args[0])
                        ? refusing : invoke(method, db.database, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void a_file_found_again_by_a_new_upload_is_not_swept_while_that_upload_is_under_way() {
        byte[] content = bytes(FileStore.CHUNK_BYTES + 9, 8);
        String sha = Sha256.hex(content);
        store.put(sha, content, new Document()); // its request crashed before keeping or discarding it
        clock.advance(Duration.ofHours(2));
        store.put(sha, content, new Document()); // a unit hands in the same bytes again
        store.sweep(clock.instant().minus(Duration.ofHours(1)));
        store.keep(sha);
        assertThat(store.check(sha)).isEqualTo(FileStore.Check.INTACT);
    }

    @Test
    void a_file_a_recorded_draft_names_is_never_swept_even_if_its_request_crashed_before_keeping_it() {
        byte[] content = "Dự thảo Kế hoạch, bản đã nộp".getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(content);
        store.put(sha, content, new Document());
        UUID assignment = UUID.randomUUID();
        db.engine().appendEvents(new GenericDomainEventMessage<>("Assignment", assignment.toString(), 0,
                new DraftSubmitted(assignment, 1, "Dự thảo.txt", sha, null, null, null,
                        new DocumentFile("text/plain; charset=utf-8", content.length, null, 6, true))));
        clock.advance(Duration.ofDays(1));
        assertThat(store.sweep(clock.instant().minus(Duration.ofHours(1)))).isZero();
        assertThat(store.check(sha)).isEqualTo(FileStore.Check.INTACT);
        assertThat(store.describe(sha).getString("state")).isEqualTo("kept");
    }

    /**
     * Two Docket nodes on one database share nothing but the database: the second store stands for the other
     * node, and nothing in this process may serialise what they do to one file.
     */
    @Test
    void many_requests_on_two_nodes_handing_in_the_same_bytes_at_once_some_refused_leave_the_file_whole() throws Exception {
        FileStore otherNode = new FileStore(db.database, clock);
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 60; round++) {
                byte[] content = bytes(FileStore.CHUNK_BYTES + 1, 100 + round);
                String sha = Sha256.hex(content);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int r = 0; r < 8; r++) {
                    boolean refused = r != 7; // most are refused, so removals race the uploads
                    FileStore node = r % 2 == 0 ? store : otherNode;
                    done.add(requests.submit(() -> {
                        start.await();
                        node.put(sha, content, new Document());
                        if (refused) {
                            node.discard(sha);
                        } else {
                            node.keep(sha);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
                assertThat(store.check(sha)).as("round %d", round).isEqualTo(FileStore.Check.INTACT);
            }
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void an_upload_of_bytes_another_node_is_removing_waits_for_the_removal_and_then_stores_them_whole() throws Exception {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 2 + 3, 8);
        String sha = Sha256.hex(content);
        store.put(sha, content, new Document());
        // The other node's refused request has marked the file for removal and is deleting its chunks.
        files.updateOne(Filters.eq("_id", sha), new Document("$set", new Document("state", "removing").append("holders", 0)));
        chunks.deleteOne(Filters.eq("_id", chunk(sha, 0)));

        ExecutorService upload = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> stored = upload.submit(() -> store.put(sha, content, new Document()));
            // The upload keeps waiting: it may neither hold the file nor describe the bytes again while they go.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !stored.isDone());
            chunks.deleteOne(Filters.eq("_id", chunk(sha, 1)));
            chunks.deleteOne(Filters.eq("_id", chunk(sha, 2)));
            files.deleteOne(Filters.eq("_id", sha));
            assertThat(stored.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            upload.shutdownNow();
        }
        store.keep(sha);
        assertThat(store.check(sha)).isEqualTo(FileStore.Check.INTACT);
    }

    @Test
    void a_removal_a_crash_interrupted_is_finished_by_the_sweep_and_the_same_bytes_can_be_handed_in_again() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 2 + 3, 7);
        String sha = Sha256.hex(content);
        store.put(sha, content, new Document());
        // The refused request marked the file for removal, deleted one chunk, and its process died.
        files.updateOne(Filters.eq("_id", sha), new Document("$set", new Document("state", "removing").append("holders", 0)));
        chunks.deleteOne(Filters.eq("_id", chunk(sha, 0)));

        clock.advance(Duration.ofHours(2));
        store.sweep(clock.instant().minus(Duration.ofHours(1)));
        assertThat(files.countDocuments()).isZero();
        assertThat(chunks.countDocuments()).isZero();

        assertThat(store.put(sha, content, new Document())).isTrue();
        store.keep(sha);
        assertThat(store.check(sha)).isEqualTo(FileStore.Check.INTACT);
    }

    @Test
    void bytes_edited_in_the_database_are_found_changed() {
        byte[] content = bytes(1000, 6);
        String sha = Sha256.hex(content);
        store.put(sha, content, new Document());
        byte[] edited = content.clone();
        edited[10] ^= 1;
        chunks.updateOne(Filters.eq("_id", chunk(sha, 0)), new Document("$set", new Document("data", new Binary(edited))));
        assertThat(store.check(sha)).isEqualTo(FileStore.Check.CHANGED);
    }
}
