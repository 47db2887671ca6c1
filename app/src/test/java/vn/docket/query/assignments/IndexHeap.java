package vn.docket.query.assignments;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** For the read benchmark: the heap an assignment index of the whole store takes (its handlers are package-private). */
public final class IndexHeap {

    private IndexHeap() {
    }

    /** Bytes of heap held by a second index read from the store: used heap after a full GC, with it and before it. */
    public static long of(EventStore store) throws Exception {
        long before = usedAfterGc();
        AssignmentIndex index = new AssignmentIndex(() -> true, Duration.ZERO);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(index);
        try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(null)) {
            while (events.hasNextAvailable(2, TimeUnit.SECONDS)) {
                // Through the index's own event handlers, as its processor calls them.
                TrackedEventMessage<?> message = events.nextAvailable();
                if (message instanceof DomainEventMessage<?> && handlers.canHandle(message)) {
                    handlers.handle(message);
                }
            }
        }
        long after = usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(index);
        return after - before;
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
