package vn.docket.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Status;

class DatabaseHealthIndicatorTest {

    final Logger log = (Logger) LoggerFactory.getLogger(DatabaseHealthIndicator.class);
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    /** What the ping does next: nothing (the database answers) or throw. */
    final AtomicReference<RuntimeException> ping = new AtomicReference<>();

    /** A database whose ping answers, or fails as {@link #ping} says. */
    final MongoDatabase database = (MongoDatabase) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MongoDatabase.class}, (proxy, method, args) -> switch (method.getName()) {
                case "withTimeout" -> proxy;
                case "runCommand" -> {
                    if (ping.get() != null) {
                        throw ping.get();
                    }
                    yield new org.bson.Document("ok", 1);
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @BeforeEach
    void listen() {
        logged.start();
        log.addAppender(logged);
        log.setLevel(Level.INFO); // as Docket logs vn.docket
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(logged);
        log.setLevel(null);
        Thread.interrupted();
    }

    @Test
    void a_check_interrupted_because_docket_is_stopping_says_nothing_about_the_database() {
        DatabaseHealthIndicator health = new DatabaseHealthIndicator(database, Duration.ofSeconds(1));
        ping.set(new MongoInterruptedException("Interrupted waiting for lock", new InterruptedException()));

        assertThat(health.health().getStatus()).isNotEqualTo(Status.UP);

        assertThat(Thread.currentThread().isInterrupted()).as("the stop goes on").isTrue();
        assertThat(logged.list).isEmpty();
        ping.set(null);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(logged.list).as("nothing to say: it never stopped answering").isEmpty();
    }

    @Test
    void a_database_that_does_not_answer_is_told_once_and_its_return_once() {
        DatabaseHealthIndicator health = new DatabaseHealthIndicator(database, Duration.ofSeconds(1));
        ping.set(new MongoTimeoutException("Timed out while waiting for a server"));

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        ping.set(null);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "The database did not answer within PT1S (MongoTimeoutException); Docket reports itself not ready until it does",
                "The database answers again; Docket reports itself ready");
    }
}
