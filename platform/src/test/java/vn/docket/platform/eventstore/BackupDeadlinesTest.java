package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.platform.backup.Backup;

/**
 * A scheduled deadline (the command side's {@code deadlines}) is deleted once delivered, after the events its delivery
 * recorded: a backup must keep every deadline whose delivery it does not hold.
 */
class BackupDeadlinesTest {

    static final String ASSIGNMENT = "7f1c2d3e-0000-4000-8000-000000000001";

    @TempDir
    Path temp;

    @Test
    void a_deadline_delivered_while_the_backup_copies_the_events_is_restored_to_be_delivered_again() {
        Map<String, Runnable> steps = new ConcurrentHashMap<>();
        Path dir = temp.resolve("backup");
        try (EmbeddedStore store = EmbeddedStore.inMemory(BackupMeanwhile.listener(steps))) {
            DocketEventStorageEngine engine = store.engine();
            MongoCollection<Document> deadlines = store.database.getCollection("deadlines");
            // Assigned, its reminder scheduled; delivered during the backup: the reminder's event, then the row deleted.
            deadlines.insertOne(new Document("_id", "reminder-1").append("name", "deadline-reminder")
                    .append("scopeKey", "org.axonframework.modelling.command.AggregateScopeDescriptor:{\"identifier\":\""
                            + ASSIGNMENT + "\"}").append("dueAt", new Date(0)).append("state", "SCHEDULED"));
            engine.appendEvents(DocketEventStorageEngineTest.event(ASSIGNMENT, 0));
            // The delivery lands once the backup has read the events, as the morning's reminders may while it runs.
            steps.put(Checkpointer.CHECKPOINTS, () -> {
                engine.appendEvents(DocketEventStorageEngineTest.event(ASSIGNMENT, 1));
                deadlines.deleteOne(Filters.eq("_id", "reminder-1"));
            });
            Backup.Manifest manifest = Backup.backup(store.database, dir, Duration.ofSeconds(1));
            assertThat(steps).as("delivered during the backup").isEmpty();
            assertThat(manifest.position()).as("the reminder's event is after the cut").isEqualTo(1);
        }
        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            Backup.restore(restored.database, dir, RestoredCountersTest.EVERY, Duration.ofSeconds(1));
            assertThat(restored.database.getCollection("deadlines").find(Filters.eq("_id", "reminder-1")).first())
                    .as("a reminder neither delivered nor scheduled in the restored copy").isNotNull();
        }
    }
}
