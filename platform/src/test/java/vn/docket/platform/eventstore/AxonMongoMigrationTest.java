package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
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

        AxonMongoMigration.Result result = new AxonMongoMigration(store.database, store.serializer).run();

        assertThat(result).isEqualTo(new AxonMongoMigration.Result(6, 0, 1, 0));
        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
        assertThat(all).extracting(AxonMongoMigrationTest::label)
                .containsExactly("already-here#0", "b#0", "a#0", "c#0", "b#1", "b#2", "a#1"); // ties: sequence first
        assertThat(all.get(1).getIdentifier()).isEqualTo("b-0");
        assertThat(all.get(1).getTimestamp()).isEqualTo(Instant.parse("2025-03-01T00:00:05Z"));
        assertThat(engine.readEvents("b").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(0L, 1L, 2L);
        assertThat(engine.readSnapshot("b").orElseThrow().getSequenceNumber()).isEqualTo(1);

        assertThat(new AxonMongoMigration(store.database, store.serializer).run()).isEqualTo(new AxonMongoMigration.Result(0, 6, 1, 0));
        assertThat(engine.readEvents(null, false).count()).isEqualTo(7);
        engine.appendEvents(DocketEventStorageEngineTest.event("a", 2));
        assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
        // Copied events are chained like appended ones: the migrated store verifies.
        Checkpointer checkpointer = new Checkpointer(store.database, 1000, java.time.Duration.ofSeconds(10));
        assertThat(new StoreVerifier(store.database, checkpointer, Duration.ZERO).verify().intact()).isTrue();
    }

    @Test
    void processors_continue_after_the_migration_from_the_event_after_the_last_one_they_handled() {
        for (int i = 0; i < 300; i++) {
            axonMongo.appendEvents(at("t" + i % 7, i / 7, i)); // one event a second, seven aggregates
        }
        List<TrackedEventMessage<?>> delivered = axonMongo.readEvents(null, false).limit(300)
                .<TrackedEventMessage<?>>map(e -> e).toList();
        MongoTokenStore tokens = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(store.database).build())
                .serializer(store.serializer).build();
        // One processor had handled 200 events; another was replaying: reset at 250, back at 120.
        tokens.initializeTokenSegments("assignment-list", 1, delivered.get(199).trackingToken());
        tokens.initializeTokenSegments("plan-path", 1, ReplayToken.createReplayToken(
                delivered.get(249).trackingToken(), delivered.get(119).trackingToken()));
        tokens.initializeTokenSegments("audit-log", 1, null);
        AxonMongoMigration migration = new AxonMongoMigration(store.database, store.serializer);
        // What Docket warns about at start-up when the migration is not switched on.
        assertThat(migration.segmentsOnAxonMongoTokens()).containsExactlyInAnyOrder("assignment-list/0", "plan-path/0");

        AxonMongoMigration.Result result = migration.run();

        assertThat(result.tokens()).isEqualTo(2);
        DocketEventStorageEngine engine = store.engine();
        TrackingToken continued = tokens.fetchToken("assignment-list", 0);
        assertThat(continued).isEqualTo(new GlobalSequenceTrackingToken(200));
        assertThat(engine.readEvents(continued, false).map(AxonMongoMigrationTest::label).findFirst())
                .contains(label(delivered.get(200)));
        TrackingToken replaying = tokens.fetchToken("plan-path", 0);
        assertThat(replaying).isEqualTo(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(250), new GlobalSequenceTrackingToken(120)));
        assertThat(tokens.fetchToken("audit-log", 0)).isNull();
        // Now they compare with Docket's positions, so a processor can be reset to rebuild its projection.
        assertThat(ReplayToken.createReplayToken(continued, engine.createTailToken())).isInstanceOf(ReplayToken.class);
        assertThat(migration.segmentsOnAxonMongoTokens()).isEmpty();
        assertThat(new AxonMongoMigration(store.database, store.serializer).run().tokens()).isZero();
    }
}
