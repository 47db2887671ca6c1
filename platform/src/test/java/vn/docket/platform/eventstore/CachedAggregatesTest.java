package vn.docket.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two command nodes on one store, each keeping the aggregates it used in its own cache, as Docket's command
 * side does. A node must decide on what is stored, not on its cached copy.
 */
class CachedAggregatesTest {

    final AtomicLong finds = new AtomicLong();
    EmbeddedStore store;
    TallyApp first;
    TallyApp second;

    @BeforeEach
    void twoNodes() {
        store = EmbeddedStore.inMemory(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.incrementAndGet();
                }
            }
        });
        // Each node has its own engine, as two processes would.
        first = TallyApp.start(store.engine(), store.database, 0, 100, 10, List.of());
        second = TallyApp.start(store.engine(), store.database, 0, 100, 10, List.of());
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        store.close();
    }

    @Test
    void a_node_decides_on_what_another_node_stored_after_it_cached_the_aggregate() {
        for (int i = 0; i < 3; i++) {
            first.bump("shared");
        }
        second.bump("shared");
        second.bump("shared");

        // The first node's cached copy still counts 3; the stored tally counts 5.
        assertThat(first.bump("shared")).isEqualTo(6);
        assertThat(second.bump("shared")).isEqualTo(7);

        assertThat(stored("shared")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    // The store losing events a node's cached copy holds: writes lost in a crash of the database, or a restore
    // from a backup. Simulated here by deleting them.

    @Test
    void a_node_whose_cached_aggregate_ends_with_events_the_store_lost_decides_on_the_events_still_stored() {
        for (int i = 0; i < 5; i++) {
            first.bump("shrunk");
        }
        lose("shrunk", 3, 4);

        assertThat(first.bump("shrunk")).isEqualTo(4);
        assertThat(stored("shrunk")).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void a_command_on_a_cached_aggregate_whose_events_the_store_lost_entirely_fails_as_for_an_unknown_aggregate() {
        first.bump("gone");
        first.bump("gone");
        lose("gone", 0, 1);

        assertThatThrownBy(() -> first.gateway.sendAndWait(new Tally.Count("gone")))
                .isInstanceOf(AggregateNotFoundException.class);
        assertThat(stored("gone")).isEmpty();
    }

    @Test
    void a_node_whose_cached_head_event_was_lost_and_stored_again_differently_by_another_node_decides_on_the_stored_one() {
        for (int i = 0; i < 3; i++) {
            first.bump("replaced");
        }
        lose("replaced", 2);
        second.gateway.sendAndWait(new Tally.BumpBy("replaced", 10)); // sequence 2 again, counting 12

        assertThat(first.bump("replaced")).isEqualTo(13);
        assertThat(stored("replaced")).containsExactly(1L, 2L, 12L, 13L);
    }

    private void lose(String tally, long... sequences) {
        for (long sequence : sequences) {
            store.database.getCollection(EventDocuments.EVENTS)
                    .deleteOne(Filters.eq(EventDocuments.STREAM_KEY, EventDocuments.streamKey(tally, sequence)));
        }
    }

    /** The counts of the tally's stored events, in sequence order. */
    private List<Long> stored(String tally) {
        List<Long> counts = new ArrayList<>();
        store.engine().readEvents(tally, 0).asStream().map(DomainEventMessage::getPayload)
                .forEach(p -> counts.add(((Tally.Bumped) p).count()));
        return counts;
    }

    @Test
    void a_command_on_a_cached_aggregate_reads_the_store_once_instead_of_twice() {
        first.bump("counted");
        long before = finds.get();
        first.bump("counted");
        long cached = finds.get() - before;

        second.bump("counted"); // the first node's copy is now behind, and catches up on its next command
        before = finds.get();
        assertThat(first.bump("counted")).isEqualTo(4);
        long caughtUp = finds.get() - before;

        // Uncached: the snapshot, then the events. Cached: only "is there anything after my copy?".
        assertThat(cached).as("finds per command on a cached aggregate").isEqualTo(1);
        // Behind: that read returns the missed event, which is also the hash-chain head the new event links to, and
        // where the new event goes after (Positions.after): the position the other node took is not tried first.
        assertThat(caughtUp).as("finds per command on a cached aggregate that was behind").isEqualTo(1);
    }
}
