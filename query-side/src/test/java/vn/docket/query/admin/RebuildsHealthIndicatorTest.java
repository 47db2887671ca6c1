package vn.docket.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** Readiness during a rebuild: DOWN (out of service) only when configured, and only until the replay is through. */
class RebuildsHealthIndicatorTest {

    static EventProcessingConfiguration oneProjection(boolean replaying, long reset, Long current) {
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        when(segment.isReplaying()).thenReturn(replaying);
        when(segment.getResetPosition()).thenReturn(OptionalLong.of(reset));
        when(segment.getCurrentPosition()).thenReturn(current == null ? OptionalLong.empty() : OptionalLong.of(current));
        TrackingEventProcessor processor = mock(TrackingEventProcessor.class);
        when(processor.processingStatus()).thenReturn(Map.of(0, segment));
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("assignment-list", processor));
        return processing;
    }

    @Test
    void a_node_configured_for_it_is_not_ready_while_a_projection_replays_what_was_stored_before_the_rebuild() {
        assertThat(new RebuildsHealthIndicator(oneProjection(true, 1000, 400L), true).health().getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(new RebuildsHealthIndicator(oneProjection(true, 1000, null), true).health().getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void it_is_ready_again_once_the_replay_reached_where_the_rebuild_started_though_axon_still_says_replaying() {
        assertThat(new RebuildsHealthIndicator(oneProjection(true, 1000, 1000L), true).health().getStatus())
                .isEqualTo(Status.UP);
        assertThat(new RebuildsHealthIndicator(oneProjection(false, 1000, 1200L), true).health().getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void by_default_a_rebuild_leaves_readiness_alone() {
        assertThat(new RebuildsHealthIndicator(oneProjection(true, 1000, 400L), false).health().getStatus())
                .isEqualTo(Status.UP);
    }
}
