package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.docket.platform.backup.Backup;

/** A restore killed (kill -9) half-way runs no clean-up: what it loaded must not pass for a whole database. */
class RestoreKilledTest {

    @TempDir
    Path temp;

    @Test
    void a_restore_killed_after_the_events_leaves_a_database_the_next_restore_accepts() throws Exception {
        Path backup = new RestoredCountersTest().backupIn(temp);
        try (EmbeddedStore target = EmbeddedStore.inMemory()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), RestoreChild.class.getName(), target.server.connectionString(),
                    backup.toString())).redirectError(temp.resolve("child.log").toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).as("see " + temp.resolve("child.log")).isEqualTo("STOPPED");
            }
            child.destroyForcibly(); // SIGKILL: no catch block, no clean-up
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(target.database.getCollection(EventDocuments.EVENTS).countDocuments())
                    .as("stopped with the events in").isEqualTo(16);
            assertThatThrownBy(() -> Backup.requireWhole(target.database)).as("Docket does not start on it")
                    .isInstanceOf(Backup.Refused.class).hasMessageContaining("has not finished");

            Backup.Manifest manifest = Backup.restore(target.database, backup, RestoredCountersTest.EVERY, RestoredCountersTest.GAP);
            assertThat(manifest.position()).isEqualTo(16);
            assertThat(target.database.getCollection(Checkpointer.CHECKPOINTS).countDocuments()).isEqualTo(3);
            assertThat(RestoredCountersTest.counter(target.database, "checkpoints")).isEqualTo(15);
            Backup.requireWhole(target.database);
        }
    }
}
