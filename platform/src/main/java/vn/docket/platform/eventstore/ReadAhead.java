package vn.docket.platform.eventstore;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A processor's stream of stored events that reads the next batch while the processor handles the
 * current one. A processor far behind (a replay, a rebuild) otherwise waits for every read: the server
 * encoding the documents and the driver decoding them took about half of a replay's time, on a thread that
 * then sat idle while the handlers ran. Only a full batch starts a read ahead; near the head the stream
 * reads as before, so a processor that has caught up causes no extra reads.
 *
 * <p>The batches are the same as reading one after the other: a read ahead starts from the last event of
 * the batch before it, and at most one read is in flight per stream, so the reads' order (and the gap
 * handling inside them) is unchanged.
 */
final class ReadAhead<T extends TrackedEventData<?>> extends Spliterators.AbstractSpliterator<T> {

    private final Function<TrackingToken, List<? extends T>> fetch;
    private final int batchSize;
    private final Executor executor;
    private TrackingToken last;
    private Iterator<? extends T> current = Collections.emptyIterator();
    private CompletableFuture<List<? extends T>> next;

    /** @param fetch reads the stored events after a token (the engine's {@code fetchTrackedEvents}) */
    ReadAhead(TrackingToken start, int batchSize, Function<TrackingToken, List<? extends T>> fetch, Executor executor) {
        super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT);
        this.last = start;
        this.batchSize = batchSize;
        this.fetch = fetch;
        this.executor = executor;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (!current.hasNext()) {
            List<? extends T> batch = next == null ? fetch.apply(last) : await(next);
            next = null;
            if (batch.isEmpty()) {
                return false;
            }
            if (batch.size() >= batchSize) {
                TrackingToken after = batch.get(batch.size() - 1).trackingToken();
                next = CompletableFuture.supplyAsync(() -> fetch.apply(after), executor);
            }
            current = batch.iterator();
        }
        T event = current.next();
        last = event.trackingToken();
        action.accept(event);
        return true;
    }

    /** The stream was closed (the processor stopped or caught up): a read in flight is dropped. */
    void close() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private static <R> R await(CompletableFuture<R> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            // The processor sees the read's own failure, as it would without the read ahead.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
