package vn.docket.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Helpers for read models kept one document per aggregate. Events reach a projection at least once (the
 * store, the token and the read model are separate writes), so each document remembers the sequence
 * number of the last event applied and ignores anything it has already seen. Inside a processor's batch
 * the writes are collected and sent once per document ({@link ReadModelBatch}).
 */
public final class ReadModels {

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
        } else if (doc.get("seq") instanceof Number seen && seen.longValue() >= sequence) {
            return;
        }
        change.accept(doc);
        doc.put("seq", sequence);
        if (batch != null) {
            batch.put(collection, id, doc);
        } else {
            collection.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
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
        return iso == null ? null : LocalDate.parse(iso.toString());
    }
}
