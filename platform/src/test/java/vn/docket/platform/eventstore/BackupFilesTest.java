package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.events.DocumentFile;
import vn.docket.events.DraftSubmitted;
import vn.docket.platform.Sha256;
import vn.docket.platform.backup.Backup;
import vn.docket.platform.files.FileStore;

/** A draft handed in as a file is its event and its stored bytes: a backup that holds the one holds the other. */
class BackupFilesTest {

    static final UUID ASSIGNMENT = UUID.fromString("0b7e3c1a-5d2f-4e8a-9c61-2f3a4b5c6d7e");

    @TempDir
    Path temp;

    @Test
    void a_draft_handed_in_as_a_file_of_several_chunks_is_restored_with_its_bytes_and_the_copy_verifies() {
        // Three chunks and a bit, so the copy is more than one chunk of one file.
        byte[] content = "Kế hoạch thực hiện Chương trình hành động của thành phố\n"
                .repeat(3 * FileStore.CHUNK_BYTES / 50).getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(content);
        byte[] stray = "một tệp không ai nộp".getBytes(StandardCharsets.UTF_8);
        Path dir = temp.resolve("backup");
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            FileStore files = new FileStore(store.database, Clock.systemUTC());
            files.put(sha, content, new Document("mediaType", "text/plain; charset=utf-8"));
            files.keep(sha);
            files.put(Sha256.hex(stray), stray, new Document()); // an upload whose command was refused: not the record's
            store.engine().appendEvents(new GenericDomainEventMessage<>("Assignment", ASSIGNMENT.toString(), 0,
                    new DraftSubmitted(ASSIGNMENT, 1, "Dự thảo v1.txt", sha, null, null, null,
                            new DocumentFile("text/plain; charset=utf-8", content.length, null, 300, true))));
            Backup.backup(store.database, dir, Duration.ofSeconds(1));
        }
        try (EmbeddedStore restored = EmbeddedStore.inMemory()) {
            Backup.Manifest manifest = Backup.restore(restored.database, dir, RestoredCountersTest.EVERY, Duration.ofSeconds(1));
            assertThat(manifest.position()).isEqualTo(1);
            FileStore files = new FileStore(restored.database, Clock.systemUTC());
            assertThat(files.content(sha)).as("the draft's bytes").isEqualTo(content);
            assertThat(files.describe(Sha256.hex(stray))).as("a file no event in the copy names").isNull();
        }
    }
}
