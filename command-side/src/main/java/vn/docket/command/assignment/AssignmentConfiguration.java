package vn.docket.command.assignment;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.axon.CatchUpCachingRepository;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RevisionPointSettings.class)
class AssignmentConfiguration {

    /**
     * Referenced from {@code @Aggregate(repository = "assignmentRepository")}: assignments are cached between
     * commands and brought up to date with the store before each use ({@link CatchUpCachingRepository}).
     */
    @Bean
    Repository<Assignment> assignmentRepository(EventStore eventStore, Cache aggregateCache,
                                                SnapshotTriggerDefinition snapshotTrigger,
                                                ParameterResolverFactory parameterResolverFactory,
                                                HandlerDefinition handlerDefinition) {
        return CatchUpCachingRepository.of(Assignment.class, eventStore, aggregateCache, snapshotTrigger,
                parameterResolverFactory, handlerDefinition);
    }

    /**
     * Only a snapshot of the assignment's current shape ({@link Assignment#SHAPE}) is read: one written before
     * its fields changed would restore a wrong state, so it is ignored and the assignment rebuilt from its events.
     * Axon stores the aggregate's simple class name as the snapshot's type.
     */
    /** Asked by a contribution's judging commands who leads the assignment it feeds. */
    @Bean
    LeadUnits leadUnits(EventStore eventStore) {
        return new LeadUnits(eventStore);
    }

    @Bean
    SnapshotFilter assignmentSnapshots() {
        return RevisionSnapshotFilter.builder().type(Assignment.class.getSimpleName()).revision(Assignment.SHAPE).build();
    }
}
