package vn.docket.platform.eventstore;

import static vn.docket.platform.eventstore.EventDocuments.EVENTS;
import static vn.docket.platform.eventstore.EventDocuments.EVENT_ID;
import static vn.docket.platform.eventstore.EventDocuments.MAX_KEYS_PER_READ;
import static vn.docket.platform.eventstore.EventDocuments.POSITION;
import static vn.docket.platform.eventstore.EventDocuments.POSITION_INDEX;
import static vn.docket.platform.eventstore.EventDocuments.SEQUENCE;
import static vn.docket.platform.eventstore.EventDocuments.SNAPSHOTS;
import static vn.docket.platform.eventstore.EventDocuments.STREAM_KEY;
import static vn.docket.platform.eventstore.EventDocuments.TIMESTAMP;
import static vn.docket.platform.eventstore.EventDocuments.duplicateIndex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.common.BuilderUtils;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.docket.platform.mongo.Inserts;

/**
 * Docket's Axon event storage engine on MongoDB.
 *
 * <ul>
 * <li>Every event is stored with {@code _id} = its global position, taken from this process's own counter
 * and claimed by the insert itself: a position another command node wrote first is a duplicate {@code _id},
 * and the writer moves on past it ({@link Positions}). A tracking token is that one number
 * ({@link GlobalSequenceTrackingToken}).</li>
 * <li>A unique {@code streamKey} ("aggregate#sequence") gives optimistic concurrency between writers: a
 * duplicate becomes Axon's {@code ConcurrencyException}. The positions the failed writer took are given
 * back or filled with filler documents at once, so readers do not wait for them.</li>
 * <li>Every read is an exact match on a unique index: processors read {@code _id ∈ {p+1 … p+n}},
 * aggregates read {@code streamKey ∈ {"X#s" …}}, snapshots {@code _id} = aggregate. The embedded server
 * uses unique indexes only for such queries (anything else scans the collection), and on a real MongoDB
 * they are index lookups too, so costs do not grow with the store.</li>
 * <li>Readers deliver events strictly in position order. A missing position with later ones present (a
 * writer that took its position but has not committed yet) stops the reader until the document appears,
 * or until the gap has been open for {@code gapTimeout} (a writer that died); then the reader fills it and
 * passes it, so a writer that was only slow cannot commit behind a reader.</li>
 * <li>Each event carries a SHA-256 {@code hash} chained to the previous event of its aggregate
 * ({@code prevHash}); see {@link EventHash}, {@link Checkpointer} and {@link StoreVerifier}.</li>
 * <li>Durability is the database's: the embedded H2 server commits every write to the event collection
 * before it answers (see {@code WholeWritesH2Backend}), and a real MongoDB as its write concern says.</li>
 * </ul>
 */
public class DocketEventStorageEngine extends BatchingEventStorageEngine implements AutoCloseable {

    static final String STREAM_KEY_INDEX = "streamKey_unique";
    static final String EVENT_ID_INDEX = "eventIdentifier_unique";

    private static final Logger log = LoggerFactory.getLogger(DocketEventStorageEngine.class);
    /** Small first read of an aggregate: most streams are short, and a snapshot leaves only a few events. */
    private static final int FIRST_AGGREGATE_CHUNK = 16;

    /**
     * Reads ahead for processors ({@link ReadAhead}); daemon threads, ended after a minute idle, and all of them
     * when the engine is closed (Spring closes it with the application).
     */
    private final ExecutorService readAhead = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "docket-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final Duration gapTimeout;
    private final GapWatch gaps;
    private final Positions positions;
    private final ChainHeads heads = new ChainHeads(10_000);

    protected DocketEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.positions = new Positions(builder.database, builder.beforeInsert);
        this.gapTimeout = builder.gapTimeout;
        this.gaps = new GapWatch(builder.gapTimeout, builder.nanoClock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the stream-key index, which makes a second writer of the same event a concurrency conflict, and
     * the event-identifier index, which keeps an event's identifier its identity (Axon's contract; fillers
     * have none, hence sparse).
     */
    public DocketEventStorageEngine ensureIndexes() {
        events.createIndex(Indexes.ascending(STREAM_KEY),
                new IndexOptions().name(STREAM_KEY_INDEX).unique(true).sparse(true));
        events.createIndex(Indexes.ascending(EVENT_ID),
                new IndexOptions().name(EVENT_ID_INDEX).unique(true).sparse(true));
        return this;
    }

    /** Ends the read-ahead threads; a processor still reading gets its events on its own thread no more. */
    @Override
    public void close() {
        readAhead.shutdownNow();
    }

    // ---------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<Document> docs = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            docs.add(EventDocuments.event(0, message, serializer));
        }
        // Hashes do not depend on positions, so they are computed before positions are taken; the positions come
        // after every predecessor the events chain to.
        positions.after(heads.seal(docs, events));
        Positions.Written written = positions.write(docs);
        if (written.failure() != null) {
            handlePersistenceException(written.failure(), messages.get(written.count()));
            throw written.failure();
        }
        heads.remember(docs);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        // One snapshot per aggregate, replaced by a newer one only: snapshots taken in the background may be
        // stored out of order. The filters are only the _id: on the embedded server anything more (say, "older
        // sequence than mine") would no longer use the _id index. Two racing snapshotters may still leave the
        // older one, which costs a longer replay, never a wrong state.
        Document stored = snapshots.find(Filters.eq(POSITION, snapshot.getAggregateIdentifier()))
                .projection(new Document(SEQUENCE, 1)).first();
        if (stored != null && EventDocuments.sequence(stored) >= snapshot.getSequenceNumber()) {
            return;
        }
        Document doc = EventDocuments.snapshot(snapshot, serializer);
        snapshots.replaceOne(Filters.eq(POSITION, snapshot.getAggregateIdentifier()), doc, new ReplaceOptions().upsert(true));
    }

    // ---------------------------------------------------------------- reading aggregates

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        long next = firstSequenceNumber;
        int chunk = Math.min(batchSize, FIRST_AGGREGATE_CHUNK);
        Document last = null;
        reading:
        while (result.size() < batchSize) {
            int n = Math.min(chunk, batchSize - result.size());
            List<Document> docs = EventDocuments.in(events, STREAM_KEY, EventDocuments.streamKeys(aggregateIdentifier, next, n))
                    .into(new ArrayList<>());
            docs.sort(Comparator.comparingLong(d -> ((Number) d.get(SEQUENCE)).longValue()));
            for (Document doc : docs) {
                if (((Number) doc.get(SEQUENCE)).longValue() != next) {
                    break reading; // a hole inside a stream cannot be appended past; stop where it is complete
                }
                result.add(EventDocuments.domainData(doc));
                last = doc;
                next++;
            }
            if (docs.size() < n) {
                break;
            }
            chunk = Math.min(chunk * 4, MAX_KEYS_PER_READ);
        }
        // The next append of this aggregate chains to what the store holds, not to what this process remembers.
        heads.read(aggregateIdentifier, firstSequenceNumber, last);
        return result;
    }

    /**
     * Whether the aggregate's event {@code sequence} is stored: one key of the stream-key index, where
     * {@code readEvents(aggregate, sequence).hasNext()} asks for the first 16 and decodes what it finds. For a
     * reader that knows a stream up to one event and asks, on every request, whether another followed (a
     * personal access token's sign-in, {@code UserAccounts}): a stream has no holes, so none followed if the
     * next one is not there.
     */
    public boolean has(String aggregateIdentifier, long sequence) {
        return !EventDocuments.in(events, STREAM_KEY, List.of(EventDocuments.streamKey(aggregateIdentifier, sequence)))
                .limit(1).projection(new Document(POSITION, 1)).into(new ArrayList<>(1)).isEmpty();
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(Filters.eq(POSITION, aggregateIdentifier)).first();
        return doc == null ? Stream.empty() : Stream.of(EventDocuments.domainData(doc));
    }

    /**
     * Sequences of a stream are contiguous from 0, so "does sequence s exist" is monotone: one probe for
     * the powers of two brackets the last one, then probes of 64 evenly spaced keys narrow it down.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<Long> powers = new ArrayList<>();
        powers.add(0L);
        for (long s = 1; s > 0 && s <= (1L << 40); s <<= 1) {
            powers.add(s);
        }
        List<Long> found = existingSequences(aggregateIdentifier, powers);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long low = found.get(found.size() - 1);
        long high = low == 0 ? 1 : low * 2; // first sequence known to be missing
        while (high - low > 1) {
            long step = Math.max(1, (high - low) / 64);
            List<Long> probes = new ArrayList<>();
            for (long s = low + step; s < high; s += step) {
                probes.add(s);
            }
            List<Long> present = existingSequences(aggregateIdentifier, probes);
            if (!present.isEmpty()) {
                low = present.get(present.size() - 1);
            }
            high = Math.min(high, low + step);
        }
        return Optional.of(low);
    }

    private List<Long> existingSequences(String aggregateIdentifier, List<Long> sequences) {
        List<String> keys = sequences.stream().map(s -> EventDocuments.streamKey(aggregateIdentifier, s)).toList();
        List<Long> found = new ArrayList<>();
        EventDocuments.in(events, STREAM_KEY, keys).projection(new Document(SEQUENCE, 1))
                .forEach(d -> found.add(((Number) d.get(SEQUENCE)).longValue()));
        found.sort(null);
        return found;
    }

    // ---------------------------------------------------------------- tracking

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        ReadAhead<TrackedEventData<?>> events = new ReadAhead<>(trackingToken, batchSize(),
                token -> fetchTrackedEvents(token, batchSize()), readAhead);
        return StreamSupport.stream(events, false).onClose(events::close);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long next = positionOf(lastToken) + 1;
        List<TrackedEventData<?>> result = new ArrayList<>();
        while (result.size() < batchSize) {
            int window = Math.min(batchSize - result.size(), MAX_KEYS_PER_READ);
            Map<Long, Document> found = EventDocuments.byPosition(events, next, window);
            if (found.isEmpty()) {
                return result;
            }
            long highest = found.keySet().stream().mapToLong(Long::longValue).max().orElse(next);
            gaps.noticeAll(next, highest, found::containsKey);
            for (long p = next; p < next + window; p++) {
                Document doc = found.get(p);
                if (doc == null) {
                    if (p > highest) {
                        return result; // nothing after it yet: the head, or a gap noticed on a later read
                    }
                    if (!gaps.expired(p)) {
                        return result; // a writer took p and has not committed yet: wait, keep the order
                    }
                    doc = fence(p);
                    if (doc == null) {
                        log.warn("Event position {} stayed empty for {}; passed it (its writer probably died before committing)",
                                p, gapTimeout);
                        continue;
                    }
                }
                gaps.resolved(p);
                if (!EventDocuments.isFiller(doc)) {
                    result.add(EventDocuments.trackedData(doc));
                }
            }
            next += window;
        }
        return result;
    }

    /**
     * Passes a gap only after putting a filler in it: a writer that was merely slow then finds its position
     * taken and stores its events further on, where every reader still gets them. Returns the event if it
     * arrived just before the filler.
     */
    private Document fence(long position) {
        if (Inserts.ifAbsent(events, EventDocuments.filler(position))) {
            return null;
        }
        Document doc = events.find(Filters.eq(POSITION, position)).first();
        return doc == null || EventDocuments.isFiller(doc) ? null : doc;
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        throw new IllegalArgumentException("Docket's event store tracks by global position, not by " + token
                + "; reset the processor's token (after switching event storage engines, every processor needs a reset)");
    }

    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(0);
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(positions.head());
    }

    /**
     * The token just before the first event stamped at or after {@code at}: a binary search over positions,
     * each step one {@code _id} lookup. Positions are taken in time order, so timestamps rise with them
     * (up to the clock differences between command nodes).
     */
    @Override
    public TrackingToken createTokenAt(Instant at) {
        long low = 1;
        long high = positions.head() + 1;
        long answer = high;
        while (low < high) {
            long mid = (low + high) >>> 1;
            Document probe = firstEventBetween(mid, high);
            if (probe == null) {
                high = mid;
                continue;
            }
            long position = ((Number) probe.get(POSITION)).longValue();
            if (!StoredTimestamps.parse(probe.getString(TIMESTAMP)).isBefore(at)) {
                answer = Math.min(answer, position);
                high = mid;
            } else {
                low = position + 1;
            }
        }
        return new GlobalSequenceTrackingToken(answer - 1);
    }

    private Document firstEventBetween(long from, long toExclusive) {
        for (long start = from; start < toExclusive; start += 64) {
            int n = (int) Math.min(64, toExclusive - start);
            Map<Long, Document> found = EventDocuments.byPosition(events, start, n);
            for (long p = start; p < start + n; p++) {
                Document doc = found.get(p);
                if (doc != null && !EventDocuments.isFiller(doc)) {
                    return doc;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- duplicate keys

    /**
     * A duplicate stream key or event identifier: the optimistic-concurrency conflict Axon expects from its
     * engines (a duplicate position is not one: {@link Positions} moves on past it).
     */
    static boolean isConflict(Exception e) {
        return duplicateIndex(e).map(index -> !index.equals(POSITION_INDEX)).orElse(false);
    }

    // ---------------------------------------------------------------- builder

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private Duration gapTimeout = Duration.ofSeconds(10);
        private LongSupplier nanoClock = System::nanoTime;
        private LongConsumer beforeInsert = first -> {
        };

        Builder() {
            persistenceExceptionResolver((PersistenceExceptionResolver) DocketEventStorageEngine::isConflict);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** How long a reader waits for a position that was taken but not committed before passing it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }

        /** Tests: runs between taking positions and inserting, to hold one writer back. */
        Builder beforeInsert(LongConsumer beforeInsert) {
            this.beforeInsert = beforeInsert;
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public DocketEventStorageEngine build() {
            return new DocketEventStorageEngine(this);
        }

        /** Called by the engine's constructor, as Axon's engines do. */
        @Override
        protected void validate() {
            super.validate();
            BuilderUtils.assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
            BuilderUtils.assertNonNull(gapTimeout, "The gap timeout is a hard requirement and should be provided");
        }
    }
}
