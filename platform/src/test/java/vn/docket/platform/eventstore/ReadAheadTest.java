package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A processor far behind reads its next batch while it handles the current one ({@link ReadAhead}). */
class ReadAheadTest {

    private static final int BATCH = 100;

    private final AtomicInteger eventReads = new AtomicInteger();
    private EmbeddedStore store;
    private DocketEventStorageEngine engine;

    @BeforeEach
    void start() {
        CommandListener countReads = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && EventDocuments.EVENTS.equals(event.getCommand().getString("find").getValue())) {
                    eventReads.incrementAndGet();
                }
            }
        };
        store = EmbeddedStore.inMemory(countReads);
        engine = store.builder(Duration.ofSeconds(10), System::nanoTime, NoOpEventUpcaster.INSTANCE)
                .batchSize(BATCH).build().ensureIndexes();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private void store(int count) {
        for (int i = 0; i < count; i += 10) {
            List<DomainEventMessage<?>> ten = new ArrayList<>();
            for (int s = 0; s < 10 && i + s < count; s++) {
                ten.add(DocketEventStorageEngineTest.event("a" + i, s));
            }
            engine.appendEvents(ten);
        }
    }

    private static long position(TrackedEventMessage<?> e) {
        return ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex();
    }

    @Test
    void a_processor_far_behind_gets_its_next_batch_read_while_it_handles_the_first_event() throws Exception {
        store(3 * BATCH + 50);
        eventReads.set(0);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            assertThat(position(iterator.next())).isEqualTo(1);

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> eventReads.get() >= 2);
            assertThat(eventReads.get()).as("the first batch and the one after it").isEqualTo(2);

            List<Long> positions = new ArrayList<>(List.of(1L));
            iterator.forEachRemaining(e -> positions.add(position(e)));
            assertThat(positions).as("every event once, in order")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 3 * BATCH + 50).boxed().toList());
        }
    }

    @Test
    void a_processor_near_the_head_causes_no_extra_reads() throws Exception {
        store(BATCH / 2);
        eventReads.set(0);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            iterator.next();
            // A batch that was not full: no read ahead, however long we look.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> eventReads.get() == 1);
            AtomicInteger rest = new AtomicInteger();
            iterator.forEachRemaining(e -> rest.incrementAndGet());
            assertThat(rest.get()).isEqualTo(BATCH / 2 - 1);
        }
    }

    @Test
    void a_read_ahead_that_fails_reaches_the_reader_with_its_own_error() {
        AtomicInteger reads = new AtomicInteger();
        ReadAhead<TrackedEventData<?>> events = new ReadAhead<>(null, 2, token -> {
            if (reads.incrementAndGet() == 2) {
                throw new IllegalStateException("the event store is unreachable");
            }
            return List.of(tracked(1), tracked(2));
        }, Runnable::run);
        List<Long> positions = new ArrayList<>();

        assertThatThrownBy(() -> events.forEachRemaining(e -> positions.add(
                ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex())))
                .isInstanceOf(IllegalStateException.class).hasMessage("the event store is unreachable");
        assertThat(positions).containsExactly(1L, 2L);
    }

    private static TrackedEventData<?> tracked(long position) {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventEntry<>("Thing", "a", position - 1, "e" + position,
                        "2021-04-13T08:30:00Z", "Noted", null, "{}", "{}"));
    }
}
