package vn.docket.platform.axon;

import com.mongodb.client.MongoDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.Periodic;
import vn.docket.platform.eventstore.Checkpointer;
import vn.docket.platform.eventstore.Positions;
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
        return new Checkpointer(database, settings.checkpointEvery(), settings.gapTimeout(), settings.anchorSigner());
    }

    @Bean
    StoreVerifier storeVerifier(MongoDatabase database, Checkpointer checkpointer, EventStoreSettings settings) {
        return new StoreVerifier(database, checkpointer, Positions.lostAfter(settings.gapTimeout()));
    }

    /** Records due checkpoints now and then, on one daemon thread; a failed run is retried on the next. */
    @Bean
    SmartLifecycle backgroundCheckpoints(Checkpointer checkpointer, EventStoreSettings settings) {
        Periodic checkpoints = new Periodic("checkpoints", LoggerFactory.getLogger(Checkpointer.class));
        if (settings.checkpointInterval().toMillis() > 0) {
            checkpoints.every(settings.checkpointInterval(), "record event store checkpoints", checkpointer::catchUp);
        }
        return checkpoints;
    }
}
