package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.platform.backup.Backup;

/**
 * A user's row in {@code users} is written after the user's events (UserAccounts): a row behind its events is caught up
 * when read, one ahead of them is believed. A backup must never restore a row ahead of the events it restores.
 */
class BackupUsersTest {

    @TempDir
    Path temp;

    @Test
    void a_user_changed_while_the_backup_runs_is_restored_no_further_than_the_events_restored_with_them() {
        Map<String, Runnable> steps = new ConcurrentHashMap<>();
        Path dir = temp.resolve("backup");
        try (EmbeddedStore store = EmbeddedStore.inMemory(BackupMeanwhile.listener(steps))) {
            DocketEventStorageEngine engine = store.engine();
            MongoCollection<Document> users = store.database.getCollection("users");
            // Registered (the user's event 0, then the row that shows it); then given the chair's role (event 1, row).
            engine.appendEvents(DocketEventStorageEngineTest.event("user:lan", 0));
            users.insertOne(new Document("_id", "lan").append("role", "UNIT_STAFF").append("version", 0L));
            // The change lands once the backup has read the events, as an administrator's may while it runs.
            steps.put(Checkpointer.CHECKPOINTS, () -> {
                engine.appendEvents(DocketEventStorageEngineTest.event("user:lan", 1));
                users.updateOne(Filters.eq("_id", "lan"), Updates.combine(Updates.set("role", "CHAIR"),
                        Updates.set("version", 1L)));
            });
            Backup.backup(store.database, dir, Duration.ofSeconds(1));
            assertThat(steps).as("the change was made during the backup").isEmpty();
        }
        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            Backup.restore(restored.database, dir, RestoredCountersTest.EVERY, Duration.ofSeconds(1));
            long lastEvent = restored.database.getCollection(EventDocuments.EVENTS)
                    .find(Filters.eq(EventDocuments.AGGREGATE_ID, "user:lan")).into(new java.util.ArrayList<>()).stream()
                    .mapToLong(d -> EventDocuments.sequence(d)).max().orElse(-1);
            Document row = restored.database.getCollection("users").find(Filters.eq("_id", "lan")).first();
            assertThat(row.get("version", Number.class).longValue()).as("the role held without its event on record")
                    .isLessThanOrEqualTo(lastEvent);
        }
    }
}
