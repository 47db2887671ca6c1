package vn.docket.platform.axon;

import java.io.Serializable;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTrigger;
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
 *
 * <p>The read starts at the event the cached copy ends with, not after it, and that event must be the one
 * the copy last applied (same identifier). Otherwise the store no longer holds what the copy was built
 * from (writes lost in a crash of the database, a restore from a backup, perhaps written again differently
 * since): the copy is dropped and the aggregate loaded from the store, so the command is decided on what is
 * stored, or fails as for any unknown aggregate when nothing is. A copy loaded from a snapshot with no event
 * after it knows only the snapshot's identifier; it is loaded again on its next use, unless its command
 * applied an event.
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
                .snapshotTriggerDefinition(new HeadTracking(snapshots))
                .cache(cache);
        return new CatchUpCachingRepository<>(builder, cache, eventStore);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (!cached || aggregate.version() == null) {
            return aggregate;
        }
        DomainEventStream stored = eventStore.readEvents(aggregateIdentifier, aggregate.version());
        if (!stored.hasNext() || !stored.peek().getIdentifier().equals(HeadTracking.head(aggregate))) {
            cache.remove(aggregateIdentifier);
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        stored.next(); // the event the copy ends with
        if (stored.hasNext()) {
            aggregate.initializeState(stored);
        }
        return aggregate;
    }

    /**
     * Remembers the identifier of the last event each aggregate applied, loaded or new, in the aggregate's
     * snapshot trigger: the one object Axon keeps with an aggregate in the cache and shows every event to.
     */
    private record HeadTracking(SnapshotTriggerDefinition snapshots) implements SnapshotTriggerDefinition {

        static String head(EventSourcedAggregate<?> aggregate) {
            return aggregate.getSnapshotTrigger() instanceof Trigger trigger ? trigger.head : null;
        }

        @Override
        public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
            return new Trigger(snapshots.prepareTrigger(aggregateType));
        }

        @Override
        public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
            if (trigger instanceof Trigger tracking) {
                tracking.snapshots = snapshots.reconfigure(aggregateType, tracking.snapshots);
                return tracking;
            }
            return new Trigger(snapshots.reconfigure(aggregateType, trigger));
        }

        private static final class Trigger implements SnapshotTrigger, Serializable {

            private SnapshotTrigger snapshots;
            private String head;

            Trigger(SnapshotTrigger snapshots) {
                this.snapshots = snapshots;
            }

            @Override
            public void eventHandled(EventMessage<?> event) {
                head = event.getIdentifier();
                snapshots.eventHandled(event);
            }

            @Override
            public void initializationFinished() {
                snapshots.initializationFinished();
            }
        }
    }
}
