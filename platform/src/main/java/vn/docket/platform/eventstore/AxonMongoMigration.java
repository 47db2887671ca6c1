package vn.docket.platform.eventstore;

import static vn.docket.platform.eventstore.EventDocuments.AGGREGATE_ID;
import static vn.docket.platform.eventstore.EventDocuments.EVENT_ID;
import static vn.docket.platform.eventstore.EventDocuments.META_DATA;
import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD;
import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD_REVISION;
import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD_TYPE;
import static vn.docket.platform.eventstore.EventDocuments.POSITION;
import static vn.docket.platform.eventstore.EventDocuments.SEQUENCE;
import static vn.docket.platform.eventstore.EventDocuments.STREAM_KEY;
import static vn.docket.platform.eventstore.EventDocuments.TIMESTAMP;
import static vn.docket.platform.eventstore.EventDocuments.TYPE;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies an event store written by the axon-mongo extension ({@code domainevents}, {@code snapshotevents})
 * into Docket's engine's collections, in the original order: by timestamp, then sequence number, the
 * order axon-mongo's own tracking delivered them in. Positions continue after whatever Docket's store
 * already holds. Events whose aggregate and sequence are already present are skipped, so a run that was
 * interrupted can simply be repeated.
 *
 * <p>Processors then continue where they stopped: each tracking token still in axon-mongo's form (a
 * timestamp and the event identifiers it has seen) becomes the Docket position just before the first copied
 * event it does not cover. Events it had seen after that one, inside axon-mongo's look-back window, are
 * delivered again, which Docket's idempotent projections absorb. Without this the processors could not
 * even be reset: Axon refuses to compare Docket's positions with axon-mongo's tokens.
 */
public final class AxonMongoMigration {

    public static final String AXON_EVENTS = "domainevents";
    public static final String AXON_SNAPSHOTS = "snapshotevents";

    private static final Logger log = LoggerFactory.getLogger(AxonMongoMigration.class);
    private static final int BATCH = 1_000;
    private static final int READ = EventDocuments.MAX_KEYS_PER_READ;
    /** Fields of axon-mongo's token store documents. */
    private static final String TOKEN = "token";
    private static final String TOKEN_TYPE = "tokenType";

    private final MongoDatabase database;
    /** The token store's serializer, to read and write the tokens. */
    private final Serializer serializer;
    private final EventEntryConfiguration source = EventEntryConfiguration.getDefault();
    /** Copied events are chained like appended ones, so a migrated store verifies too. */
    private final ChainHeads chains = new ChainHeads(100_000);
    private final Positions positions;

    public AxonMongoMigration(MongoDatabase database, Serializer serializer) {
        this.database = database;
        this.serializer = serializer;
        this.positions = new Positions(database, first -> {
        });
    }

    /** What one run copied; {@code tokens}: processor segments whose axon-mongo token became a Docket position. */
    public record Result(long events, long skipped, long snapshots, long tokens) {
    }

    public Result run() {
        MongoCollection<Document> from = database.getCollection(AXON_EVENTS);
        MongoCollection<Document> to = database.getCollection(EventDocuments.EVENTS);
        long copied = 0;
        long skipped = 0;
        List<Document> batch = new ArrayList<>(BATCH);
        // A sort over the whole collection: on the embedded server an in-memory sort, acceptable once.
        for (Document old : from.find().sort(Sorts.ascending(source.timestampProperty(), source.sequenceNumberProperty()))) {
            batch.add(convert(old));
            if (batch.size() == BATCH) {
                int written = write(to, batch);
                copied += written;
                skipped += batch.size() - written;
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            int written = write(to, batch);
            copied += written;
            skipped += batch.size() - written;
        }
        long snapshots = copySnapshots();
        log.info("Copied {} events ({} already present) and {} snapshots from axon-mongo's collections", copied, skipped,
                snapshots);
        return new Result(copied, skipped, snapshots, moveTokens());
    }

    /**
     * Processor segments ("name/segment") whose token is still axon-mongo's. On Docket's engine they cannot
     * track anything until the migration has moved them, and Axon's own error for that, "Incompatible token
     * type provided", names neither the cause nor the remedy.
     */
    public List<String> segmentsOnAxonMongoTokens() {
        List<String> found = new ArrayList<>();
        for (Document entry : tokenEntries().find(Filters.ne(TOKEN_TYPE, null))) {
            if (holdsAxonMongoToken(token(entry))) {
                found.add(entry.get("processorName") + "/" + entry.get("segment"));
            }
        }
        return found;
    }

    /** Rewrites every stored token that is still axon-mongo's; tokens already in Docket's form are left alone. */
    private long moveTokens() {
        MongoCollection<Document> tokens = tokenEntries();
        long moved = 0;
        for (Document entry : tokens.find(Filters.ne(TOKEN_TYPE, null))) {
            TrackingToken token = token(entry);
            if (!holdsAxonMongoToken(token)) {
                continue;
            }
            TrackingToken docket = inDocketPositions(token);
            SerializedObject<byte[]> serialized = serializer.serialize(docket, byte[].class);
            tokens.updateOne(Filters.eq("_id", entry.get("_id")), Updates.combine(
                    Updates.set(TOKEN, new Binary(serialized.getData())),
                    Updates.set(TOKEN_TYPE, serialized.getType().getName())));
            // Not the old token itself: axon-mongo's can hold thousands of event identifiers.
            log.info("Processor '{}' segment {} moved from its axon-mongo token to {}", entry.get("processorName"),
                    entry.get("segment"), docket);
            moved++;
        }
        return moved;
    }

    private MongoCollection<Document> tokenEntries() {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build().trackingTokensCollection();
    }

    private TrackingToken token(Document entry) {
        return serializer.deserialize(new SimpleSerializedObject<>(
                entry.get(TOKEN, Binary.class).getData(), byte[].class, entry.getString(TOKEN_TYPE), null));
    }

    private static boolean holdsAxonMongoToken(TrackingToken token) {
        if (token instanceof ReplayToken replay) {
            return holdsAxonMongoToken(replay.getTokenAtReset()) || holdsAxonMongoToken(replay.getCurrentToken());
        }
        return token instanceof MongoTrackingToken;
    }

    /** The same token in Docket's positions: each axon-mongo token in it replaced, anything else kept. */
    private TrackingToken inDocketPositions(TrackingToken token) {
        if (token instanceof MongoTrackingToken mongo) {
            return new GlobalSequenceTrackingToken(lastCoveredPosition(mongo));
        }
        if (token instanceof ReplayToken replay) {
            return ReplayToken.createReplayToken(inDocketPositions(replay.getTokenAtReset()),
                    inDocketPositions(replay.getCurrentToken()), replay.context());
        }
        return token;
    }

    /**
     * The position before the first stored event the token does not cover. Copied events sit in the
     * order axon-mongo delivered them, so everything before that position was handled. One walk over the
     * store per token: a one-off, at start-up.
     */
    private long lastCoveredPosition(MongoTrackingToken token) {
        MongoCollection<Document> events = database.getCollection(EventDocuments.EVENTS);
        long next = 1;
        while (true) {
            Map<Long, Document> found = EventDocuments.byPosition(events, next, READ);
            for (long p = next; p < next + READ; p++) {
                Document doc = found.get(p);
                if (doc == null) {
                    return p - 1; // the end of the store (or a gap: what follows is delivered again, which is safe)
                }
                if (!EventDocuments.isFiller(doc) && !token.covers(MongoTrackingToken.of(
                        StoredTimestamps.parse(doc.getString(TIMESTAMP)), doc.getString(EVENT_ID)))) {
                    return p - 1;
                }
            }
            next += READ;
        }
    }

    private Document convert(Document old) {
        String type = old.getString(source.typeProperty());
        String aggregate = old.getString(source.aggregateIdentifierProperty());
        long sequence = ((Number) old.get(source.sequenceNumberProperty())).longValue();
        Document doc = new Document(POSITION, 0L);
        if (type != null) {
            doc.append(STREAM_KEY, EventDocuments.streamKey(aggregate, sequence));
        }
        return doc.append(AGGREGATE_ID, aggregate)
                .append(SEQUENCE, sequence)
                .append(TYPE, type)
                .append(EVENT_ID, old.getString(source.eventIdentifierProperty()))
                .append(TIMESTAMP, old.getString(source.timestampProperty()))
                .append(PAYLOAD_TYPE, old.getString(source.payloadTypeProperty()))
                .append(PAYLOAD_REVISION, old.getString(source.payloadRevisionProperty()))
                .append(PAYLOAD, text(old.get(source.payloadProperty())))
                .append(META_DATA, text(old.get(source.metaDataProperty())));
    }

    /** axon-mongo keeps serialized data as a string, or as a document when the serializer produced one. */
    private static String text(Object serialized) {
        if (serialized == null || serialized instanceof String) {
            return (String) serialized;
        }
        if (serialized instanceof Document doc) {
            return doc.toJson();
        }
        return serialized.toString();
    }

    /** Inserts the batch's new events at fresh consecutive positions; returns how many were new. */
    private int write(MongoCollection<Document> to, List<Document> batch) {
        Set<String> present = new HashSet<>();
        List<String> keys = batch.stream().map(d -> d.getString(STREAM_KEY)).filter(k -> k != null).toList();
        EventDocuments.in(to, STREAM_KEY, keys).projection(new Document(STREAM_KEY, 1))
                .forEach(d -> present.add(d.getString(STREAM_KEY)));
        List<Document> fresh = batch.stream().filter(d -> !present.contains(d.getString(STREAM_KEY))).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        positions.after(chains.seal(fresh, to));
        Positions.Written written = positions.write(fresh);
        if (written.failure() != null) {
            throw written.failure();
        }
        chains.remember(fresh);
        return fresh.size();
    }

    /** Docket keeps one snapshot per aggregate: the one with the highest sequence number wins. */
    private long copySnapshots() {
        Map<String, Document> latest = new HashMap<>();
        for (Document old : database.getCollection(AXON_SNAPSHOTS).find()) {
            Document doc = convert(old);
            doc.remove(STREAM_KEY);
            String aggregate = doc.getString(AGGREGATE_ID);
            doc.put(POSITION, aggregate);
            Document seen = latest.get(aggregate);
            if (seen == null || ((Number) seen.get(SEQUENCE)).longValue() < ((Number) doc.get(SEQUENCE)).longValue()) {
                latest.put(aggregate, doc);
            }
        }
        MongoCollection<Document> to = database.getCollection(EventDocuments.SNAPSHOTS);
        for (Document doc : latest.values()) {
            to.replaceOne(Filters.eq(POSITION, doc.get(POSITION)), doc, new ReplaceOptions().upsert(true));
        }
        return latest.size();
    }
}
