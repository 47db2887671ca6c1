package vn.docket.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.docket.platform.Sha256;
import vn.docket.platform.eventstore.EmbeddedStore;

/** A file's text kept deflated in its description reads back as it was read, and a damaged one never reads wrong. */
class StoredTextTest {

    static final String TEXT = "KẾ HOẠCH\nThực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố\n"
            .repeat(200);

    final EmbeddedStore db = EmbeddedStore.inMemory();
    final FileStore store = new FileStore(db.database, Clock.systemUTC());
    final MongoCollection<Document> files = db.database.getCollection(FileStore.FILES);

    @AfterEach
    void close() {
        db.close();
    }

    /** Stores a file described with {@code text}; returns its SHA-256. */
    String stored(String text) {
        byte[] content = ("Tệp " + text.length()).getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(content);
        store.put(sha, content, StoredText.with(new Document("mediaType", "text/plain; charset=utf-8"), text));
        return sha;
    }

    byte[] deflated(String sha) {
        return store.describe(sha).get(StoredText.DEFLATED, Binary.class).getData();
    }

    void replaceDeflated(String sha, byte[] bytes) {
        files.updateOne(Filters.eq("_id", sha), Updates.set(StoredText.DEFLATED, new Binary(bytes)));
    }

    @Test
    void a_text_stored_deflated_reads_back_exactly_holds_no_plain_text_and_takes_less_room() {
        String sha = stored(TEXT);
        Document description = store.describe(sha);
        assertThat(description).doesNotContainKey("text");
        assertThat(StoredText.of(description, 1 << 20)).isEqualTo(TEXT);
        assertThat(deflated(sha).length).isLessThan(TEXT.getBytes(StandardCharsets.UTF_8).length / 4);
    }

    @Test
    void an_empty_text_is_stored_and_read_the_same_way() {
        assertThat(StoredText.of(store.describe(stored("")), 1 << 20)).isEmpty();
    }

    @Test
    void a_description_written_before_with_its_text_plain_reads_as_it_was_without_a_migration() {
        String sha = stored(TEXT);
        files.updateOne(Filters.eq("_id", sha), Updates.combine(Updates.unset(StoredText.DEFLATED),
                Updates.set("text", "Văn bản lưu theo cách cũ\n")));
        assertThat(StoredText.of(store.describe(sha), 1 << 20)).isEqualTo("Văn bản lưu theo cách cũ\n");
    }

    @Test
    void a_stored_text_with_a_byte_changed_is_unreadable_rather_than_read_wrong() {
        String sha = stored(TEXT);
        byte[] damaged = deflated(sha);
        damaged[damaged.length / 2] ^= 0x10;
        replaceDeflated(sha, damaged);
        assertThatThrownBy(() -> StoredText.of(store.describe(sha), 1 << 20)).isInstanceOf(StoredText.Unreadable.class);
    }

    @Test
    void a_stored_text_cut_short_is_unreadable() {
        String sha = stored(TEXT);
        byte[] whole = deflated(sha);
        replaceDeflated(sha, Arrays.copyOf(whole, whole.length - 10));
        assertThatThrownBy(() -> StoredText.of(store.describe(sha), 1 << 20)).isInstanceOf(StoredText.Unreadable.class)
                .hasMessageContaining("cut short");
    }

    @Test
    void a_stored_text_that_would_inflate_beyond_the_limit_stops_there() {
        String sha = stored("a".repeat(3 << 20));
        assertThat(deflated(sha).length).isLessThan(10_000);
        assertThatThrownBy(() -> StoredText.of(store.describe(sha), 1 << 20)).isInstanceOf(StoredText.Unreadable.class)
                .hasMessageContaining("beyond 1048576 bytes");
    }
}
