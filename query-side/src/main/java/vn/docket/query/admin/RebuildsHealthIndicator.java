package vn.docket.query.admin;

import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * With {@code docket.health.unready-while-rebuilding=true}, readiness is DOWN while a projection is being
 * rebuilt, so that a load balancer in front of several query nodes reads from the others until this one's
 * read model is whole again. Off by default: a single Docket would otherwise refuse everything during a
 * rebuild, and it answers correctly for the projections not being rebuilt.
 */
@Component
class RebuildsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final boolean unreadyWhileRebuilding;

    RebuildsHealthIndicator(EventProcessingConfiguration processing,
                            @Value("${docket.health.unready-while-rebuilding:false}") boolean unreadyWhileRebuilding) {
        this.processing = processing;
        this.unreadyWhileRebuilding = unreadyWhileRebuilding;
    }

    @Override
    public Health health() {
        if (unreadyWhileRebuilding && processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .flatMap(p -> ((StreamingEventProcessor) p).processingStatus().values().stream())
                .anyMatch(RebuildsHealthIndicator::rebuilding)) {
            return Health.outOfService().build();
        }
        return Health.up().build();
    }

    /**
     * Still replaying what was stored before the reset. (Axon's own replay flag stays on after that, until
     * the next new event arrives.)
     */
    static boolean rebuilding(EventTrackerStatus segment) {
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        return segment.isReplaying() && reset.isPresent()
                && (current.isEmpty() || current.getAsLong() < reset.getAsLong());
    }
}
