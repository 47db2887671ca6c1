package vn.docket.command.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.docket.platform.Sha256;
import vn.docket.platform.mongo.Inserts;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;

/**
 * Makes a command safe to retry (the IETF httpapi Idempotency-Key draft). A key belongs to one user and one
 * request: its method, path and the SHA-256 of its body. The first request claims the key for a lease, which its
 * node renews while it runs; a retry then gets the stored answer, a 409 while the first is running, or takes the
 * key over once the lease has lapsed (the first request's process died). Whether a taken-over request already
 * wrote is not decided here but by its command id, derived from user, key and request and recorded on its
 * events: the aggregate applies a command id once (see {@code AppliedRequests}), and a create's new id is derived
 * the same way ({@link CommandDispatcher#create}).
 *
 * <p>Keys expire after {@link IdempotencySettings#expiry()}: an expired key reads as absent, and a bucket per
 * minute of expiry lists the keys to delete once that minute is over. Every read and conditional write names the
 * key's {@code _id} (and its {@code attempt}) exactly, which is all the embedded server can look up by index; the
 * same code runs on a real MongoDB, where TTL indexes would also do.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;
    static final String KEYS = "idempotency_keys";
    static final String BUCKETS = "idempotency_key_expiry";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    private static final String RUNNING = "running";
    private static final String DONE = "done";
    /** The bucket collection's bookmark: every bucket up to this minute has been swept. */
    private static final String SWEPT = "swept";

    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> buckets;
    private final Clock clock;
    private final IdempotencySettings settings;
    /** The keys this node runs a request for, with the attempt holding each: their leases are renewed. */
    private final Map<String, String> running = new ConcurrentHashMap<>();

    public IdempotencyKeys(MongoDatabase database, Clock clock, IdempotencySettings settings) {
        this.keys = database.getCollection(KEYS);
        this.buckets = database.getCollection(BUCKETS);
        this.clock = clock;
        this.settings = settings;
    }

    /** What a request with a key does: run the command under {@link Execute}, or answer with a {@link Replay}. */
    public sealed interface Claim permits Execute, Replay {
    }

    /** Run the command with this command id, then {@link #complete} or {@link #release}. */
    public record Execute(String id, String attempt, String commandId) implements Claim {
    }

    /** The answer the first request got. */
    public record Replay(int status, String location, String body) implements Claim {
    }

    public IdempotencyKeys ensureIndexes() {
        // Conditional writes name the key and the attempt holding it. With a unique index on exactly these two
        // fields the embedded server looks them up by index; it would scan the collection for {_id, attempt}.
        keys.createIndex(Indexes.ascending("_id", "attempt"), new IndexOptions().unique(true));
        if (buckets.find(Filters.eq("_id", SWEPT)).first() == null) {
            // The first start with leases: keys written before have neither lease nor expiry, and one left
            // "running" by a crash would answer 409 for ever. Once, so it is the only scan.
            keys.deleteMany(Filters.exists("expiresAt", false));
            buckets.updateOne(Filters.eq("_id", SWEPT), Updates.setOnInsert("upTo",
                    Date.from(minute(clock.instant()).minus(1, ChronoUnit.MINUTES))), new UpdateOptions().upsert(true));
        }
        return this;
    }

    /**
     * @param request what the key is for: method, path and the SHA-256 of the body; another request under the
     *                same key is refused with 422 {@code idempotency-key-reused}
     */
    public Claim claim(String userId, String key, String request) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw new RuleBroken("idempotency-key-too-long",
                    "An Idempotency-Key has at most " + MAX_KEY_LENGTH + " characters.");
        }
        String id = userId + ":" + key;
        String commandId = derivedId(id + "\n" + request).toString();
        // Each round reads the key and writes only if nobody changed it since; a lost race reads again.
        for (int round = 0; round < 3; round++) {
            Instant now = clock.instant();
            Document found = keys.find(Filters.eq("_id", id)).first();
            Execute execute = new Execute(id, UUID.randomUUID().toString(), commandId);
            if (found == null || expired(found, now)) {
                if (claimAfresh(execute, request, found, now)) {
                    return started(execute);
                }
                continue;
            }
            if (!request.equals(found.getString("request"))) {
                String first = found.getString("request");
                throw new RuleBroken("idempotency-key-reused", "This Idempotency-Key was already used for another "
                        + "request (" + first.substring(0, first.lastIndexOf(' ')) + " with its own body); "
                        + "a new request needs a new key.");
            }
            if (DONE.equals(found.getString("state"))) {
                return new Replay(found.getInteger("status"), found.getString("location"), found.getString("body"));
            }
            if (found.getDate("leaseUntil").toInstant().isAfter(now)) {
                throw new StateConflict("request-in-progress",
                        "A request with this Idempotency-Key is still being processed; retry in a moment.");
            }
            if (conditionally(found, Updates.combine(Updates.set("attempt", execute.attempt()),
                    Updates.set("leaseUntil", Date.from(now.plus(settings.lease())))))) {
                log.info("A request of {} with Idempotency-Key {} was left unfinished (its process stopped); "
                        + "its retry takes the key over.", userId, key);
                return started(execute);
            }
        }
        throw new StateConflict("request-in-progress",
                "A request with this Idempotency-Key is still being processed; retry in a moment.");
    }

    /** Records the answer for later retries, unless another attempt took the key over meanwhile. */
    public void complete(Execute execute, int status, String location, String body) {
        running.remove(execute.id(), execute.attempt());
        keys.updateOne(heldBy(execute.id(), execute.attempt()), Updates.combine(
                Updates.set("state", DONE), Updates.unset("leaseUntil"),
                Updates.set("status", status), Updates.set("location", location), Updates.set("body", body)));
    }

    /** The command failed and wrote nothing: a retry is judged afresh, with any body. */
    public void release(Execute execute) {
        running.remove(execute.id(), execute.attempt());
        keys.deleteOne(heldBy(execute.id(), execute.attempt()));
    }

    /** Every third of the lease: keeps the keys of this node's running requests from being taken over. */
    void renewLeases() {
        Date until = Date.from(clock.instant().plus(settings.lease()));
        running.forEach((id, attempt) -> keys.updateOne(heldBy(id, attempt), Updates.set("leaseUntil", until)));
    }

    /**
     * Deletes the keys of every bucket whose minute is over, then the bucket; one read per hour of buckets.
     * Nodes may sweep at the same time: each delete is conditional, so the slower one deletes nothing.
     */
    void sweep() {
        Instant now = clock.instant();
        Instant last = minute(now).minus(1, ChronoUnit.MINUTES);
        Document bookmark = buckets.find(Filters.eq("_id", SWEPT)).first();
        Instant from = bookmark.getDate("upTo").toInstant().plus(1, ChronoUnit.MINUTES);
        while (!from.isAfter(last)) {
            List<String> minutes = new ArrayList<>();
            for (Instant m = from; !m.isAfter(last) && minutes.size() < 60; m = m.plus(1, ChronoUnit.MINUTES)) {
                minutes.add(m.toString());
            }
            for (Document bucket : buckets.find(Filters.in("_id", minutes))) {
                for (String id : bucket.getList("keys", String.class)) {
                    Document key = keys.find(Filters.eq("_id", id)).first();
                    if (key != null && expired(key, now)) {
                        keys.deleteOne(heldBy(id, key.getString("attempt")));
                    }
                }
                buckets.deleteOne(Filters.eq("_id", bucket.getString("_id")));
            }
            Instant upTo = Instant.parse(minutes.get(minutes.size() - 1));
            buckets.updateOne(Filters.eq("_id", SWEPT), Updates.max("upTo", Date.from(upTo)));
            from = upTo.plus(1, ChronoUnit.MINUTES);
        }
    }

    Duration lease() {
        return settings.lease();
    }

    /** A UUID from the SHA-256 of the text: the same text gives the same id on every node and after a restart. */
    public static UUID derivedId(String text) {
        ByteBuffer hash = ByteBuffer.wrap(Sha256.digest().digest(text.getBytes(StandardCharsets.UTF_8)));
        // Marked as a name-based UUID (version 5 layout), so it never looks like a random one.
        return new UUID((hash.getLong() & ~0xF000L) | 0x5000L, (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private boolean claimAfresh(Execute execute, String request, Document expired, Instant now) {
        Instant expiresAt = now.plus(settings.expiry());
        Document fresh = new Document("_id", execute.id()).append("attempt", execute.attempt())
                .append("request", request).append("state", RUNNING)
                .append("leaseUntil", Date.from(now.plus(settings.lease()))).append("expiresAt", Date.from(expiresAt));
        if (expired == null) {
            if (!Inserts.ifAbsent(keys, fresh)) {
                return false;
            }
        } else if (keys.replaceOne(heldBy(execute.id(), expired.getString("attempt")), fresh).getMatchedCount() == 0) {
            return false;
        }
        buckets.updateOne(Filters.eq("_id", minute(expiresAt).toString()), Updates.push("keys", execute.id()),
                new UpdateOptions().upsert(true));
        return true;
    }

    private boolean conditionally(Document found, org.bson.conversions.Bson update) {
        return keys.updateOne(heldBy(found.getString("_id"), found.getString("attempt")), update).getMatchedCount() == 1;
    }

    private Execute started(Execute execute) {
        running.put(execute.id(), execute.attempt());
        return execute;
    }

    /** Exactly the fields of the unique index, as a plain document (Filters.and would render an {@code $and}). */
    private static Document heldBy(String id, String attempt) {
        return new Document("_id", id).append("attempt", attempt);
    }

    private static boolean expired(Document key, Instant now) {
        return !key.getDate("expiresAt").toInstant().isAfter(now);
    }

    private static Instant minute(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }
}
