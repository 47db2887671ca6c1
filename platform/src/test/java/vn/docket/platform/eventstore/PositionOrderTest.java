package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Two command nodes on one database each hand out positions from their own counter. One whose counter is behind the
 * other's writes must still store an aggregate's event after the event it follows: readers by position (every
 * projection) would otherwise meet the two the wrong way round, and verify reports them reordered.
 */
class PositionOrderTest {

    @Test
    void a_node_whose_counter_is_behind_stores_an_aggregates_next_event_after_the_one_it_read() throws Exception {
        CountDownLatch slowHasPosition = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (EmbeddedStore store = EmbeddedStore.inMemory()) {
            // Node A holds one writer between taking its position and inserting, as a busy node may.
            DocketEventStorageEngine nodeA = DocketEventStorageEngineTest.holdingWriter(store, "slow-writer",
                    Duration.ofSeconds(10), System::nanoTime, slowHasPosition, release);
            DocketEventStorageEngine nodeB = store.engine();
            nodeB.appendEvents(DocketEventStorageEngineTest.event("other", 0)); // position 1: B's counter now says 2
            Thread slow = new Thread(() -> nodeA.appendEvents(DocketEventStorageEngineTest.event("slow", 0)), "slow-writer");
            slow.start();
            DocketEventStorageEngineTest.await(slowHasPosition); // it took position 2 and waits
            nodeA.appendEvents(DocketEventStorageEngineTest.event("tally", 0)); // position 3

            // Node B reads the aggregate, as a command does, and appends its next event.
            assertThat(nodeB.readEvents("tally").asStream().toList()).hasSize(1);
            nodeB.appendEvents(DocketEventStorageEngineTest.event("tally", 1));
            release.countDown();
            slow.join(30_000);

            long first = positionOf(store, "tally", 0);
            long second = positionOf(store, "tally", 1);
            assertThat(second).as("the next event's position, after the first's at %d", first).isGreaterThan(first);
            VerifyReport report = new StoreVerifier(store.database, new Checkpointer(store.database, 1000,
                    Duration.ofSeconds(10)), Duration.ZERO).verify();
            assertThat(report.problems()).isEmpty();
        }
    }

    private static long positionOf(EmbeddedStore store, String aggregate, long sequence) {
        Document doc = store.database.getCollection(EventDocuments.EVENTS)
                .find(new Document(EventDocuments.STREAM_KEY, EventDocuments.streamKey(aggregate, sequence))).first();
        assertThat(doc).as("%s %d stored", aggregate, sequence).isNotNull();
        return EventDocuments.position(doc);
    }
}
