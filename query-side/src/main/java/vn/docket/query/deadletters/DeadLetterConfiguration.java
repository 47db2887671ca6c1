package vn.docket.query.deadletters;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.mongo.DatabaseUnavailable;

/**
 * Every projection parks an event its handler cannot process instead of stopping on it or skipping it: the
 * event waits in the dead letters with the later events of its assignment behind it, and the projection
 * goes on with the other assignments. An administrator retries or evicts it ({@link DeadLetterController}).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String COLLECTION = "dead_letters";

    @Autowired
    void parkWhatAProjectionCannotProcess(EventProcessingConfigurer processing, MongoDatabase database, Clock clock) {
        processing.registerDeadLetterQueueProvider(projection -> configuration -> new MongoDeadLetterQueue(
                projection, database.getCollection(COLLECTION), configuration.eventSerializer(), clock));
        processing.registerDefaultDeadLetterPolicy(configuration -> retryOutagesParkTheRest());
    }

    /**
     * An event is not at fault when the database did not answer: the processor's whole batch fails and is
     * tried again until the database is back (batches are written whole; see ReadModelBatch), so nothing is
     * parked for an outage. Thrown out of the policy, the failure reaches the processor, which retries.
     * During an administrator's retry it keeps the event parked.
     */
    static EnqueuePolicy<EventMessage<?>> retryOutagesParkTheRest() {
        return (letter, cause) -> {
            if (DatabaseUnavailable.isCauseOf(cause) && CurrentUnitOfWork.isStarted()
                    && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?>) {
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }
}
