package vn.docket.platform.users;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import vn.docket.events.Role;
import vn.docket.platform.security.DocketUser;

/**
 * The {@code users} collection. The user id is the document's {@code _id}, so the database itself refuses
 * a second user with the same id, even when two administrators add one at the same moment.
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

    /** @return false when a user with this id is already stored */
    boolean insert(StoredUser user) {
        try {
            users.insertOne(toDocument(user));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void replace(StoredUser user) {
        users.replaceOne(Filters.eq("_id", user.id()), toDocument(user), new ReplaceOptions().upsert(false));
    }

    private static Document toDocument(StoredUser u) {
        return new Document("_id", u.id())
                .append("name", u.name())
                .append("unit", u.unit())
                .append("role", u.role().name())
                .append("passwordHash", u.passwordHash())
                .append("enabled", u.enabled())
                .append("createdAt", date(u.createdAt()))
                .append("createdBy", u.createdBy())
                .append("changedAt", date(u.changedAt()))
                .append("changedBy", u.changedBy());
    }

    private static StoredUser fromDocument(Document d) {
        return new StoredUser(d.getString("_id"), d.getString("name"), d.getString("unit"),
                Role.valueOf(d.getString("role")), d.getString("passwordHash"), d.getBoolean("enabled", false),
                instant(d.getDate("createdAt")), d.getString("createdBy"),
                instant(d.getDate("changedAt")), d.getString("changedBy"));
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
