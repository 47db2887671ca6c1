package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.docket.platform.backup.Backup;

/** A backup or restore of a province's store takes minutes: whoever runs it sees how far it got. */
class BackupProgressTest {

    @TempDir
    Path temp;

    @Test
    void a_backup_and_a_restore_of_a_large_store_say_how_far_they_got() {
        Logger log = (Logger) LoggerFactory.getLogger(Backup.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        try (EmbeddedStore store = EmbeddedStore.inMemory(); EmbeddedStore restored = EmbeddedStore.inMemory()) {
            DocketEventStorageEngine engine = store.engine();
            for (int a = 0; a < 21; a++) {
                List<DomainEventMessage<?>> events = new ArrayList<>();
                for (int sequence = 0; sequence < 500; sequence++) {
                    events.add(DocketEventStorageEngineTest.event("a" + a, sequence));
                }
                engine.appendEvents(events); // 10,500 events in all
            }
            Path dir = temp.resolve("backup");
            Backup.backup(store.database, dir, Duration.ofMillis(1));
            Backup.restore(restored.database, dir, RestoredCountersTest.EVERY, Duration.ofMillis(1));
        } finally {
            log.detachAppender(logged);
            log.setLevel(level);
        }
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Backing up the event store: position 10000 of 10500",
                "Restoring docket_events: 10000 of 10500 documents read");
    }
}
