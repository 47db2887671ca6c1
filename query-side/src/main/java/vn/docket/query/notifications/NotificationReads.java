package vn.docket.query.notifications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What each person has read, one document per user keyed by the user's id (an exact-match read): everything up
 * to {@code readUpTo} (marked all read), and the ids of notifications read one by one after that. Marking twice
 * changes nothing. It is the person's own state, not history: a projection rebuild leaves it alone.
 */
@Component
class NotificationReads {

    static final String COLLECTION = "notification_reads";

    private final MongoCollection<Document> reads;

    NotificationReads(MongoDatabase database) {
        this.reads = database.getCollection(COLLECTION);
    }

    boolean isRead(Document state, Document notification) {
        Date upTo = state.getDate("readUpTo");
        return (upTo != null && !notification.getDate("recordedAt").after(upTo))
                || state.getList("read", String.class, List.of()).contains(notification.getString("_id"));
    }

    Document state(String userId) {
        Document state = reads.find(Filters.eq("_id", userId)).first();
        return state == null ? new Document("_id", userId) : state;
    }

    void markRead(String userId, String notificationId) {
        reads.updateOne(Filters.eq("_id", userId), Updates.addToSet("read", notificationId), new UpdateOptions().upsert(true));
    }

    /** Everything up to {@code upTo} (the newest the person can see now) is read, and the single marks go. */
    void markAllRead(String userId, Date upTo) {
        Date before = state(userId).getDate("readUpTo");
        if (before != null && before.after(upTo)) {
            return;
        }
        reads.updateOne(Filters.eq("_id", userId), Updates.combine(Updates.set("readUpTo", upTo), Updates.set("read", List.of())),
                new UpdateOptions().upsert(true));
    }
}
