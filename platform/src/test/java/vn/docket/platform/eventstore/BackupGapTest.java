package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.platform.backup.Backup;

/** A backup of a store whose positions have a gap below the head: every acknowledged event, or no backup. */
class BackupGapTest {

    /** The wait for the gap is this plus the backup's own two seconds. */
    static final Duration GAP = Duration.ofMillis(1);

    @TempDir
    Path temp;

    @Test
    void a_position_a_dead_writer_left_empty_below_the_head_refuses_the_backup_instead_of_leaving_out_the_events_after_it()
            throws Exception {
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            DocketEventStorageEngine engine = store.engine();
            ConsistentRewrite.fill(engine);
            MongoCollection<Document> events = store.database.getCollection(EventDocuments.EVENTS);
            // Position 16 was taken by a writer that died before inserting (its command was never acknowledged); the
            // next command, acknowledged, is stored after it, at 17. No Docket runs to fill the gap.
            events.deleteOne(Filters.eq("_id", 16L));
            engine.appendEvents(DocketEventStorageEngineTest.event("d", 0));
            assertThat(events.find(Filters.eq("_id", 17L)).first()).isNotNull();

            Path refused = temp.resolve("refused");
            assertThatThrownBy(() -> Backup.backup(store.database, refused, GAP)).isInstanceOf(Backup.Refused.class)
                    .hasMessageContaining("position 16");
            assertThat(refused.resolve(Backup.MANIFEST)).doesNotExist();
            try (var left = Files.list(refused)) {
                assertThat(left).as("nothing half-written").isEmpty();
            }

            // A Docket reader passing the gap fills it after the gap timeout: then the backup holds every event.
            Positions.fill(events, 16, 16);
            Path dir = temp.resolve("backup");
            Backup.Manifest manifest = Backup.backup(store.database, dir, GAP);
            assertThat(manifest.position()).isEqualTo(17);
            assertThat(manifest.events()).isEqualTo(17);
            try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
                assertThat(Backup.restore(restored.database, dir, RestoredCountersTest.EVERY, GAP).position()).isEqualTo(17);
            }
        }
    }

    @Test
    void the_manifest_names_the_last_events_hash_when_the_store_ends_in_a_position_marked_empty() {
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            ConsistentRewrite.fill(store.engine());
            MongoCollection<Document> events = store.database.getCollection(EventDocuments.EVENTS);
            // A write that failed after taking 17 and 18 marks them empty (Positions.release).
            Positions.fill(events, 17, 18);

            Backup.Manifest manifest = Backup.backup(store.database, temp.resolve("backup"), GAP);
            assertThat(manifest.position()).isEqualTo(18);
            assertThat(manifest.lastHash()).isNotNull()
                    .isEqualTo(events.find(Filters.eq("_id", 16L)).first().getString(EventDocuments.HASH));
        }
    }
}
