package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AxonMongoMigrationTest {

    private EmbeddedStore store;
    private MongoEventStorageEngine axonMongo;

    @BeforeEach
    void start() {
        store = EmbeddedStore.inMemory();
        axonMongo = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database).build())
                .snapshotSerializer(store.serializer)
                .eventSerializer(store.serializer)
                .build();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static DomainEventMessage<Noted> at(String aggregate, long sequence, int second) {
        return new GenericDomainEventMessage<>("Thing", aggregate, sequence, new Noted(aggregate, sequence), Map.of(),
                aggregate + "-" + sequence, Instant.parse("2025-03-01T00:00:00Z").plusSeconds(second));
    }

    private static String label(TrackedEventMessage<?> e) {
        Noted n = (Noted) e.getPayload();
        return n.id() + "#" + n.n();
    }

    @Test
    void events_and_latest_snapshots_are_copied_in_timestamp_then_sequence_order_and_a_second_run_copies_nothing() {
        // Written in an order that differs from time order: b's first event is the oldest.
        axonMongo.appendEvents(at("a", 0, 10), at("a", 1, 30));
        axonMongo.appendEvents(at("b", 0, 5), at("b", 1, 20), at("b", 2, 20));
        axonMongo.appendEvents(at("c", 0, 20));
        axonMongo.storeSnapshot(new GenericDomainEventMessage<>("Thing", "b", 0, new Noted("snap", 0)));
        axonMongo.storeSnapshot(new GenericDomainEventMessage<>("Thing", "b", 1, new Noted("snap", 1)));
        DocketEventStorageEngine engine = store.engine();
        engine.appendEvents(DocketEventStorageEngineTest.event("already-here", 0));

        AxonMongoMigration.Result result = new AxonMongoMigration(store.database).run();

        assertThat(result).isEqualTo(new AxonMongoMigration.Result(6, 0, 1));
        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
        assertThat(all).extracting(AxonMongoMigrationTest::label)
                .containsExactly("already-here#0", "b#0", "a#0", "c#0", "b#1", "b#2", "a#1"); // ties: sequence first
        assertThat(all.get(1).getIdentifier()).isEqualTo("b-0");
        assertThat(all.get(1).getTimestamp()).isEqualTo(Instant.parse("2025-03-01T00:00:05Z"));
        assertThat(engine.readEvents("b").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L);
        assertThat(engine.readSnapshot("b").orElseThrow().getSequenceNumber()).isEqualTo(1);

        assertThat(new AxonMongoMigration(store.database).run()).isEqualTo(new AxonMongoMigration.Result(0, 6, 1));
        assertThat(engine.readEvents(null, false).count()).isEqualTo(7);
        engine.appendEvents(DocketEventStorageEngineTest.event("a", 2));
        assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
        // Copied events are chained like appended ones: the migrated store verifies.
        Checkpointer checkpointer = new Checkpointer(store.database, 1000, java.time.Duration.ofSeconds(10));
        assertThat(new StoreVerifier(store.database, checkpointer).verify().intact()).isTrue();
    }
}
