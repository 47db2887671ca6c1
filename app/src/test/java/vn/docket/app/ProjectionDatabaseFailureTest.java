package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A projection handler that fails because the database is out of reach must fail its batch, so the
 * processor retries it; if the failure were only logged, the processor would store a position past an
 * event that never reached the read model. (DatabaseOutageTest shows the retry end to end.)
 */
@SpringBootTest(classes = DocketApplication.class)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ProjectionDatabaseFailureTest {

    @Autowired
    EventProcessingConfiguration processing;

    final EventMessage<?> event = GenericEventMessage.asEventMessage("an event");
    final EventMessageHandler handler = mock(EventMessageHandler.class);

    ProjectionDatabaseFailureTest() {
        when(handler.getTargetType()).thenAnswer(invocation -> Object.class);
    }

    @Test
    void every_projection_fails_its_batch_when_the_database_is_out_of_reach_so_the_event_is_tried_again() {
        for (String projection : ProjectionRebuildTest.COLLECTIONS.keySet()) {
            ListenerInvocationErrorHandler onError = processing.listenerInvocationErrorHandler(projection);
            MongoSocketReadException cut = new MongoSocketReadException("Prematurely reached end of stream",
                    new ServerAddress("127.0.0.1", 27027));
            assertThatThrownBy(() -> onError.onError(new IllegalStateException("wrapped", cut), event, handler))
                    .as(projection).hasCause(cut);
        }
    }

    @Test
    void a_projection_failure_that_is_not_the_database_is_logged_and_processing_goes_on() {
        ListenerInvocationErrorHandler onError = processing.listenerInvocationErrorHandler("assignment-list");
        assertThatCode(() -> onError.onError(new IllegalStateException("a defect"), event, handler)).doesNotThrowAnyException();
    }
}
