package vn.docket.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What is in the event store itself, not in a read model that follows it a moment later: the only honest way to
 * check that a refused request wrote nothing, and what a test replays by hand.
 */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** Every event stored now, in the store's order. */
    public static List<TrackedEventMessage<?>> all(EventStore store) {
        List<TrackedEventMessage<?>> all = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable()) {
                all.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return all;
    }

    public static long count(EventStore store, Predicate<Object> payload) {
        return all(store).stream().filter(m -> payload.test(m.getPayload())).count();
    }

    /** Everything but the records of refused attempts, which a refusal is expected to add. */
    static long business(EventStore store) {
        return count(store, p -> !(p instanceof vn.docket.events.AccessDenied));
    }
}
