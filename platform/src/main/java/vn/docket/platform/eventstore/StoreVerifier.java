package vn.docket.platform.eventstore;

import static vn.docket.platform.eventstore.EventDocuments.AGGREGATE_ID;
import static vn.docket.platform.eventstore.EventDocuments.EVENT_ID;
import static vn.docket.platform.eventstore.EventDocuments.HASH;
import static vn.docket.platform.eventstore.EventDocuments.POSITION;
import static vn.docket.platform.eventstore.EventDocuments.PREV_HASH;
import static vn.docket.platform.eventstore.EventDocuments.STREAM_KEY;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the event store by position and reports "intact up to position N" or the first problem: an event
 * whose content no longer matches its hash or whose predecessor's hash changed ("edited"), a position
 * emptied or an event missing from its aggregate's chain ("deleted"), an event stored before its
 * predecessor ("reordered"), or a running hash that differs from a recorded checkpoint ("checkpoint
 * mismatch": a consistent rewrite of a whole chain, or events moved between aggregates).
 *
 * <p>Reads are exact matches only: {@code _id ∈} a batch of consecutive positions (events and
 * checkpoints), and a predecessor's stream key when it is not among the recently walked aggregates.
 * After an intact walk the checkpoints due since the last one are recorded, so they only ever seal a
 * store that verified.
 */
public final class StoreVerifier {

    public static final String EDITED = "edited";
    public static final String DELETED = "deleted";
    public static final String REORDERED = "reordered";
    public static final String CHECKPOINT_MISMATCH = "checkpoint mismatch";

    private static final Logger log = LoggerFactory.getLogger(StoreVerifier.class);
    private static final int BATCH = DocketEventStorageEngine.MAX_KEYS_PER_READ;
    private static final int PROGRESS_EVERY = 10_000;
    /** Aggregates remembered during a walk; older ones are read back by stream key when needed. */
    private static final int REMEMBERED_AGGREGATES = 100_000;
    /** A position can be empty for a moment while its writer is between taking it and inserting. */
    private static final int HOLE_RECHECKS = 3;
    private static final long HOLE_RECHECK_MILLIS = 100;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> checkpoints;
    private final MongoDatabase database;
    private final Checkpointer checkpointer;

    public StoreVerifier(MongoDatabase database, Checkpointer checkpointer) {
        this.events = database.getCollection(DocketEventStorageEngine.EVENTS);
        this.checkpoints = database.getCollection(Checkpointer.CHECKPOINTS);
        this.database = database;
        this.checkpointer = checkpointer;
    }

    /** Verifies the whole store; when it is intact, records the checkpoints that are due. */
    public VerifyReport verify() {
        VerifyReport report = new Walk().run();
        if (report.intact()) {
            checkpointer.catchUp();
        }
        return report;
    }

    /** Where an aggregate's last walked event was. */
    private record Link(long sequence, String hash, long position) {
    }

    /** One pass over the store; the state lives here so that {@link StoreVerifier} stays shareable. */
    private final class Walk {

        private final Map<String, Link> recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                return size() > REMEMBERED_AGGREGATES;
            }
        };
        private String running = EventHash.GENESIS;
        private long lastPresent;
        private int checkpointsSeen;
        private long lastCheckpoint;
        private String lastCheckpointHash;
        /** The first empty position followed by a stored one: a deletion, reported once explained. */
        private Long hole;

        VerifyReport run() {
            long head = Positions.head(database);
            long nextLog = PROGRESS_EVERY;
            for (long next = 1; ; next += BATCH) {
                if (next > nextLog) {
                    log.info("Verifying the event store: position {} of {}", next - 1, head);
                    nextLog += PROGRESS_EVERY;
                }
                Map<Long, Document> found = EventDocuments.byPosition(events, next, BATCH);
                if (found.isEmpty() && next > head) {
                    break;
                }
                Map<Long, Document> sealed = EventDocuments.byPosition(checkpoints, next, BATCH);
                for (long p = next; p < next + BATCH; p++) {
                    Document doc = found.get(p);
                    if (doc == null) {
                        continue; // judged once a later position turns out to hold something (see holeBefore)
                    }
                    VerifyReport problem = hole != null || p > lastPresent + 1 ? holeBefore(p, doc) : check(p, doc, sealed.get(p));
                    if (problem != null) {
                        return problem;
                    }
                    lastPresent = Math.max(lastPresent, p);
                }
            }
            if (hole != null) {
                return deleted(hole, null, null, "position " + hole + " is empty while later positions hold events, and no"
                        + " later event chains to it (the last event of an aggregate, or an event without one, was removed)");
            }
            long latest = checkpointer.latestPosition();
            if (latest > lastPresent) {
                return deleted(lastPresent + 1, null, null, "the checkpoint at position " + latest
                        + " covers positions that no longer hold anything: events at the end of the store were removed");
            }
            if (latest > lastCheckpoint) {
                return problem(CHECKPOINT_MISMATCH, latest, null, null, "the latest checkpoint (position " + latest
                        + ") is missing");
            }
            return VerifyReport.intact(lastPresent, checkpointsSeen, lastCheckpointHash);
        }

        /**
         * A stored position after empty ones. Positions taken by a writer that is still inserting are empty
         * for a moment, so the first empty one is read again before it counts as a deletion; a deletion is
         * then explained by the first later event whose predecessor is gone.
         */
        private VerifyReport holeBefore(long p, Document doc) {
            if (hole == null) {
                for (long empty = lastPresent + 1; empty < p; empty++) {
                    Document late = reread(empty);
                    if (late == null) {
                        hole = empty;
                        break;
                    }
                    VerifyReport problem = check(empty, late, checkpoints.find(Filters.eq(POSITION, empty)).first());
                    if (problem != null) {
                        return problem;
                    }
                    lastPresent = empty;
                }
                if (hole == null) {
                    return check(p, doc, checkpoints.find(Filters.eq(POSITION, p)).first());
                }
            }
            if (EventDocuments.isFiller(doc) || !EventDocuments.hasAggregate(doc) || EventDocuments.sequence(doc) == 0) {
                return null;
            }
            String aggregate = doc.getString(AGGREGATE_ID);
            long sequence = EventDocuments.sequence(doc);
            Link previous = predecessor(aggregate, sequence);
            remember(aggregate, sequence, doc.getString(HASH), p);
            if (previous == null) {
                return deleted(hole, aggregate, sequence - 1, "position " + hole + " is empty; sequence " + sequence
                        + " of this aggregate (position " + p + ") chains to the missing sequence " + (sequence - 1));
            }
            return null;
        }

        private Document reread(long position) {
            for (int i = 0; i < HOLE_RECHECKS; i++) {
                Document doc = events.find(Filters.eq(POSITION, position)).first();
                if (doc != null) {
                    return doc;
                }
                try {
                    Thread.sleep(HOLE_RECHECK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return null;
        }

        /** The checks of one stored position, in order: its own hash, its link, then the checkpoint there. */
        private VerifyReport check(long p, Document doc, Document checkpoint) {
            if (!EventDocuments.isFiller(doc)) {
                VerifyReport problem = checkEvent(p, doc);
                if (problem != null) {
                    return problem;
                }
            }
            running = EventHash.running(running, EventHash.contribution(doc));
            if (checkpoint != null) {
                if (!running.equals(checkpoint.getString(Checkpointer.HASH))) {
                    return problem(CHECKPOINT_MISMATCH, p, null, null, "the running hash over positions "
                            + (lastCheckpoint + 1) + " to " + p + " differs from the checkpoint recorded at " + p
                            + ": an event in that range was rewritten together with the rest of its aggregate's chain,"
                            + " moved, removed or replaced, or the checkpoint itself was altered");
                }
                checkpointsSeen++;
                lastCheckpoint = p;
                lastCheckpointHash = running;
            }
            return null;
        }

        private VerifyReport checkEvent(long p, Document doc) {
            boolean domain = EventDocuments.hasAggregate(doc);
            String aggregate = domain ? doc.getString(AGGREGATE_ID) : null;
            Long sequence = domain ? EventDocuments.sequence(doc) : null;
            String what = domain ? "" : "event " + doc.getString(EVENT_ID) + " (no aggregate): ";
            String stored = doc.getString(HASH);
            String storedPrevious = doc.getString(PREV_HASH);
            if (stored == null) {
                return problem(EDITED, p, aggregate, sequence, what + "carries no hash (its hash was removed, or it was"
                        + " written before Docket kept hashes)");
            }
            if (!stored.equals(EventHash.of(doc, storedPrevious))) {
                return problem(EDITED, p, aggregate, sequence, what + "its content (payload, metadata, type, timestamp or"
                        + " identifiers) no longer matches the hash stored with it");
            }
            if (!domain || sequence == 0) {
                return EventHash.GENESIS.equals(storedPrevious) ? null : problem(EDITED, p, aggregate, sequence, what
                        + "a first event must chain to the genesis hash, but this one chains to " + storedPrevious);
            }
            Link previous = predecessor(aggregate, sequence);
            remember(aggregate, sequence, stored, p);
            if (previous == null) {
                return deleted(p, aggregate, sequence - 1, "sequence " + (sequence - 1) + " is missing; sequence " + sequence
                        + " at position " + p + " chains to it");
            }
            if (previous.position() > p) {
                return problem(REORDERED, p, aggregate, sequence, "sequence " + sequence + " is stored at position " + p
                        + ", before sequence " + (sequence - 1) + " at position " + previous.position());
            }
            if (!previous.hash().equals(storedPrevious)) {
                return problem(EDITED, previous.position(), aggregate, sequence - 1, "its hash is no longer the one"
                        + " sequence " + sequence + " (position " + p + ") was chained to: it was rewritten and its hash"
                        + " recomputed");
            }
            return null;
        }

        /** The previous event of the aggregate, from the walk's memory or else read by its stream key. */
        private Link predecessor(String aggregate, long sequence) {
            Link known = recent.get(aggregate);
            if (known != null && known.sequence() == sequence - 1) {
                return known;
            }
            Document doc = events.find(Filters.eq(STREAM_KEY, EventDocuments.streamKey(aggregate, sequence - 1))).first();
            return doc == null ? null : new Link(sequence - 1, String.valueOf(doc.getString(HASH)), EventDocuments.position(doc));
        }

        private void remember(String aggregate, long sequence, String hash, long position) {
            recent.put(aggregate, new Link(sequence, hash, position));
        }

        private VerifyReport deleted(long position, String aggregate, Long sequence, String detail) {
            return problem(DELETED, position, aggregate, sequence, detail);
        }

        private VerifyReport problem(String problem, long position, String aggregate, Long sequence, String detail) {
            log.warn("Event store verification: {} at position {} (aggregate {}, sequence {}): {}", problem, position,
                    aggregate, sequence, detail);
            return VerifyReport.problem(position, aggregate, sequence, problem, detail);
        }
    }
}
