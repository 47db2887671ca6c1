package vn.docket.platform.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * Axon's caching repository, made safe for several command nodes: an aggregate taken from this node's cache
 * is first brought up to date with the events stored after it (one exact-match read, normally empty), so
 * that a command or a deadline is always decided on what is stored, including what another node wrote.
 *
 * <p>Without this, a node's cached copy could refuse a command that the stored aggregate allows, or pass
 * over a deadline that another node moved. (A command accepted on a stale copy would still fail to store:
 * its sequence number is taken. Only the refusals and no-ops would be wrong, and nothing would show it.)
 */
public final class CatchUpCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    private CatchUpCachingRepository(Builder<T> builder, Cache cache, EventStore eventStore) {
        super(builder);
        this.cache = cache;
        this.eventStore = eventStore;
    }

    /**
     * @param parameters and {@code handlers}: the ones Axon's configuration uses, so that handlers inside the
     *                   aggregate resolve their parameters (Spring beans among them) as they would otherwise
     */
    public static <T> CatchUpCachingRepository<T> of(Class<T> aggregateType, EventStore eventStore, Cache cache,
                                                      SnapshotTriggerDefinition snapshots,
                                                      ParameterResolverFactory parameters, HandlerDefinition handlers) {
        Builder<T> builder = EventSourcingRepository.builder(aggregateType)
                .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType, parameters, handlers))
                .eventStore(eventStore)
                .snapshotTriggerDefinition(snapshots)
                .cache(cache);
        return new CatchUpCachingRepository<>(builder, cache, eventStore);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached) {
            DomainEventStream newer = eventStore.readEvents(aggregateIdentifier, aggregate.version() + 1);
            if (newer.hasNext()) {
                aggregate.initializeState(newer);
            }
        }
        return aggregate;
    }
}
