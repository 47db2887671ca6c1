package vn.docket.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.EventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * How one event or snapshot looks in MongoDB. Payload and metadata are kept as the serializer's text
 * (JSON with Jackson), so the documents stay readable in any Mongo shell.
 *
 * <p>{@code streamKey} ("aggregate#sequence") exists because the embedded server cannot answer an
 * {@code $in} on a compound index: one string field with a unique index gives every aggregate read and
 * the optimistic-concurrency check a single-field exact match. The sequence is the part after the last
 * {@code #} and never contains one, so the key is unambiguous whatever the aggregate identifier holds.
 */
public final class EventDocuments {

    public static final String EVENTS = "docket_events";
    public static final String SNAPSHOTS = "docket_snapshots";
    /** The name MongoDB (and the embedded server) gives the {@code _id} index. */
    static final String POSITION_INDEX = "_id_";
    private static final Pattern DUPLICATE_INDEX = Pattern.compile("index: (\\S+)");
    /**
     * The most keys one {@code $in} read asks for. The embedded server checks every document it finds
     * against the whole {@code $in} list, so a read of n keys costs n² comparisons; 128 read faster than 500
     * (bench/README.md, "Figures behind settings").
     */
    static final int MAX_KEYS_PER_READ = 128;

    static final String POSITION = "_id";
    static final String STREAM_KEY = "streamKey";
    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    static final String TYPE = "type";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    /** Tamper evidence (see {@link EventHash}): this event's hash, and the hash of its aggregate's previous event. */
    static final String HASH = "hash";
    static final String PREV_HASH = "prevHash";
    /** Marks a position whose writer failed after taking it, so readers need not wait for it. */
    static final String FILLER = "filler";

    /** The fields Docket writes as text (or leaves out); the sequence number is the one it writes as a number. */
    private static final List<String> TEXT_FIELDS = List.of(STREAM_KEY, AGGREGATE_ID, TYPE, EVENT_ID, TIMESTAMP,
            PAYLOAD_TYPE, PAYLOAD_REVISION, PAYLOAD, META_DATA, HASH, PREV_HASH);

    private EventDocuments() {
    }

    /**
     * Which field of an event document holds a kind of value Docket never writes there (a date or a number where it
     * writes text, text where it writes a whole number), or null. Such a document was edited with a database tool,
     * and read as Docket reads it, it would stop whatever reads it: the verifier reports it, the checkpointer stops
     * before it, a backup refuses.
     */
    public static String misshapen(Document doc) {
        for (String field : TEXT_FIELDS) {
            Object value = doc.get(field);
            if (value != null && !(value instanceof String)) {
                return "field '" + field + "' holds a " + value.getClass().getSimpleName() + " (" + value + ") instead of text";
            }
        }
        if (integral(doc.get(SEQUENCE)) == null) {
            return "field '" + SEQUENCE + "' holds " + doc.get(SEQUENCE) + " instead of a whole number";
        }
        return null;
    }

    /** The value as a whole number, whatever kind of number holds it; null if it is none. */
    static Long integral(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue() : null;
    }

    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "#" + sequenceNumber;
    }

    static List<String> streamKeys(String aggregateIdentifier, long first, int count) {
        List<String> keys = new ArrayList<>(count);
        for (long s = first; s < first + count; s++) {
            keys.add(streamKey(aggregateIdentifier, s));
        }
        return keys;
    }

    static List<Long> positions(long first, int count) {
        List<Long> positions = new ArrayList<>(count);
        for (long p = first; p < first + count; p++) {
            positions.add(p);
        }
        return positions;
    }

    /**
     * The documents at positions {@code first … first + count - 1} that exist, by position: one exact-match
     * {@code $in} on {@code _id}, the only kind of read by position the embedded server serves from its index.
     */
    public static Map<Long, Document> byPosition(MongoCollection<Document> collection, long first, int count) {
        Map<Long, Document> found = new HashMap<>();
        in(collection, POSITION, positions(first, count)).forEach(d -> found.put(position(d), d));
        return found;
    }

    /**
     * The documents whose {@code field} is one of {@code keys}: the engine's exact-match read. It asks for all
     * of them in the first reply; MongoDB otherwise sends 101 documents and has the caller come back for the
     * rest, a second round trip for every window of 128.
     */
    static FindIterable<Document> in(MongoCollection<Document> collection, String field, List<?> keys) {
        return collection.find(Filters.in(field, keys)).batchSize(Math.max(keys.size(), 1));
    }

    /**
     * The name of the unique index a write broke, if it broke one. The error code says that it was a duplicate;
     * only the message says of which index, in the same form on MongoDB and the embedded server
     * ("E11000 duplicate key error collection: db.c index: name dup key: ...").
     */
    static Optional<String> duplicateIndex(Exception e) {
        WriteError error = e instanceof MongoWriteException w ? w.getError()
                : e instanceof MongoBulkWriteException b && !b.getWriteErrors().isEmpty() ? b.getWriteErrors().get(0) : null;
        if (error == null || ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            return Optional.empty();
        }
        Matcher index = DUPLICATE_INDEX.matcher(String.valueOf(error.getMessage()));
        return Optional.of(index.find() ? index.group(1) : "");
    }

    /**
     * Events that no aggregate applied (published on the event bus directly) are stored like Axon's JDBC
     * engine stores them: no type, the event identifier as aggregate identifier, sequence 0, and no
     * stream key, so they never clash with each other (the stream-key index is sparse).
     */
    static Document event(long position, EventMessage<?> event, Serializer serializer) {
        Document doc = new Document(POSITION, position);
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            doc.append(STREAM_KEY, streamKey(domain.getAggregateIdentifier(), domain.getSequenceNumber()))
                    .append(AGGREGATE_ID, domain.getAggregateIdentifier())
                    .append(SEQUENCE, domain.getSequenceNumber())
                    .append(TYPE, domain.getType());
        } else {
            doc.append(AGGREGATE_ID, event.getIdentifier()).append(SEQUENCE, 0L).append(TYPE, null);
        }
        return appendBody(doc, event, serializer);
    }

    static Document snapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = new Document(POSITION, snapshot.getAggregateIdentifier())
                .append(AGGREGATE_ID, snapshot.getAggregateIdentifier())
                .append(SEQUENCE, snapshot.getSequenceNumber())
                .append(TYPE, snapshot.getType());
        return appendBody(doc, snapshot, serializer);
    }

    static Document filler(long position) {
        return new Document(POSITION, position).append(FILLER, true);
    }

    /** Events published without an aggregate carry no stream key (and chain to the genesis hash). */
    static boolean hasAggregate(Document doc) {
        return doc.getString(STREAM_KEY) != null;
    }

    static long sequence(Document doc) {
        return ((Number) doc.get(SEQUENCE)).longValue();
    }

    static long position(Document doc) {
        return ((Number) doc.get(POSITION)).longValue();
    }

    public static boolean isFiller(Document doc) {
        return Boolean.TRUE.equals(doc.get(FILLER));
    }

    private static Document appendBody(Document doc, EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return doc.append(EVENT_ID, event.getIdentifier())
                .append(TIMESTAMP, event.getTimestamp().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
    }

    static DomainEventData<String> domainData(Document doc) {
        return new StoredEvent(doc.getString(TYPE), doc.getString(AGGREGATE_ID),
                ((Number) doc.get(SEQUENCE)).longValue(), doc.getString(EVENT_ID), doc.getString(TIMESTAMP),
                doc.getString(PAYLOAD_TYPE), doc.getString(PAYLOAD_REVISION), doc.getString(PAYLOAD),
                doc.getString(META_DATA));
    }

    /** Axon's entry, with the timestamp read once by {@link StoredTimestamps} rather than on every call. */
    private static final class StoredEvent extends GenericDomainEventEntry<String> {

        private final Instant timestamp;

        StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                    String timestamp, String payloadType, String payloadRevision, String payload, String metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType,
                    payloadRevision, payload, metaData);
            this.timestamp = StoredTimestamps.parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    /**
     * An event as a processor reads it. One published without an aggregate comes back as such, not as a
     * domain event of an aggregate named after the event, as Axon's own engines do it.
     */
    static TrackedEventData<String> trackedData(Document doc) {
        TrackingToken token = new GlobalSequenceTrackingToken(((Number) doc.get(POSITION)).longValue());
        DomainEventData<String> data = domainData(doc);
        return hasAggregate(doc) || doc.getString(TYPE) != null ? new TrackedDomainEventData<>(token, data)
                : new TrackedPlainEvent(token, data);
    }

    private record TrackedPlainEvent(TrackingToken trackingToken, EventData<String> data) implements TrackedEventData<String> {

        @Override
        public String getEventIdentifier() {
            return data.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return data.getTimestamp();
        }

        @Override
        public SerializedObject<String> getMetaData() {
            return data.getMetaData();
        }

        @Override
        public SerializedObject<String> getPayload() {
            return data.getPayload();
        }
    }
}
