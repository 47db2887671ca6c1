package vn.docket.app;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Whether tracking processors have taken in what the store holds: a test reads a read model, and a benchmark times a
 * request, only once they have. The one spelling of it for the tests and benchmarks of this module.
 */
public final class CaughtUp {

    private CaughtUp() {
    }

    /** Every segment's token covers {@code head}; a processor that has claimed no segment yet has not caught up. */
    public static boolean with(StreamingEventProcessor processor, TrackingToken head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.stream()
                .allMatch(s -> s.getTrackingToken() != null && s.getTrackingToken().covers(head));
    }

    /**
     * Waits until every one of {@code processors} has taken in everything stored when called, or fails after
     * {@code atMost}; a wait of more than 10 s says every 10 s how far each one is (a large store takes minutes).
     */
    public static void await(EventStore store, Duration atMost, List<? extends StreamingEventProcessor> processors) {
        TrackingToken head = store.createHeadToken();
        long[] said = {System.nanoTime()};
        // Every 20 ms: a benchmark times a rebuild by this wait, and reading the processors' status costs next to nothing.
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (System.nanoTime() - said[0] > 10_000_000_000L) {
                said[0] = System.nanoTime();
                for (StreamingEventProcessor p : processors) {
                    System.err.printf(Locale.ROOT, "%s at position %,d of %,d%n", p.getName(), p.processingStatus().values()
                            .stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0),
                            head.position().orElse(0));
                }
            }
            return processors.stream().allMatch(p -> with(p, head));
        });
    }
}
