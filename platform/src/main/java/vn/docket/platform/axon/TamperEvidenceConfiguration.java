package vn.docket.platform.axon;

import com.mongodb.client.MongoDatabase;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.eventstore.Checkpointer;
import vn.docket.platform.eventstore.StoreVerifier;

/**
 * Tamper evidence of Docket's own engine: the checkpointer (in the background) and the verifier. The
 * axon-mongo engine keeps no hashes, so with it neither exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "docket.event-store.engine", havingValue = EventStoreSettings.DOCKET, matchIfMissing = true)
public class TamperEvidenceConfiguration {

    @Bean
    Checkpointer checkpointer(MongoDatabase database, EventStoreSettings settings) {
        return new Checkpointer(database, settings.checkpointEvery(), settings.gapTimeout());
    }

    @Bean
    StoreVerifier storeVerifier(MongoDatabase database, Checkpointer checkpointer) {
        return new StoreVerifier(database, checkpointer);
    }

    @Bean
    SmartLifecycle backgroundCheckpoints(Checkpointer checkpointer, EventStoreSettings settings) {
        return new BackgroundCheckpoints(checkpointer, settings.checkpointInterval().toMillis());
    }

    /** One daemon thread that records due checkpoints now and then; a failed run is retried on the next. */
    static final class BackgroundCheckpoints implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(BackgroundCheckpoints.class);

        private final Checkpointer checkpointer;
        private final long intervalMillis;
        private ScheduledExecutorService timer;

        BackgroundCheckpoints(Checkpointer checkpointer, long intervalMillis) {
            this.checkpointer = checkpointer;
            this.intervalMillis = intervalMillis;
        }

        @Override
        public synchronized void start() {
            if (intervalMillis <= 0) {
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "docket-checkpoints");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::runOnce, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }

        private void runOnce() {
            try {
                checkpointer.catchUp();
            } catch (RuntimeException e) {
                log.warn("Recording event store checkpoints failed (retried in {} ms): {}", intervalMillis, e.getMessage());
            }
        }

        @Override
        public synchronized void stop() {
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return timer != null;
        }
    }
}
