package vn.docket.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

    static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    @Test
    void a_file_of_several_chunks_reads_back_byte_for_byte_under_its_sha256() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 3 + 17, 1);
        String sha = FileStore.sha256(content);
        assertThat(store.put(sha, content, new Document("mediaType", "application/pdf"))).isTrue();
        assertThat(store.content(sha)).isEqualTo(content);
        assertThat(store.describe(sha).getLong("size")).isEqualTo(content.length);
        assertThat(chunks.countDocuments()).isEqualTo(4);
    }

    @Test
    void the_same_bytes_handed_in_twice_are_stored_once() {
        byte[] content = bytes(FileStore.CHUNK_BYTES + 5, 2);
        String sha = FileStore.sha256(content);
        assertThat(store.put(sha, content, new Document())).isTrue();
        assertThat(store.put(sha, content, new Document())).isFalse();
        assertThat(files.countDocuments()).isEqualTo(1);
        assertThat(chunks.countDocuments()).isEqualTo(2);
    }

    @Test
    void chunks_written_before_a_crash_are_invisible_and_swept_once_an_hour_old() {
        byte[] content = "Dự thảo Kế hoạch".getBytes(StandardCharsets.UTF_8);
        String sha = FileStore.sha256(content);
        // A crash between the chunks and the description: as put() writes them, without its last write.
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
    void a_file_whose_command_was_refused_is_discarded_and_a_kept_one_is_never_swept() {
        byte[] refused = bytes(100, 3);
        byte[] kept = bytes(100, 4);
        store.put(FileStore.sha256(refused), refused, new Document());
        store.put(FileStore.sha256(kept), kept, new Document());
        store.discard(FileStore.sha256(refused));
        store.keep(FileStore.sha256(kept));
        assertThat(store.content(FileStore.sha256(refused))).isNull();

        clock.advance(Duration.ofDays(2));
        store.sweep(clock.instant().minus(Duration.ofHours(1)));
        assertThat(files.countDocuments()).isEqualTo(1);
        assertThat(store.check(FileStore.sha256(kept))).isEqualTo(FileStore.Check.INTACT);
        assertThat(chunks.countDocuments()).isEqualTo(1);
    }

    @Test
    void a_pending_file_left_by_a_crash_before_its_command_is_swept_with_its_chunks() {
        byte[] content = bytes(FileStore.CHUNK_BYTES * 2, 5);
        String sha = FileStore.sha256(content);
        store.put(sha, content, new Document());
        clock.advance(Duration.ofHours(2));
        assertThat(store.sweep(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(2);
        assertThat(files.countDocuments(Filters.eq("_id", sha))).isZero();
    }

    @Test
    void bytes_edited_in_the_database_are_found_changed() {
        byte[] content = bytes(1000, 6);
        String sha = FileStore.sha256(content);
        store.put(sha, content, new Document());
        byte[] edited = content.clone();
        edited[10] ^= 1;
        chunks.updateOne(Filters.eq("_id", sha + "/0"), new Document("$set", new Document("data", new Binary(edited))));
        assertThat(store.check(sha)).isEqualTo(FileStore.Check.CHANGED);
    }
}
