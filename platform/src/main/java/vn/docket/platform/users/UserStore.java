package vn.docket.platform.users;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.docket.events.Role;
import vn.docket.platform.mongo.Inserts;

/**
 * The {@code users} collection: each user's state as their events left it, written by {@link UserAccounts}
 * in the same call that records the events, so that signing in stays one read by {@code _id} (the user id),
 * which even the embedded server answers from its index. Each row keeps the sequence number of the last
 * event it reflects ({@code version}), so that a row a crash left behind its events is recognised and
 * caught up ({@link UserAccounts#current}). The password hash lives only here.
 */
public class UserStore {

    static final String COLLECTION = "users";
    /** One document at most: held while a change that could remove an administrator counts them. */
    static final String LOCKS = "user_locks";
    private static final String ADMINISTRATORS = "administrators";

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> locks;

    public UserStore(MongoDatabase database) {
        this.users = database.getCollection(COLLECTION);
        this.locks = database.getCollection(LOCKS);
    }

    public Optional<StoredUser> find(String id) {
        return Optional.ofNullable(users.find(Filters.eq("_id", id)).first()).map(UserStore::fromDocument);
    }

    /** The approval levels an administrator granted this user on top of their role's; none for an unknown user. */
    public List<String> grantedLevels(String id) {
        return find(id).map(StoredUser::levels).orElse(List.of());
    }

    public List<StoredUser> all() {
        return users.find().sort(Sorts.ascending("_id")).map(UserStore::fromDocument).into(new ArrayList<>());
    }

    /**
     * Takes the administrators' lock unless another holds it and its lease has not lapsed. Every node shares
     * the database, so this is the one place where two changes on different users (two administrators
     * disabling each other) can see each other; a holder that died loses the lock when its lease lapses.
     */
    boolean lockAdministrators(String holder, Instant now, Duration lease) {
        locks.deleteOne(Filters.and(Filters.eq("_id", ADMINISTRATORS), Filters.lt("until", Date.from(now))));
        return Inserts.ifAbsent(locks, new Document("_id", ADMINISTRATORS).append("holder", holder)
                .append("until", Date.from(now.plus(lease))));
    }

    void unlockAdministrators(String holder) {
        locks.deleteOne(Filters.and(Filters.eq("_id", ADMINISTRATORS), Filters.eq("holder", holder)));
    }

    /** After a password change whose hash a crash lost: no password signs in until an administrator sets one. */
    void forgetPassword(String id) {
        users.updateOne(Filters.eq("_id", id), Updates.unset("passwordHash"));
    }

    /**
     * Writes the user's state after their latest events; the whole state each time, so a write lost in a crash
     * is made good by the next change to that user. {@code passwordHash} null keeps the stored one.
     */
    void save(UserAccount account, String passwordHash, Instant at, String by) {
        List<Bson> set = new ArrayList<>(List.of(
                Updates.set("name", account.name()),
                Updates.set("unit", account.unit()),
                Updates.set("role", account.role().name()),
                Updates.set("enabled", account.enabled()),
                Updates.set("levels", account.levels()),
                Updates.set("roleSince", date(account.roleSince())),
                Updates.set("roleGrantedBy", account.roleGrantedBy()),
                Updates.set("version", account.version()),
                Updates.setOnInsert("createdAt", date(at)),
                Updates.setOnInsert("createdBy", by)));
        if (account.version() > 0) {
            set.add(Updates.set("changedAt", date(at)));
            set.add(Updates.set("changedBy", by));
        }
        if (passwordHash != null) {
            set.add(Updates.set("passwordHash", passwordHash));
        }
        users.updateOne(Filters.eq("_id", account.id()), Updates.combine(set), new UpdateOptions().upsert(true));
    }

    private static StoredUser fromDocument(Document d) {
        Number version = d.get("version", Number.class); // absent in rows from before authority was recorded
        return new StoredUser(d.getString("_id"), d.getString("name"), d.getString("unit"),
                Role.valueOf(d.getString("role")), d.getString("passwordHash"), d.getBoolean("enabled", false),
                d.getList("levels", String.class), instant(d.getDate("createdAt")), d.getString("createdBy"),
                instant(d.getDate("changedAt")), d.getString("changedBy"), instant(d.getDate("roleSince")),
                d.getString("roleGrantedBy"), version == null ? -1 : version.longValue());
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
