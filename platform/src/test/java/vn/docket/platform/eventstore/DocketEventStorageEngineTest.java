package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocketEventStorageEngineTest {

    private EmbeddedStore store;
    private DocketEventStorageEngine engine;

    @BeforeEach
    void start() {
        store = EmbeddedStore.inMemory();
        engine = store.engine();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    static DomainEventMessage<Noted> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Thing", aggregate, sequence, new Noted(aggregate, sequence));
    }

    private List<TrackedEventMessage<?>> readFrom(TrackingToken token) {
        return new ArrayList<>(engine.readEvents(token, false).toList());
    }

    private static long position(TrackedEventMessage<?> e) {
        return ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex();
    }

    private static String label(TrackedEventMessage<?> e) {
        Noted n = (Noted) e.getPayload();
        return n.id() + "#" + n.n();
    }

    @Test
    void an_engine_without_a_database_is_refused_when_it_is_built() {
        assertThatThrownBy(() -> DocketEventStorageEngine.builder().eventSerializer(store.serializer)
                .snapshotSerializer(store.serializer).build())
                .isInstanceOf(org.axonframework.common.AxonConfigurationException.class)
                .hasMessageContaining("MongoDatabase");
    }

    @Test
    void an_event_published_without_an_aggregate_is_read_back_as_such_not_as_an_aggregate_event() {
        engine.appendEvents(org.axonframework.eventhandling.GenericEventMessage.asEventMessage("signed in"));
        List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).toList();
        assertThat(read).hasSize(1);
        assertThat(read.get(0)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(read.get(0).getPayload()).isEqualTo("signed in");
    }

    @Test
    void concurrent_writers_get_consecutive_positions_without_gaps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int seq = 0; seq < 5; seq++) {
                    for (int a = 0; a < 25; a++) {
                        engine.appendEvents(event("w" + thread + "-" + a, seq));
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<TrackedEventMessage<?>> all = readFrom(null);
        assertThat(all).hasSize(500);
        for (int i = 0; i < all.size(); i++) {
            assertThat(position(all.get(i))).isEqualTo(i + 1);
        }
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(500));
    }

    @Test
    void a_second_writer_of_the_same_sequence_gets_a_concurrency_exception_and_leaves_no_gap() {
        engine.appendEvents(event("a", 0), event("a", 1));
        assertThatThrownBy(() -> engine.appendEvents(event("a", 1), event("a", 2)))
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(event("b", 0));

        // The failed writer gave its positions back: the next event takes position 3, and nobody waits.
        List<TrackedEventMessage<?>> all = readFrom(null);
        assertThat(all).extracting(DocketEventStorageEngineTest::label).containsExactly("a#0", "a#1", "b#0");
        assertThat(all).extracting(DocketEventStorageEngineTest::position).containsExactly(1L, 2L, 3L);
        assertThat(engine.readEvents("a").asStream().toList()).hasSize(2);
    }

    @Test
    void a_reader_waits_for_a_position_committed_late_and_then_delivers_both_events_in_order() throws Exception {
        CountDownLatch slowWriterHasPosition = new CountDownLatch(1);
        CountDownLatch letSlowWriterCommit = new CountDownLatch(1);
        DocketEventStorageEngine withSlowWriter = holdingWriter(store, "slow-writer", Duration.ofSeconds(30), System::nanoTime,
                slowWriterHasPosition, letSlowWriterCommit);
        Thread slow = new Thread(() -> withSlowWriter.appendEvents(event("slow", 0)), "slow-writer");
        slow.start();
        await(slowWriterHasPosition);
        withSlowWriter.appendEvents(event("fast", 0)); // position 2, committed before position 1

        assertThat(readFrom(null)).as("the reader must not pass position 1 while its writer is alive").isEmpty();
        assertThat(readFrom(null)).isEmpty();

        letSlowWriterCommit.countDown();
        slow.join(10_000);
        List<TrackedEventMessage<?>> all = readFrom(null);
        assertThat(all).extracting(DocketEventStorageEngineTest::label).containsExactly("slow#0", "fast#0");
        assertThat(all).extracting(DocketEventStorageEngineTest::position).containsExactly(1L, 2L);
    }

    @Test
    void positions_whose_writers_died_are_filled_and_passed_together_once_the_gap_timeout_has_run_out() {
        AtomicLong nanos = new AtomicLong();
        AtomicBoolean writersDie = new AtomicBoolean();
        engine = store.builder(Duration.ofSeconds(10), nanos::get, NoOpEventUpcaster.INSTANCE)
                .beforeInsert(first -> {
                    if (writersDie.get()) {
                        throw new IllegalStateException("the writer dies between taking position " + first + " and writing");
                    }
                }).build();
        engine.appendEvents(event("a", 0));
        writersDie.set(true);
        assertThatThrownBy(() -> engine.appendEvents(event("dead", 0))).hasMessageContaining("position 2");
        assertThatThrownBy(() -> engine.appendEvents(event("dead", 0), event("dead", 1))).hasMessageContaining("position 3");
        writersDie.set(false);
        engine.appendEvents(event("b", 0));

        assertThat(readFrom(null)).extracting(DocketEventStorageEngineTest::label).containsExactly("a#0");
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(readFrom(new GlobalSequenceTrackingToken(1))).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        List<TrackedEventMessage<?>> rest = readFrom(new GlobalSequenceTrackingToken(1));
        assertThat(rest).extracting(DocketEventStorageEngineTest::label).containsExactly("b#0");
        assertThat(rest).extracting(DocketEventStorageEngineTest::position).containsExactly(5L);
        assertThat(EventDocuments.isFiller(stored(2))).as("the reader fills the gaps it passes").isTrue();
        assertThat(EventDocuments.isFiller(stored(4))).isTrue();
    }

    @Test
    void a_writer_that_commits_after_readers_passed_its_position_stores_its_event_further_on() throws Exception {
        AtomicLong nanos = new AtomicLong();
        CountDownLatch slowWriterHasPosition = new CountDownLatch(1);
        CountDownLatch letSlowWriterCommit = new CountDownLatch(1);
        engine = holdingWriter(store, "slow-writer", Duration.ofSeconds(10), nanos::get, slowWriterHasPosition, letSlowWriterCommit);
        Thread slow = new Thread(() -> engine.appendEvents(event("slow", 0)), "slow-writer");
        slow.start();
        await(slowWriterHasPosition);
        engine.appendEvents(event("fast", 0)); // position 2
        assertThat(readFrom(null)).isEmpty();
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        List<TrackedEventMessage<?>> first = readFrom(null);
        assertThat(first).extracting(DocketEventStorageEngineTest::label).containsExactly("fast#0");

        letSlowWriterCommit.countDown();
        slow.join(10_000);
        List<TrackedEventMessage<?>> rest = readFrom(first.get(0).trackingToken());
        assertThat(rest).extracting(DocketEventStorageEngineTest::label).containsExactly("slow#0");
        assertThat(rest).extracting(DocketEventStorageEngineTest::position).containsExactly(3L);
    }

    @Test
    void two_command_nodes_writing_at_once_store_every_event_once_and_leave_no_position_a_reader_waits_for() throws Exception {
        DocketEventStorageEngine other = store.engine();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            DocketEventStorageEngine node = t % 2 == 0 ? engine : other;
            int thread = t;
            work.add(pool.submit(() -> {
                for (int seq = 0; seq < 50; seq += 2) {
                    node.appendEvents(event("n" + thread, seq), event("n" + thread, seq + 1));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<TrackedEventMessage<?>> all = readFrom(null);
        assertThat(all).hasSize(200);
        assertThat(all).extracting(DocketEventStorageEngineTest::position).doesNotHaveDuplicates();
        // A writer that meets another node's event gives up the rest of the positions it took; one that a
        // third writer took in the meantime cannot be given back and holds a filler instead (rare: the
        // inserts must interleave), so the last position may lie past 200, but no position stays empty.
        long last = position(all.get(all.size() - 1));
        List<Long> empty = LongStream.rangeClosed(1, last).filter(p -> stored(p) == null).boxed().toList();
        assertThat(empty).as("positions up to the last that hold neither an event nor a filler").isEmpty();
        assertThat(LongStream.rangeClosed(1, last).filter(p -> EventDocuments.isFiller(stored(p))).count())
                .as("fillers").isEqualTo(last - 200);
        for (int t = 0; t < 4; t++) {
            String id = "n" + t;
            assertThat(all.stream().filter(e -> ((Noted) e.getPayload()).id().equals(id)).map(e -> ((Noted) e.getPayload()).n()))
                    .as("node events of %s, in order", id).containsExactlyElementsOf(LongStream.range(0, 50).boxed().toList());
        }
    }

    @Test
    void no_more_than_32_positions_are_in_flight_at_once_so_a_crash_leaves_a_gap_narrower_than_one_read() throws Exception {
        Set<Long> inFlight = ConcurrentHashMap.newKeySet();
        CountDownLatch letWritersGo = new CountDownLatch(1);
        engine = store.builder(Duration.ofSeconds(10), System::nanoTime, NoOpEventUpcaster.INSTANCE)
                .beforeInsert(first -> {
                    inFlight.add(first);
                    await(letWritersGo);
                }).build();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            String id = "w" + t;
            work.add(pool.submit(() -> engine.appendEvents(event(id, 0))));
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.size() >= 32);
        // Time for a 33rd writer to get a position, if it could: 32 writers hold one, and no more.
        Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> inFlight.size() == 32);
        letWritersGo.countDown();
        for (Future<?> f : work) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(readFrom(null)).extracting(DocketEventStorageEngineTest::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void an_append_that_meets_another_nodes_event_half_way_goes_on_after_it_in_order() throws Exception {
        CountDownLatch heldHasPosition = new CountDownLatch(1);
        CountDownLatch letHeldCommit = new CountDownLatch(1);
        DocketEventStorageEngine nodeA = holdingWriter(store, "held", Duration.ofSeconds(10), System::nanoTime,
                heldHasPosition, letHeldCommit);
        engine.appendEvents(event("x", 0)); // position 1; this node will next try 2
        Thread held = new Thread(() -> nodeA.appendEvents(event("held", 0)), "held");
        held.start();
        await(heldHasPosition); // node A holds position 2 ...
        nodeA.appendEvents(event("y", 0)); // ... and writes position 3
        engine.appendEvents(event("z", 0), event("z", 1), event("z", 2)); // z#0 at 2, meets y at 3

        letHeldCommit.countDown();
        held.join(10_000);
        List<TrackedEventMessage<?>> all = readFrom(null);
        assertThat(all).extracting(DocketEventStorageEngineTest::label)
                .containsExactly("x#0", "z#0", "y#0", "z#1", "z#2", "held#0");
        assertThat(all).extracting(DocketEventStorageEngineTest::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void an_aggregate_is_read_from_its_snapshot_on_and_a_newer_snapshot_replaces_the_older() {
        for (int seq = 0; seq < 40; seq++) {
            engine.appendEvents(event("a", seq));
        }
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 19, new Noted("snap", 19)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 29, new Noted("snap", 29)));

        DomainEventMessage<?> snapshot = engine.readSnapshot("a").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(29);
        assertThat(snapshot.getPayload()).isEqualTo(new Noted("snap", 29));
        assertThat(engine.readEvents("a", 30).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactly(30L, 31L, 32L, 33L, 34L, 35L, 36L, 37L, 38L, 39L);
        assertThat(engine.readEvents("a", 0).asStream().count()).isEqualTo(40);
        assertThat(engine.readSnapshot("nobody")).isEmpty();
    }

    @Test
    void the_last_sequence_number_is_found_for_streams_of_any_length() {
        assertThat(engine.lastSequenceNumberFor("none")).isEmpty();
        for (int length : new int[] {1, 2, 65, 1000}) {
            String id = "len" + length;
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int seq = 0; seq < length; seq++) {
                batch.add(event(id, seq));
            }
            engine.appendEvents(batch);
            assertThat(engine.lastSequenceNumberFor(id)).as(id).contains(length - 1L);
        }
    }

    @Test
    void tokens_at_the_tail_the_head_and_a_point_in_time_mark_the_right_positions() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 100; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Thing", "t", i, new Noted("t", i), Map.of(),
                    "id-" + i, start.plus(Duration.ofMinutes(i))));
        }
        assertThat(engine.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(100));
        TrackingToken at50 = engine.createTokenAt(start.plus(Duration.ofMinutes(50)));
        assertThat(at50).isEqualTo(new GlobalSequenceTrackingToken(50));
        assertThat(label(readFrom(at50).get(0))).isEqualTo("t#50");
        assertThat(engine.createTokenAt(start.minusSeconds(1))).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(engine.createTokenAt(start.plus(Duration.ofDays(1)))).isEqualTo(new GlobalSequenceTrackingToken(100));
    }

    /** What an earlier version of the application stored: a count, not n. */
    public record OldNoted(String id, long count) {
    }

    @Test
    void upcasters_turn_old_events_into_current_ones_for_aggregates_and_processors() {
        SingleEventUpcaster upcaster = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation ir) {
                return ir.getType().getName().equals(OldNoted.class.getName());
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation ir) {
                return ir.upcastPayload(new SimpleSerializedType(Noted.class.getName(), null), JsonNode.class, node -> {
                    ObjectNode o = (ObjectNode) node;
                    o.set("n", o.remove("count"));
                    return o;
                });
            }
        };
        engine.appendEvents(new GenericDomainEventMessage<>("Thing", "u", 0, new OldNoted("u", 7)));
        DocketEventStorageEngine upcasting = store.engine(Duration.ofSeconds(10), System::nanoTime, upcaster);

        assertThat(upcasting.readEvents("u").next().getPayload()).isEqualTo(new Noted("u", 7));
        assertThat(upcasting.readEvents(null, false).toList().get(0).getPayload()).isEqualTo(new Noted("u", 7));
    }

    @Test
    void a_restarted_engine_goes_on_after_the_last_stored_event_whatever_the_position_hint_says() {
        for (int seq = 0; seq < 1100; seq += 100) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int i = seq; i < seq + 100; i++) {
                batch.add(event("a", i));
            }
            engine.appendEvents(batch);
        }
        // The hint moved at 1,024; then it is set back, as if a restored backup had an older one.
        Document hint = store.database.getCollection(Counters.COLLECTION).find(Filters.eq("_id", "events")).first();
        assertThat(hint.get("last", Number.class).longValue()).isBetween(1024L, 1100L);
        store.database.getCollection(Counters.COLLECTION)
                .updateOne(Filters.eq("_id", "events"), Updates.set("last", 0L));
        DocketEventStorageEngine restarted = store.engine();
        assertThat(restarted.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(1100));
        restarted.appendEvents(event("a", 1100));
        assertThat(position(readFrom(new GlobalSequenceTrackingToken(1100)).get(0))).isEqualTo(1101L);
    }

    @Test
    void events_published_outside_an_aggregate_are_stored_and_tracked_too() {
        engine.appendEvents(List.of(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(new Noted("plain", 1)),
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage(new Noted("plain", 2))));
        assertThat(readFrom(null)).extracting(DocketEventStorageEngineTest::label).containsExactly("plain#1", "plain#2");
        Document stored = store.database.getCollection(EventDocuments.EVENTS).find(Filters.eq("_id", 1L)).first();
        assertThat(stored).doesNotContainKey(EventDocuments.STREAM_KEY);
    }

    /** An engine whose writes from the thread named {@code threadName} wait, positions taken, for {@code letCommit}. */
    static DocketEventStorageEngine holdingWriter(EmbeddedStore store, String threadName, Duration gapTimeout,
                                                  LongSupplier nanoClock, CountDownLatch hasPosition, CountDownLatch letCommit) {
        return store.builder(gapTimeout, nanoClock, NoOpEventUpcaster.INSTANCE)
                .beforeInsert(first -> {
                    if (Thread.currentThread().getName().equals(threadName)) {
                        hasPosition.countDown();
                        await(letCommit);
                    }
                }).build();
    }

    private Document stored(long position) {
        return store.database.getCollection(EventDocuments.EVENTS).find(Filters.eq("_id", position)).first();
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
