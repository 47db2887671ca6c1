package vn.docket.query.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.docket.events.AssignmentEvent;

/**
 * Reads the event store from its first event, keeping each assignment's events that were recorded (message
 * timestamp, never back-dated) up to a moment. No read model is touched: a report "as of" a past moment is
 * what the history said then, whatever was corrected since.
 */
final class EventHistory {

    private static final Logger log = LoggerFactory.getLogger(EventHistory.class);
    private static final int PROGRESS_EVERY = 5_000;

    /** Each assignment's events in stream order, and how many events were read in all. */
    record Read(Map<String, List<AssignmentEvent>> byAssignment, long eventsRead) {
    }

    private EventHistory() {
    }

    static Read recordedUpTo(EventStore store, Instant asOf) {
        Map<String, List<AssignmentEvent>> byAssignment = new LinkedHashMap<>();
        long read = 0;
        long started = System.nanoTime();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            // hasNextAvailable without waiting: the stream starts on a private reader of the stored events and
            // says "nothing more" once it has read them all.
            while (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                read++;
                if (read % PROGRESS_EVERY == 0) {
                    log.info("Follow-up report: {} events read in {} ms", read, (System.nanoTime() - started) / 1_000_000);
                }
                if (message.getTimestamp().isAfter(asOf) || !(message instanceof DomainEventMessage<?> domain)) {
                    continue;
                }
                if (AssignmentEvent.class.isAssignableFrom(message.getPayloadType())) {
                    byAssignment.computeIfAbsent(domain.getAggregateIdentifier(), k -> new ArrayList<>())
                            .add((AssignmentEvent) message.getPayload());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        }
        return new Read(byAssignment, read);
    }
}
