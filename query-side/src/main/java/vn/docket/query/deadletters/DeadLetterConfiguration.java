package vn.docket.query.deadletters;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoDatabase;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.mongo.DatabaseUnavailable;
import vn.docket.query.assignments.AssignmentIndex;

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
        // The assignment index lives in memory and is rebuilt at every start: it parks nothing (null: no queue).
        processing.registerDeadLetterQueueProvider(projection -> AssignmentIndex.NAME.equals(projection) ? null
                : configuration -> new MongoDeadLetterQueue(projection, database.getCollection(COLLECTION),
                        configuration.eventSerializer(), clock));
        processing.registerDefaultDeadLetterPolicy(configuration -> retryOutagesParkTheRest());
    }

    /**
     * An event is not at fault when the database did not answer, nor when the batch was interrupted (Axon's
     * unit-of-work timeout interrupts a batch that runs too long; the driver then throws
     * MongoInterruptedException): the processor's whole batch fails and is tried again (batches are written
     * whole; see ReadModelBatch), so nothing is parked for an outage or a slow batch. Parked, such an event
     * and its assignment's later events would be missing from the read model. Thrown out of the policy, the
     * failure reaches the processor, which rolls the batch back and retries it. During an administrator's
     * retry it keeps the event parked.
     */
    static EnqueuePolicy<EventMessage<?>> retryOutagesParkTheRest() {
        return (letter, cause) -> {
            if ((DatabaseUnavailable.isCauseOf(cause) || interrupted(cause)) && CurrentUnitOfWork.isStarted()
                    && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?>) {
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }

    /** The thread was interrupted (by Axon's timeout janitor or a shutdown), whatever wrapped the interruption. */
    static boolean interrupted(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof MongoInterruptedException
                    || t instanceof InterruptedIOException || t instanceof ClosedByInterruptException
                    || t instanceof AxonTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
