package vn.docket.query.assignments;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;

/** For the read benchmark: the heap an assignment index of the whole store takes (its handlers are package-private). */
public final class IndexHeap {

    private IndexHeap() {
    }

    /** Bytes of heap held by a second index read from the store: used heap after a full GC, with it and before it. */
    public static long of(EventStore store) throws InterruptedException {
        long before = usedAfterGc();
        AssignmentIndex index = new AssignmentIndex(() -> true, Duration.ZERO);
        try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(null)) {
            while (events.hasNextAvailable(2, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = events.nextAvailable();
                if (!(message instanceof DomainEventMessage<?> domain) || !handled(message.getPayloadType())) {
                    continue;
                }
                long seq = domain.getSequenceNumber();
                Object event = message.getPayload();
                if (event instanceof TaskAssigned e) {
                    index.on(e, seq);
                } else if (event instanceof DraftSubmitted e) {
                    index.on(e, seq);
                } else if (event instanceof RevisionRequested e) {
                    index.on(e, seq);
                } else if (event instanceof MeetingConcluded e) {
                    index.on(e, seq);
                } else if (event instanceof DraftApproved e) {
                    index.on(e, seq);
                } else if (event instanceof DocumentIssued e) {
                    index.on(e, seq);
                } else if (event instanceof DeadlineExtended e) {
                    index.on(e, seq);
                } else if (event instanceof TaskReassigned e) {
                    index.on(e, seq);
                } else if (event instanceof TaskCancelled e) {
                    index.on(e, seq);
                }
            }
        }
        long after = usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(index);
        return after - before;
    }

    private static boolean handled(Class<?> type) {
        return type == TaskAssigned.class || type == DraftSubmitted.class || type == RevisionRequested.class
                || type == MeetingConcluded.class || type == DraftApproved.class || type == DocumentIssued.class
                || type == DeadlineExtended.class || type == TaskReassigned.class || type == TaskCancelled.class;
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
