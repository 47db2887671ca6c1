package vn.docket.platform.users;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import vn.docket.events.Role;
import vn.docket.platform.security.DocketUser;

/**
 * The {@code users} collection: each user's state as their events left it, written by {@link UserAccounts}
 * in the same call that records the events, so that signing in stays one read by {@code _id} (the user id),
 * which even the embedded server answers from its index. The password hash lives only here.
 */
public class UserStore {

    static final String COLLECTION = "users";

    private final MongoCollection<Document> users;

    public UserStore(MongoDatabase database) {
        this.users = database.getCollection(COLLECTION);
    }

    public Optional<StoredUser> find(String id) {
        return Optional.ofNullable(users.find(Filters.eq("_id", id)).first()).map(UserStore::fromDocument);
    }

    /** The stored user with this id as they sign in; nobody when unknown or disabled. */
    public Optional<DocketUser> signIn(String id) {
        return find(id).filter(StoredUser::enabled).map(StoredUser::toDocketUser);
    }

    public List<StoredUser> all() {
        return users.find().sort(Sorts.ascending("_id")).map(UserStore::fromDocument).into(new ArrayList<>());
    }

    long enabledAdmins() {
        return users.countDocuments(Filters.and(Filters.eq("role", Role.ADMIN.name()), Filters.eq("enabled", true)));
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
        return new StoredUser(d.getString("_id"), d.getString("name"), d.getString("unit"),
                Role.valueOf(d.getString("role")), d.getString("passwordHash"), d.getBoolean("enabled", false),
                d.getList("levels", String.class), instant(d.getDate("createdAt")), d.getString("createdBy"),
                instant(d.getDate("changedAt")), d.getString("changedBy"), instant(d.getDate("roleSince")),
                d.getString("roleGrantedBy"));
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
