package vn.docket.app;

import java.util.function.Predicate;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;

/**
 * Counts what is in the event store itself, not in a read model that follows it a moment later: the
 * only honest way to check that a refused request wrote nothing.
 */
public final class StoredEvents {

    private StoredEvents() {
    }

    public static long count(EventStore store, Predicate<Object> payload) {
        long n = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable()) {
                if (payload.test(stream.nextAvailable().getPayload())) {
                    n++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return n;
    }

    /** Everything but the records of refused attempts, which a refusal is expected to add. */
    static long business(EventStore store) {
        return count(store, p -> !(p instanceof vn.docket.events.AccessDenied));
    }
}
