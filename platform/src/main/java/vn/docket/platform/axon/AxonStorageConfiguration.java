package vn.docket.platform.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.events.EventMetadata;
import vn.docket.events.upcasting.Upcasters;

/**
 * Event store, token store and saga store on MongoDB. The axon-mongo extension ships no Spring Boot
 * starter for Axon 4.12, so the beans are built here. Both sides use the same wiring: the command side
 * appends and loads aggregates, the query side tracks the same store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreSettings.class)
public class AxonStorageConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate template,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          EventStoreSettings settings) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(Upcasters.all()))
                .batchSize(settings.batchSize())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate template, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    /** Referenced by name from aggregates: {@code @Aggregate(snapshotTriggerDefinition = "snapshotTrigger")}. */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, EventStoreSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }

    /** Copies who acted and under which command from each command onto the events it produces. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(EventMetadata.ACTOR_ID, EventMetadata.ACTOR_NAME,
                EventMetadata.ACTOR_UNIT, EventMetadata.ACTOR_ROLE, EventMetadata.COMMAND_ID);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
