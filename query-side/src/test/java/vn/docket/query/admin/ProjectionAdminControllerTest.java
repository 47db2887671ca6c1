package vn.docket.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;

/** Rebuilding a projection on the token store real nodes share: refused only when another node holds a segment. */
class ProjectionAdminControllerTest {

    static final String NAME = "notifications";
    static final GlobalSequenceTrackingToken HEAD = new GlobalSequenceTrackingToken(41);

    @RegisterExtension
    final TestDatabase db = TestDatabase.inMemory();
    final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    ProjectionAdminController controller;

    TokenStore node(String id) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(db.database()).build())
                .serializer(JacksonSerializer.defaultSerializer()).claimTimeout(Duration.ofSeconds(5)).nodeId(id).build();
    }

    @BeforeEach
    void setUp() {
        TokenStore here = node("here");
        here.initializeTokenSegments(NAME, 2, HEAD);
        when(processing.eventProcessor(NAME, StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processing.tokenStore(NAME)).thenReturn(here);
        when(processing.deadLetterQueue(NAME)).thenReturn(Optional.empty());
        when(processor.processingStatus()).thenReturn(Map.of());
        EventStore store = mock(EventStore.class);
        when(store.createHeadToken()).thenReturn(HEAD);
        controller = new ProjectionAdminController(processing, store);
        TestReadSide.signIn(new Actor("admin", "Quản trị", null, Role.ADMIN));
    }

    @Test
    void a_rebuild_the_token_store_finds_nothing_to_store_for_is_accepted_on_a_node_alone() {
        // What MongoTokenStore says when the reset's position equals the stored one within the same millisecond: the
        // notifications start at the head, and caught up they have nothing to reset.
        doThrow(new UnableToClaimTokenException("Unable to claim token 'notifications[0]'. It is either already claimed"
                + " or it does not exist")).when(processor).resetTokens();

        assertThat(controller.rebuild(NAME).getStatusCode().value()).isEqualTo(202);
        verify(processor).start();
    }

    @Test
    void a_rebuild_while_another_node_holds_a_segment_is_refused_before_anything_is_reset_and_the_projection_runs_on() {
        node("there").fetchToken(NAME, 1);

        StateConflict refused = catchThrowableOfType(() -> controller.rebuild(NAME), StateConflict.class);

        assertThat(refused.rule()).isEqualTo("rebuild-on-other-nodes");
        verify(processor, never()).resetTokens();
        verify(processor).start();
    }
}
