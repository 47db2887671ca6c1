package vn.docket.platform.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.events.EventMetadata;
import vn.docket.events.upcasting.Upcasters;
import vn.docket.platform.StartRefused;
import vn.docket.platform.backup.Backup;
import vn.docket.platform.eventstore.AxonMongoMigration;
import vn.docket.platform.eventstore.DocketEventStorageEngine;
import vn.docket.platform.mongo.DatabaseServer;

/**
 * Event store, token store and saga store on MongoDB. The axon-mongo extension ships no Spring Boot
 * starter for Axon 4.12, so the beans are built here. Both sides use the same wiring: the command side
 * appends and loads aggregates, the query side tracks the same store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventStoreSettings.class, ClusterSettings.class})
public class AxonStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AxonStorageConfiguration.class);

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    /**
     * Docket's own engine by default ({@code docket.event-store.engine=docket}); the axon-mongo extension with
     * {@code docket.event-store.engine=axon-mongo}. The two keep events in different collections and use
     * different tracking tokens: move from axon-mongo to Docket's engine with {@link AxonMongoMigration}
     * ({@code docket.event-store.migrate-from-axon-mongo=true}), which moves the processors' tokens too;
     * without it, processors still on axon-mongo tokens are named in a warning at start-up. The baseline
     * is for measuring on a fresh database; nothing moves a Docket store back to it. Each aggregate that
     * snapshots says which snapshots it can read (a {@link SnapshotFilter} bean); any other is ignored and the
     * aggregate is rebuilt from its events.
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate template,
                                          MongoDatabase database,
                                          DatabaseServer databaseServer,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          EventStoreSettings settings,
                                          ObjectProvider<SnapshotFilter> snapshotFilters) {
        SnapshotFilter snapshotFilter = snapshotFilters.orderedStream()
                .reduce(SnapshotFilter.allowAll(), SnapshotFilter::combine);
        if (settings.usesDocketEngine()) {
            try {
                Backup.requireWhole(database); // part of a backup, from a restore that was killed, is no store to serve
            } catch (Backup.Refused e) {
                throw new StartRefused(e.getMessage(), "Do what the sentence above says, then start Docket again.");
            }
            DocketEventStorageEngine engine = DocketEventStorageEngine.builder()
                    .database(database)
                    .snapshotFilter(snapshotFilter)
                    .snapshotSerializer(serializer)
                    .eventSerializer(eventSerializer)
                    .upcasterChain(new EventUpcasterChain(Upcasters.all()))
                    .batchSize(settings.batchSize())
                    .gapTimeout(settings.gapTimeout())
                    .build()
                    .ensureIndexes();
            AxonMongoMigration migration = new AxonMongoMigration(database, serializer);
            if (settings.migrateFromAxonMongo()) {
                migration.run();
                databaseServer.flush();
            } else {
                for (String segment : migration.segmentsOnAxonMongoTokens()) {
                    log.warn("Projection processor {} still holds a position in the axon-mongo event store and cannot"
                            + " process events until it is carried over: start Docket once with"
                            + " docket.event-store.migrate-from-axon-mongo=true", segment);
                }
            }
            return engine;
        }
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .snapshotFilter(snapshotFilter)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(Upcasters.all()))
                .batchSize(settings.batchSize())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /** Shared by every node on the database; see {@link ClusterSettings} for the claims. */
    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer, ClusterSettings cluster) {
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer)
                .claimTimeout(cluster.claimTimeout()).nodeId(cluster.nodeId()).build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate template, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    /** Used by the assignment repository (command-side {@code AssignmentConfiguration}). */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, EventStoreSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }

    /**
     * Shared by the command side's repositories ({@code AssignmentConfiguration}, {@code NoticeConfiguration});
     * aggregate identifiers are UUIDs, so the two kinds cannot collide in it.
     */
    @Bean
    Cache aggregateCache(EventStoreSettings settings) {
        return settings.aggregateCache() == 0 ? NoCache.INSTANCE : new AggregateCache(settings.aggregateCache());
    }

    /** Referenced from each {@code @Aggregate(commandTargetResolver = ...)}; see {@link CachedCommandTargetResolver}. */
    @Bean
    CachedCommandTargetResolver commandTargetResolver() {
        return new CachedCommandTargetResolver();
    }

    /**
     * Copies who acted and under which command from each command (or deadline) onto the events it produces;
     * not from events to what projections would send ({@link NotForTrackedEvents}).
     */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return NotForTrackedEvents.of(new SimpleCorrelationDataProvider(EventMetadata.ACTOR_ID,
                EventMetadata.ACTOR_NAME, EventMetadata.ACTOR_UNIT, EventMetadata.ACTOR_ROLE, EventMetadata.COMMAND_ID,
                EventMetadata.KEYED_REQUEST, EventMetadata.ACTOR_LEVELS));
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return NotForTrackedEvents.of(new MessageOriginProvider());
    }
}
