package vn.docket.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bson.Document;
import vn.docket.platform.eventstore.StoredTimestamps;

/**
 * Helpers for read models kept one document per aggregate. Events reach a projection at least once (the
 * store, the token and the read model are separate writes), so each document remembers the sequence
 * number of the last event applied and ignores anything it has already seen. Inside a processor's batch
 * the writes are collected and sent once per document ({@link ReadModelBatch}).
 */
public final class ReadModels {

    /** The sequence number of the last event applied to a document. */
    private static final String SEQ = "seq";

    private ReadModels() {
    }

    /** Applies {@code change} to the document with {@code id} unless event {@code sequence} was applied already. */
    public static void apply(MongoCollection<Document> collection, String id, long sequence, Consumer<Document> change) {
        ReadModelBatch batch = ReadModelBatch.current();
        Document doc;
        if (batch != null) {
            // A copy: a handler that throws half-way must not leave half a change in what the batch writes.
            Document shared = batch.get(collection, id);
            doc = shared == null ? null : copy(shared);
        } else {
            doc = collection.find(Filters.eq("_id", id)).first();
        }
        if (doc == null) {
            doc = new Document("_id", id);
        } else if (doc.get(SEQ) instanceof Number seen && seen.longValue() >= sequence) {
            return;
        }
        change.accept(doc);
        doc.put(SEQ, sequence);
        if (batch != null) {
            batch.put(collection, id, doc);
        } else {
            collection.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
        }
    }

    /**
     * The record form of {@link #apply(MongoCollection, String, long, Consumer)}: {@code change} is given the read model
     * as stored ({@code null} before the aggregate's first event) and returns it changed; the same {@code seq} check
     * and the same batch apply.
     */
    public static <R extends ReadModel> void apply(MongoCollection<Document> collection, String id, long sequence,
                                                   Function<Document, R> read, UnaryOperator<R> change) {
        apply(collection, id, sequence, doc -> {
            R changed = change.apply(doc.containsKey(SEQ) ? read.apply(doc) : null);
            doc.keySet().retainAll(Set.of("_id"));
            doc.putAll(changed.toDocument());
        });
    }

    /** The sequence number of the last event applied to {@code doc}, or -1 if none was. */
    public static long sequence(Document doc) {
        return doc.get(SEQ) instanceof Number seen ? seen.longValue() : -1;
    }

    /** The field of a set document ({@link #include}) that holds its members. */
    public static final String MEMBERS = "members";

    /**
     * Adds {@code member} to (or, with {@code in} false, takes it out of) the set document {@code id}: an index
     * many aggregates share, such as "the tasks alive in July 2021", read by its key alone. Atomic on the
     * database, so processors in several segments may share one; idempotent, so redelivery changes nothing.
     * Inside a batch the changes are sent once per document, before the batch's other writes.
     */
    public static void include(MongoCollection<Document> collection, String id, String member, boolean in) {
        ReadModelBatch batch = ReadModelBatch.current();
        if (batch != null) {
            batch.include(collection, id, member, in);
        } else if (in) {
            collection.updateOne(Filters.eq("_id", id), Updates.addToSet(MEMBERS, member), new UpdateOptions().upsert(true));
        } else {
            collection.updateOne(Filters.eq("_id", id), Updates.pull(MEMBERS, member));
        }
    }

    /** Ids per read: the embedded server answers {@code _id $in} from its unique index, MongoDB in one reply. */
    public static final int KEYS_PER_READ = 128;

    /**
     * The documents with these ids in their order, for a page an in-memory index chose. The index and the read model
     * follow the event store separately, so a document the index has may not be written yet, or not brought up to
     * the index's entry: one that is {@code behind} (given its id and the document read, null if none, as when it
     * was recorded a moment ago) is read again for up to {@code wait}; then one still missing is left out.
     */
    public static List<Document> inOrder(MongoCollection<Document> collection, List<String> ids,
                                         BiPredicate<String, Document> behind, Duration wait) {
        Map<String, Document> found = byIds(collection, ids);
        long until = System.nanoTime() + wait.toNanos();
        List<String> late = late(ids, found, behind);
        while (!late.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found.putAll(byIds(collection, late));
            late = late(ids, found, behind);
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private static List<String> late(List<String> ids, Map<String, Document> found, BiPredicate<String, Document> behind) {
        return ids.stream().filter(id -> behind.test(id, found.get(id))).toList();
    }

    /** The documents with these ids, by id (a missing one is absent), read {@link #KEYS_PER_READ} ids at a time. */
    public static Map<String, Document> byIds(MongoCollection<Document> collection, List<String> ids) {
        Map<String, Document> found = new HashMap<>();
        eachById(collection, ids, d -> found.put(d.getString("_id"), d));
        return found;
    }

    /**
     * Each document with one of these ids, read {@link #KEYS_PER_READ} ids at a time and handed on as it comes, so
     * that a reader of thousands holds one window in memory, not all of them.
     */
    public static void eachById(MongoCollection<Document> collection, Collection<String> ids, Consumer<Document> each) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += KEYS_PER_READ) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_READ));
            collection.find(Filters.in("_id", chunk)).batchSize(chunk.size()).forEach(each);
        }
    }

    private static Document copy(Document doc) {
        Document copy = new Document();
        doc.forEach((key, value) -> copy.put(key, copyValue(value)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Document nested) {
            return copy(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copyValue(item)));
            return copy;
        }
        return value; // strings, numbers, booleans, dates: never changed in place
    }

    /** Dates are kept as ISO strings: they sort and compare correctly as text, and read back exactly. */
    public static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(Object iso) {
        return iso == null ? null : StoredTimestamps.date(iso.toString());
    }
}
