package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.docket.platform.backup.Backup;

/** The manifest says what the backup holds; a restore that finds the files or the store saying otherwise refuses. */
class RestoreManifestTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"events", "documents", "lastHash"})
    void a_manifest_whose_counts_or_last_hash_disagree_with_the_files_is_refused_and_nothing_is_restored(String field)
            throws Exception {
        Path backup = new RestoredCountersTest().backupIn(temp);
        Path file = backup.resolve(Backup.MANIFEST);
        Document manifest = Document.parse(Files.readString(file));
        Consumer<Document> edit = switch (field) {
            case "events" -> m -> m.put("events", 15L);
            case "documents" -> m -> m.get("documents", Document.class).put("docket_checkpoints", 2L);
            default -> m -> m.put("lastHash", "0".repeat(64));
        };
        edit.accept(manifest);
        Files.writeString(file, manifest.toJson());

        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            assertThatThrownBy(() -> Backup.restore(restored.database, backup, RestoredCountersTest.EVERY,
                    RestoredCountersTest.GAP)).isInstanceOf(Backup.Refused.class).hasMessageContaining("nothing was restored");
            assertThat(restored.database.getCollection(EventDocuments.EVENTS).countDocuments()).isZero();
            assertThat(restored.database.getCollection(Checkpointer.CHECKPOINTS).countDocuments()).isZero();
        }
    }

    @Test
    void a_backup_an_older_docket_took_of_a_store_ending_in_positions_marked_empty_still_restores() throws Exception {
        Path backup = temp.resolve("backup");
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            ConsistentRewrite.fill(store.engine());
            Positions.fill(store.database.getCollection(EventDocuments.EVENTS), 17, 18);
            Backup.backup(store.database, backup, RestoredCountersTest.GAP);
        }
        // Before 05/12/2026 the manifest named the last position's hash, which a filler has not.
        Path file = backup.resolve(Backup.MANIFEST);
        Document manifest = Document.parse(Files.readString(file));
        manifest.put("lastHash", null);
        Files.writeString(file, manifest.toJson());

        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            assertThat(Backup.restore(restored.database, backup, RestoredCountersTest.EVERY, RestoredCountersTest.GAP)
                    .position()).isEqualTo(18);
        }
    }
}
