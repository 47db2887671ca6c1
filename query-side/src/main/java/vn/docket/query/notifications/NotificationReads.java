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
import vn.docket.query.support.ReadModel;

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

    /** One person's marks: everything recorded up to {@code readUpTo} (null: nothing yet), and these ids after it. */
    record ReadState(Date readUpTo, List<String> read) implements ReadModel {

        static final String READ_UP_TO = "readUpTo";
        static final String READ = "read";

        static ReadState read(Document d) {
            return new ReadState(d.getDate(READ_UP_TO), d.getList(READ, String.class, List.of()));
        }

        @Override
        public Document toDocument() {
            return new Document(READ_UP_TO, readUpTo).append(READ, read);
        }

        boolean isRead(Notified n) {
            return (readUpTo != null && !n.recordedAt().after(readUpTo)) || read.contains(n.id());
        }
    }

    ReadState state(String userId) {
        Document state = reads.find(Filters.eq("_id", userId)).first();
        return state == null ? new ReadState(null, List.of()) : ReadState.read(state);
    }

    void markRead(String userId, String notificationId) {
        reads.updateOne(Filters.eq("_id", userId), Updates.addToSet(ReadState.READ, notificationId), new UpdateOptions().upsert(true));
    }

    /** Everything up to {@code upTo} (the newest the person can see now) is read, and the single marks go. */
    void markAllRead(String userId, Date upTo) {
        Date before = state(userId).readUpTo();
        if (before != null && before.after(upTo)) {
            return;
        }
        reads.updateOne(Filters.eq("_id", userId), Updates.combine(Updates.set(ReadState.READ_UP_TO, upTo),
                Updates.set(ReadState.READ, List.of())),
                new UpdateOptions().upsert(true));
    }
}
