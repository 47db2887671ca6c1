package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
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
 * A notice's key ({@code notice_keys}, the command side's NoticeRegistrar) is marked registered once all the notice's
 * events are stored; until then confirming the same read-out again completes the registration. A backup must not
 * restore a key marked registered for a registration it holds only part of.
 */
class BackupNoticeKeysTest {

    static final String NOTICE = "7f1c2d3e-0000-4000-8000-0000000000aa";
    static final String ITEM = "7f1c2d3e-0000-4000-8000-0000000000bb";

    @TempDir
    Path temp;

    @Test
    void a_notice_whose_registration_starts_and_ends_while_the_backup_runs_is_restored_as_stopped_midway() {
        Map<String, Runnable> steps = new ConcurrentHashMap<>();
        Path dir = temp.resolve("backup");
        try (EmbeddedStore store = EmbeddedStore.inMemory(BackupMeanwhile.listener(steps))) {
            DocketEventStorageEngine engine = store.engine();
            MongoCollection<Document> keys = store.database.getCollection("notice_keys");
            engine.appendEvents(DocketEventStorageEngineTest.event("7f1c2d3e-0000-4000-8000-0000000000cc", 0));
            // Its key and the notice's event once the keys were read, before the backup finds the head (docket_counters);
            // its item, and the key marked registered, once the events were read.
            steps.put(Counters.COLLECTION, () -> {
                registering(keys, "number:312/TB-UBND");
                engine.appendEvents(DocketEventStorageEngineTest.event(NOTICE, 0));
            });
            steps.put(Checkpointer.CHECKPOINTS, () -> {
                engine.appendEvents(DocketEventStorageEngineTest.event(ITEM, 0));
                keys.updateOne(Filters.eq("_id", "number:312/TB-UBND"), Updates.set("state", "registered"));
            });
            Backup.Manifest manifest = Backup.backup(store.database, dir, Duration.ofSeconds(1));
            assertThat(steps).as("both steps taken during the backup").isEmpty();
            assertThat(manifest.position()).as("the notice in the copy, its item after the cut").isEqualTo(2);
        }
        assertThat(restoredState(dir, "number:312/TB-UBND")).as("a registration cut halfway that nobody could complete")
                .isEqualTo("incomplete");
    }

    @Test
    void a_notice_whose_registration_ends_while_the_backup_copies_the_events_is_restored_as_stopped_midway() {
        Map<String, Runnable> steps = new ConcurrentHashMap<>();
        Path dir = temp.resolve("backup");
        try (EmbeddedStore store = EmbeddedStore.inMemory(BackupMeanwhile.listener(steps))) {
            DocketEventStorageEngine engine = store.engine();
            MongoCollection<Document> keys = store.database.getCollection("notice_keys");
            registering(keys, "number:311/TB-UBND");
            engine.appendEvents(DocketEventStorageEngineTest.event(NOTICE, 0));
            // The registration's last item, and then its key marked registered, once the backup has read the events.
            steps.put(Checkpointer.CHECKPOINTS, () -> {
                engine.appendEvents(DocketEventStorageEngineTest.event(ITEM, 0));
                keys.updateOne(Filters.eq("_id", "number:311/TB-UBND"), Updates.set("state", "registered"));
            });
            Backup.Manifest manifest = Backup.backup(store.database, dir, Duration.ofSeconds(1));
            assertThat(steps).as("registered during the backup").isEmpty();
            assertThat(manifest.position()).as("the item's event is after the cut").isEqualTo(1);
        }
        assertThat(restoredState(dir, "number:311/TB-UBND")).as("a registration cut halfway that nobody could complete")
                .isNotEqualTo("registered");
    }

    /** A notice's key as the registrar writes it before the notice's first event. */
    private static void registering(MongoCollection<Document> keys, String id) {
        keys.insertOne(new Document("_id", id).append("noticeId", NOTICE).append("state", "registering")
                .append("since", new Date()).append("fingerprint", "f"));
    }

    /** The state of the key {@code id} once the backup in {@code dir} is restored. */
    private static String restoredState(Path dir, String id) {
        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            Backup.restore(restored.database, dir, RestoredCountersTest.EVERY, Duration.ofSeconds(1));
            return restored.database.getCollection("notice_keys").find(Filters.eq("_id", id)).first().getString("state");
        }
    }
}
