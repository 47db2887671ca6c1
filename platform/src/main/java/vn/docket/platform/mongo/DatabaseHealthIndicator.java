package vn.docket.platform.mongo;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the database answers a ping within a short time: part of readiness, so a load balancer stops
 * sending requests that could only answer 503 and sends them again once the database is back. Liveness
 * leaves it out: restarting Docket does not bring a database back.
 */
public class DatabaseHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealthIndicator.class);

    private final MongoDatabase ping;
    private final Duration timeout;
    /** Logs the change, not every check: load balancers ask every few seconds. */
    private final AtomicBoolean answering = new AtomicBoolean(true);

    DatabaseHealthIndicator(MongoDatabase database, Duration timeout) {
        // The operation timeout bounds the whole ping, waiting for a server included; the client's own
        // server-selection timeout is longer, meant for requests that may wait a little for a failover.
        this.ping = database.withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            ping.runCommand(new Document("ping", 1));
        } catch (MongoInterruptedException e) {
            // The asking thread was stopped (Docket stopping: its projection revival is interrupted), not the database:
            // a warning that the database did not answer was the last line of every stop, for IT to chase.
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } catch (RuntimeException e) {
            if (answering.compareAndSet(true, false)) {
                log.warn("The database did not answer within {} ({}); Docket reports itself not ready until it does",
                        timeout, e.getClass().getSimpleName());
            }
            return Health.down().build();
        }
        if (answering.compareAndSet(false, true)) {
            log.info("The database answers again; Docket reports itself ready");
        }
        return Health.up().build();
    }
}
