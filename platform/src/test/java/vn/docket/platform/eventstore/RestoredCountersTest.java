package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.platform.backup.Backup;

/** What {@code docket_counters} holds, and what a restore leaves there: where the engine's writers and the checkpoints go on from. */
class RestoredCountersTest {

    static final int EVERY = 5;
    static final Duration GAP = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    /** 16 positions with checkpoints at 5, 10 and 15, backed up. */
    Path backup() {
        return backupIn(temp);
    }

    Path backupIn(Path temp) {
        Path dir = temp.resolve("backup");
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            ConsistentRewrite.fill(store.engine());
            new Checkpointer(store.database, EVERY, GAP).catchUp();
            Backup.backup(store.database, dir, GAP);
        }
        return dir;
    }

    @Test
    void a_restored_backup_counts_its_last_position_and_its_latest_checkpoint() {
        Path backup = backup();
        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            Backup.restore(restored.database, backup, EVERY, GAP);

            assertThat(counter(restored.database, "events")).isEqualTo(16);
            assertThat(counter(restored.database, "checkpoints")).isEqualTo(15);
        }
    }

    @Test
    void a_database_that_counts_positions_already_is_refused_and_its_counter_kept() {
        Path backup = backup();
        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            restored.database.getCollection("docket_counters").insertOne(new Document("_id", "checkpoints").append("last", 3L));

            assertThatThrownBy(() -> Backup.restore(restored.database, backup, EVERY, GAP))
                    .isInstanceOf(Backup.Refused.class).hasMessageContaining("already counts event positions (docket_counters)");
            assertThat(counter(restored.database, "checkpoints")).isEqualTo(3);
            assertThat(restored.database.getCollection(EventDocuments.EVENTS).countDocuments()).isZero();
        }
    }

    /** Two command nodes may raise a counter in either order: the later, lower one leaves it where it is. */
    @Test
    void a_counter_is_only_ever_raised() {
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            Counters counters = new Counters(store.database);
            counters.raise(Counters.EVENTS, 2048);
            counters.raise(Counters.EVENTS, 1024);

            assertThat(counters.last(Counters.EVENTS)).isEqualTo(2048);
            assertThat(counters.last(Counters.CHECKPOINTS)).isZero();
        }
    }

    static long counter(MongoDatabase database, String id) {
        return database.getCollection("docket_counters").find(Filters.eq("_id", id)).first().get("last", Number.class)
                .longValue();
    }
}
