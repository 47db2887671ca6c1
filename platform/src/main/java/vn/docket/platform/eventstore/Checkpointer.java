package vn.docket.platform.eventstore;

import static vn.docket.platform.eventstore.EventDocuments.POSITION;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.docket.platform.mongo.Inserts;

/**
 * Records a running hash over all positions every {@code every} positions: H(0) = genesis, H(n) =
 * SHA-256(H(n-1) + contribution(n)), where an event contributes its stored hash and a filler a fixed mark.
 * Chains only link the events of one aggregate, so someone who rewrites an aggregate's whole chain
 * consistently, or moves events of different aggregates, is only caught here.
 *
 * <p>Checkpoints live in {@code docket_checkpoints} with {@code _id} = position; the latest position is
 * also kept in {@code docket_counters} ({@code _id: "checkpoints"}), so that finding it is one exact read
 * and removing the newest checkpoint is noticed. Each run starts again from the latest checkpoint, so
 * nothing about a half-finished stretch needs to be stored.
 *
 * <p>A position that stays empty longer than the gap timeout (a writer that died between taking it and
 * writing) is filled, as the engine's own writers do for positions they give up: readers have passed it
 * already, and a filler lets the checkpoints move past it.
 */
public final class Checkpointer {

    public static final String CHECKPOINTS = "docket_checkpoints";
    static final String HASH = "hash";
    static final String SIGNATURE = "signature";
    private static final int BATCH = EventDocuments.MAX_KEYS_PER_READ;

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> checkpoints;
    private final Counters counters;
    private final int every;
    private final GapWatch gaps;
    private final Anchors.Signer signer;

    public Checkpointer(MongoDatabase database, int every, Duration gapTimeout) {
        this(database, every, gapTimeout, null);
    }

    /** @param signer signs each checkpoint and exports it ({@link Anchors}); null: unsigned */
    public Checkpointer(MongoDatabase database, int every, Duration gapTimeout, Anchors.Signer signer) {
        this(database, every, gapTimeout, System::nanoTime, signer);
    }

    Checkpointer(MongoDatabase database, int every, Duration gapTimeout, LongSupplier nanoClock, Anchors.Signer signer) {
        if (every < 1) {
            throw new IllegalArgumentException("Checkpoints need a distance of at least 1 position, not " + every);
        }
        this.events = database.getCollection(EventDocuments.EVENTS);
        this.checkpoints = database.getCollection(CHECKPOINTS);
        this.counters = new Counters(database);
        this.every = every;
        this.gaps = new GapWatch(gapTimeout, nanoClock);
        this.signer = signer;
    }

    /** The latest checkpoint's position according to the pointer (0: none yet). */
    long latestPosition() {
        return counters.last(Counters.CHECKPOINTS);
    }

    /** The running hash recorded at {@code position}, or null if no checkpoint is recorded there. */
    public String hashAt(long position) {
        Document checkpoint = checkpoints.find(Filters.eq(POSITION, position)).first();
        return checkpoint == null ? null : checkpoint.getString(HASH);
    }

    /** Records every checkpoint that is due up to the head; returns how many it recorded. */
    public synchronized int catchUp() {
        long from = latestPosition();
        String running = EventHash.GENESIS;
        if (from > 0) {
            Document latest = checkpoints.find(Filters.eq(POSITION, from)).first();
            if (latest == null) {
                // Someone removed it: recording new ones would hide that. The verifier reports it.
                log.warn("The latest checkpoint (position {}) is missing; no new checkpoints are recorded", from);
                return 0;
            }
            running = latest.getString(HASH);
        }
        int recorded = 0;
        for (long next = from + 1; ; next += BATCH) {
            Map<Long, Document> found = EventDocuments.byPosition(events, next, BATCH);
            if (found.isEmpty()) {
                return recorded;
            }
            long highest = found.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            gaps.noticeAll(next, highest, found::containsKey);
            for (long p = next; p < next + BATCH; p++) {
                Document doc = found.get(p);
                if (doc == null) {
                    if (p > highest || !gaps.expired(p) || !fill(p)) {
                        return recorded; // the head, or a writer still at work: the next run goes on from here
                    }
                    doc = EventDocuments.filler(p);
                } else if (!EventDocuments.isFiller(doc)) {
                    String why = EventDocuments.misshapen(doc);
                    if (why != null) {
                        // Edited with a database tool: sealing past it would vouch for it. The verifier reports it.
                        log.warn("No checkpoints are recorded from event position {} on: its {}, which Docket never"
                                + " writes; verify the event store", p, why);
                        return recorded;
                    }
                }
                gaps.resolved(p);
                running = EventHash.running(running, EventHash.contribution(doc));
                if (p % every == 0) {
                    record(p, running);
                    recorded++;
                }
            }
        }
    }

    private boolean fill(long position) {
        if (!Inserts.ifAbsent(events, EventDocuments.filler(position))) {
            return false; // written meanwhile: read it on the next run
        }
        log.warn("Event position {} stayed empty past the gap timeout; filled it so checkpoints can pass it", position);
        return true;
    }

    private void record(long position, String hash) {
        Instant now = Instant.now();
        Document checkpoint = new Document(POSITION, position).append(HASH, hash).append("recordedAt", now.toString());
        if (signer != null) {
            // Exported first: a checkpoint stored but not exported would never be exported (the next run starts
            // after it), while a line exported twice says the same thing twice.
            String signature = signer.sign(position, hash);
            signer.export(position, hash, now, signature);
            checkpoint.append(SIGNATURE, signature);
        }
        // Left as it is when another process recorded it first; if the two disagree the verifier says so.
        Inserts.ifAbsent(checkpoints, checkpoint);
        counters.raise(Counters.CHECKPOINTS, position);
    }
}
