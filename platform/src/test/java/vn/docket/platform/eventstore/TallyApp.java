package vn.docket.platform.eventstore;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import vn.docket.platform.axon.AggregateCache;
import vn.docket.platform.axon.CachedCommandTargetResolver;
import vn.docket.platform.axon.CatchUpCachingRepository;
import vn.docket.platform.axon.NotForTrackedEvents;

/**
 * Axon wired by hand (no Spring) around one engine: the Tally aggregate, optional snapshots, tracking
 * processors for the given handlers, and axon-mongo's token store as Docket uses it.
 */
public final class TallyApp implements AutoCloseable {

    public final Configuration config;
    public final CommandGateway gateway;

    private TallyApp(Configuration config) {
        this.config = config;
        this.gateway = config.commandGateway();
    }

    /**
     * @param snapshotThreshold events between snapshots of one tally; 0 for none
     * @param aggregateCache    how many tallies to keep in memory between commands, as Docket does; 0 for none
     * @param batchSize         how many events a processor handles per batch (and token update)
     */
    public static TallyApp start(EventStorageEngine engine, MongoDatabase database, int snapshotThreshold,
                                 int aggregateCache, int batchSize, List<Object> eventHandlers) {
        Serializer serializer = JacksonSerializer.defaultSerializer();
        AggregateConfigurer<Tally> aggregate = AggregateConfigurer.defaultConfiguration(Tally.class)
                .configureCommandTargetResolver(c -> new CachedCommandTargetResolver());
        if (snapshotThreshold > 0) {
            aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold));
        }
        if (aggregateCache > 0) {
            // As Docket's command side builds its repositories (command-side assignment/AssignmentConfiguration).
            aggregate.configureRepository(c -> CatchUpCachingRepository.of(Tally.class, c.eventStore(),
                    new AggregateCache(aggregateCache), snapshotThreshold > 0
                            ? new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold)
                            : NoSnapshotTriggerDefinition.INSTANCE,
                    c.parameterResolverFactory(), c.handlerDefinition(Tally.class)));
        }
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine)
                .configureTransactionManager(c -> NoTransactionManager.INSTANCE)
                .configureAggregate(aggregate)
                // As Docket configures them (platform axon/AxonStorageConfiguration).
                .configureCorrelationDataProviders(c -> List.of(NotForTrackedEvents.of(new MessageOriginProvider())));
        configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTokenStore(c -> MongoTokenStore.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                        .serializer(serializer)
                        .build())
                .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(batchSize));
        for (Object handler : eventHandlers) {
            configurer.eventProcessing().registerEventHandler(c -> handler);
        }
        Configuration config = configurer.buildConfiguration();
        config.start();
        return new TallyApp(config);
    }

    public long bump(String id) {
        Object result = gateway.sendAndWait(new Tally.Bump(id));
        return ((Number) result).longValue();
    }

    @Override
    public void close() {
        config.shutdown();
    }
}
