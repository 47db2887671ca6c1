package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.platform.backup.Backup;

/** A backup copied through Windows has CR LF line ends: its documents are the same, and it restores. */
class RestoreLineEndsTest {

    @TempDir
    Path temp;

    @Test
    void a_backup_whose_files_were_given_crlf_line_ends_restores_and_verifies() throws Exception {
        Path backup = new RestoredCountersTest().backupIn(temp);
        try (var files = Files.list(backup)) {
            for (Path file : files.toList()) {
                Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
            }
        }
        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            assertThat(Backup.restore(restored.database, backup, RestoredCountersTest.EVERY, RestoredCountersTest.GAP)
                    .position()).isEqualTo(16);
            assertThat(restored.database.getCollection(Checkpointer.CHECKPOINTS).countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void a_carriage_return_anywhere_else_is_a_changed_file() throws Exception {
        Path backup = new RestoredCountersTest().backupIn(temp);
        Path events = backup.resolve(EventDocuments.EVENTS + ".jsonl");
        List<String> lines = Files.readAllLines(events);
        Files.writeString(events, String.join("\n", lines.subList(0, 3)) + "\r" + String.join("\n", lines.subList(3, lines.size())) + "\n");
        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            assertThatThrownBy(() -> Backup.restore(restored.database, backup, RestoredCountersTest.EVERY,
                    RestoredCountersTest.GAP)).isInstanceOf(Backup.Refused.class).hasMessageContaining("SHA-256 differs");
        }
    }
}
