package vn.docket.query.assignments;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The assignment index's processor keeps its position in memory, so each node rebuilds its index from the
 * event store at start, whatever the other nodes do (no token in the database: nothing to share or claim).
 * A failure in the index is not parked as a dead letter, which would leave the index without an assignment
 * for good: the processor stops on it and tries the batch again.
 */
@Configuration(proxyBeanMethods = false)
class AssignmentIndexConfiguration {

    @Autowired
    void indexInMemory(EventProcessingConfigurer processing) {
        processing.registerTokenStore(AssignmentIndex.NAME, configuration -> new InMemoryTokenStore());
        processing.registerListenerInvocationErrorHandler(AssignmentIndex.NAME,
                configuration -> PropagatingErrorHandler.instance());
    }

    /** Part of readiness: OUT_OF_SERVICE while the index reads the store after start-up (list requests wait). */
    @Bean
    HealthIndicator assignmentIndexHealthIndicator(AssignmentIndex index) {
        return () -> (index.caughtUp() ? Health.up() : Health.outOfService())
                .withDetail("assignments", index.size()).build();
    }
}
