package vn.docket.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.junit.jupiter.api.Test;

class NotForTrackedEventsTest {

    private static final MetaData ACTED = MetaData.with("actorId", "vanthu.ubnd").and("commandId", "c-42");

    private final CorrelationDataProvider provider =
            NotForTrackedEvents.of(new SimpleCorrelationDataProvider("actorId", "commandId"));

    @Test
    void a_command_passes_who_acted_on_to_the_events_it_produces() {
        assertThat(provider.correlationDataFor(new GenericCommandMessage<>("Approve").withMetaData(ACTED)))
                .isEqualTo(Map.of("actorId", "vanthu.ubnd", "commandId", "c-42"));
    }

    @Test
    void a_deadline_passes_who_acted_on_as_well() {
        assertThat(provider.correlationDataFor(new GenericDeadlineMessage<>("remind", "payload", ACTED)))
                .isEqualTo(Map.of("actorId", "vanthu.ubnd", "commandId", "c-42"));
    }

    @Test
    void an_event_handed_to_a_tracking_processor_is_not_asked_for_its_stored_metadata() {
        GenericEventMessage<String> stored = new GenericEventMessage<>("TaskAssigned", ACTED) {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("the event's metadata was deserialized");
            }
        };
        assertThat(provider.correlationDataFor(
                new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(7), stored))).isEmpty();
    }

    @Test
    void an_event_published_directly_still_passes_who_acted_on() {
        assertThat(provider.correlationDataFor(new GenericEventMessage<>("DraftSubmitted", ACTED)))
                .isEqualTo(Map.of("actorId", "vanthu.ubnd", "commandId", "c-42"));
    }
}
