package vn.docket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PeriodicTest {

    final Logger log = (Logger) LoggerFactory.getLogger("vn.docket.platform.PeriodicTest.work");
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        log.addAppender(logged);
    }

    @Test
    void a_failed_run_is_told_in_one_line_and_tried_again_on_the_next() {
        AtomicInteger runs = new AtomicInteger();
        Periodic periodic = new Periodic("test", log).every(Duration.ofMillis(20), "record test checkpoints", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("Timed out after 1000 ms while waiting for a server");
            }
        });
        periodic.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        periodic.stop();

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).startsWith("Docket could not record test checkpoints this time; it tries again");
        });
    }

    @Test
    void a_run_cut_short_by_the_application_stopping_is_waited_for_and_not_told_as_a_failure() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger ended = new AtomicInteger();
        Periodic periodic = new Periodic("test", log).every(Duration.ofMillis(20), "record test checkpoints", () -> {
            started.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                // As the MongoDB driver does when a wait for its connection pool is interrupted.
                throw new IllegalStateException("Interrupted waiting for lock", e);
            } finally {
                ended.incrementAndGet();
            }
        });
        periodic.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        periodic.stop();

        assertThat(ended).as("the run ended before stop returned").hasValue(1);
        assertThat(logged.list).isEmpty();
    }
}
