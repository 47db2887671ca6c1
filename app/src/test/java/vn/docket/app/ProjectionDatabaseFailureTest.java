package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A projection handler that fails because the database is out of reach must fail its batch, so the
 * processor retries it; if the failure parked the event instead, a mere outage would stall assignments
 * until an administrator retried them. Any other failure parks the event (PoisonEventTest).
 * (DatabaseOutageTest shows the retry end to end.)
 */
@SpringBootTest(classes = DocketApplication.class)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ProjectionDatabaseFailureTest {

    @Autowired
    EventProcessingConfiguration processing;

    final EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

    /** What the processor's dead-letter policy decides for a handler's failure inside a processor's batch. */
    EnqueueDecision<EventMessage<?>> decideInABatch(String projection, Exception failure) {
        EnqueuePolicy<EventMessage<?>> policy = processing.deadLetterPolicy(projection).orElseThrow();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event));
        batch.start();
        try {
            return policy.decide(new GenericDeadLetter<>("an assignment", event, failure), failure);
        } finally {
            batch.rollback();
        }
    }

    @Test
    void every_projection_fails_its_batch_when_the_database_is_out_of_reach_so_the_event_is_tried_again() {
        for (String projection : ProjectionRebuildTest.COLLECTIONS.keySet()) {
            MongoSocketReadException cut = new MongoSocketReadException("Prematurely reached end of stream",
                    new ServerAddress("127.0.0.1", 27027));
            assertThatThrownBy(() -> decideInABatch(projection, new IllegalStateException("wrapped", cut)))
                    .as(projection).hasCause(cut);
        }
    }

    @Test
    void a_projection_failure_that_is_not_the_database_parks_the_event_and_processing_goes_on() {
        for (String projection : ProjectionRebuildTest.COLLECTIONS.keySet()) {
            assertThat(decideInABatch(projection, new IllegalStateException("a defect")).shouldEnqueue()).as(projection).isTrue();
        }
    }
}
