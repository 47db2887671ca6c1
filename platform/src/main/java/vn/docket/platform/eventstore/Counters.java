package vn.docket.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;

/**
 * {@code docket_counters}: one document a counter, {@code {_id: name, last: position}}, only ever raised. Two are kept:
 * {@link #EVENTS}, a recent position from which {@link Positions} finds the head at start, and {@link #CHECKPOINTS},
 * the latest checkpoint's position ({@link Checkpointer}). A restored backup sets both.
 */
public final class Counters {

    public static final String COLLECTION = "docket_counters";
    public static final String EVENTS = "events";
    public static final String CHECKPOINTS = "checkpoints";
    private static final List<String> BOTH = List.of(EVENTS, CHECKPOINTS);

    private final MongoCollection<Document> counters;

    public Counters(MongoDatabase database) {
        this.counters = database.getCollection(COLLECTION);
    }

    /** The counter's position: 0 if it was never raised. */
    public long last(String counter) {
        Document doc = counters.find(Filters.eq("_id", counter)).first();
        return doc == null ? 0 : ((Number) doc.get("last")).longValue();
    }

    /** Raises the counter to {@code position}; one higher already stays where it is. */
    public void raise(String counter, long position) {
        counters.updateOne(Filters.eq("_id", counter), Updates.max("last", position), new UpdateOptions().upsert(true));
    }

    /** Whether either counter is set: the database has counted positions already. */
    public boolean anySet() {
        return counters.countDocuments(Filters.in("_id", BOTH)) > 0;
    }

    public void clear() {
        counters.deleteMany(Filters.in("_id", BOTH));
    }
}
