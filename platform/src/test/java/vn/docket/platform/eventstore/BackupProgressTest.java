package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.docket.platform.backup.Backup;
import vn.docket.platform.testing.MutableClock;

/**
 * A backup or restore of a province's store takes minutes: whoever runs it sees how far it got, by time (a line every
 * 10,000 documents left a slow disk silent for minutes), and nothing of one done within two seconds.
 */
class BackupProgressTest {

    @TempDir
    Path temp;

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(Backup.class),
            (Logger) LoggerFactory.getLogger(StoreVerifier.class));

    @BeforeEach
    void listen() {
        logged.start();
        loggers.forEach(log -> {
            log.addAppender(logged);
            log.setLevel(Level.INFO);
        });
    }

    @AfterEach
    void stopListening() {
        loggers.forEach(log -> {
            log.detachAppender(logged);
            log.setLevel(null);
        });
    }

    /** A clock that moves on {@code step} each time it is read: the work takes as long as the test needs, unslept. */
    static Clock moving(Duration step) {
        return new MutableClock(LocalDate.of(2026, 12, 5)) {
            @Override
            public Instant instant() {
                advance(step);
                return super.instant();
            }
        };
    }

    List<String> said() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void a_backup_and_a_restore_say_how_far_they_got_every_two_seconds_and_nothing_when_done_sooner() {
        try (EmbeddedStore store = EmbeddedStore.inMemory(); EmbeddedStore restored = EmbeddedStore.inMemory();
             EmbeddedStore again = EmbeddedStore.inMemory()) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int sequence = 0; sequence < 300; sequence++) {
                events.add(DocketEventStorageEngineTest.event("a", sequence));
            }
            store.engine().appendEvents(events);
            Path dir = temp.resolve("backup");

            // Each step of the backup (a position) seems to take 0.3 s.
            Backup.backup(store.database, dir, Duration.ofMillis(1), moving(Duration.ofMillis(300)));

            List<String> said = said();
            assertThat(said).startsWith("Backing up the event store: position 7 of 300",
                    "Backing up the event store: position 14 of 300");
            // Never more often than every two seconds: seven steps of 0.3 s apart.
            Pattern position = Pattern.compile("Backing up the event store: position (\\d+) of 300");
            List<Long> positions = said.stream().map(position::matcher).filter(Matcher::matches)
                    .map(m -> Long.parseLong(m.group(1))).toList();
            assertThat(positions).hasSizeGreaterThan(30);
            for (int i = 1; i < positions.size(); i++) {
                assertThat(positions.get(i) - positions.get(i - 1)).isGreaterThanOrEqualTo(7);
            }

            // Each step of the restore (a file's 64 KB, a document, a batch of positions verified) seems to take 1 s.
            logged.list.clear();
            Backup.restore(restored.database, dir, RestoredCountersTest.EVERY, Duration.ofMillis(1),
                    moving(Duration.ofSeconds(1)));
            assertThat(said()).anyMatch(line -> line.startsWith("Checking the backup file docket_events.jsonl: "))
                    .contains("Restoring docket_events: 1 of 300 documents read",
                            "Restoring docket_events: 3 of 300 documents read",
                            "Verifying the event store: position 128 of 300");

            // The same work done within two seconds says nothing.
            logged.list.clear();
            Backup.backup(store.database, temp.resolve("quick"), Duration.ofMillis(1), moving(Duration.ZERO));
            Backup.restore(again.database, temp.resolve("quick"), RestoredCountersTest.EVERY, Duration.ofMillis(1),
                    moving(Duration.ZERO));
            assertThat(said()).isEmpty();
        }
    }
}
