package vn.docket.query.assignments;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** For the read benchmark: the heap the in-memory indexes of the whole store take (their handlers are package-private). */
public final class IndexHeap {

    private IndexHeap() {
    }

    /** A new, empty assignment index. */
    public static Object assignmentIndex() {
        return new AssignmentIndex(() -> true, Duration.ZERO);
    }

    /**
     * Bytes of heap held by {@code index} (new and empty, of the assignment index's processing group) once it has read
     * the whole store: used heap after a full GC, with it and before it.
     */
    public static long of(EventStore store, Object index) throws Exception {
        long before = usedAfterGc();
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(index);
        try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(null)) {
            while (events.hasNextAvailable(2, TimeUnit.SECONDS)) {
                // Through the index's own event handlers, as its processor calls them.
                TrackedEventMessage<?> message = events.nextAvailable();
                if (handlers.canHandle(message)) {
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
