package vn.docket.platform.eventstore;

import static vn.docket.platform.eventstore.EventDocuments.AGGREGATE_ID;
import static vn.docket.platform.eventstore.EventDocuments.EVENT_ID;
import static vn.docket.platform.eventstore.EventDocuments.HASH;
import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD;
import static vn.docket.platform.eventstore.EventDocuments.PAYLOAD_TYPE;
import static vn.docket.platform.eventstore.EventDocuments.POSITION;
import static vn.docket.platform.eventstore.EventDocuments.PREV_HASH;
import static vn.docket.platform.eventstore.EventDocuments.STREAM_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.docket.events.DraftSubmitted;
import vn.docket.platform.Progress;
import vn.docket.platform.Sha256;
import vn.docket.platform.files.FileStore;

/**
 * Walks the whole event store by position and reports every problem it finds: an event whose content no
 * longer matches its hash or whose predecessor's hash changed ("edited"), a position emptied or an event
 * missing from its aggregate's chain ("deleted"), an event stored before its predecessor ("reordered"), or
 * a running hash that differs from a recorded checkpoint ("checkpoint mismatch": a consistent rewrite of a
 * whole chain, or events moved between aggregates), and a draft's stored file that no longer hashes to the SHA-256
 * its event records ("file changed") or is gone ("file missing"). The report also says how far the walk got.
 *
 * <p>Reads are exact matches only: {@code _id ∈} a batch of consecutive positions (events and
 * checkpoints), and a predecessor's stream key when it is not among the recently walked aggregates. The
 * one exception is a store holding more documents than the walk met (events removed in a stretch longer
 * than a batch): then one range read finds where the events go on. Memory stays bounded whatever the
 * store's size: at most {@value #REMEMBERED_AGGREGATES} aggregates, {@value #MAX_OPEN_HOLES} empty
 * positions awaiting an explanation and {@value #MAX_LISTED} listed problems are held.
 *
 * <p>After an intact walk the checkpoints due since the last one are recorded, so they only ever seal a
 * store that verified.
 */
public final class StoreVerifier {

    public static final String EDITED = "edited";
    public static final String DELETED = "deleted";
    public static final String REORDERED = "reordered";
    public static final String CHECKPOINT_MISMATCH = "checkpoint mismatch";
    public static final String FILE_CHANGED = "file changed";
    public static final String FILE_MISSING = "file missing";
    /** Problems listed in one report; all of them are counted. */
    public static final int MAX_LISTED = 100;

    private static final Logger log = LoggerFactory.getLogger(StoreVerifier.class);
    private static final int BATCH = EventDocuments.MAX_KEYS_PER_READ;
    private static final String DRAFT_SUBMITTED = DraftSubmitted.class.getName();
    /** Aggregates remembered during a walk; older ones are read back by stream key when needed. */
    private static final int REMEMBERED_AGGREGATES = 100_000;
    /** Empty positions kept to be paired with the chain that misses them; beyond this they are reported unpaired. */
    private static final int MAX_OPEN_HOLES = 100_000;
    /** How often an empty position after the latest checkpoint is read again while its writer may still be at work. */
    private static final long HOLE_RECHECK_MILLIS = 100;


    private final MongoCollection<Document> events;
    private final MongoCollection<Document> checkpoints;
    private final MongoDatabase database;
    private final Checkpointer checkpointer;
    private final FileStore files;
    private final Duration inFlight;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /** The walk under way, which a verify asked meanwhile waits for; null when none runs. Guarded by this. */
    private CompletableFuture<VerifyReport> running;

    /**
     * @param inFlight how long an empty position is waited for before it counts as a deletion. A
     *                 position is empty while its writer is between taking it and inserting, which under load or a
     *                 collection pause can take longer than a moment (an inspector must not be told of a deletion
     *                 that is a slow write), and a writer that died leaves it empty until Docket's readers mark it so
     *                 after the gap timeout: on a live store, the gap timeout and a margin
     *                 ({@link Positions#lostAfter}); zero where nothing writes.
     *                 A stalled writer's position falls any number of positions behind the head while the other
     *                 writers go on, so every empty position after the latest checkpoint is waited for. Up to that
     *                 checkpoint none can be in flight (it was recorded once each position held an event or an empty
     *                 mark), so there an empty position is judged at once.
     */
    public StoreVerifier(MongoDatabase database, Checkpointer checkpointer, Duration inFlight) {
        this(database, checkpointer, inFlight, Clock.systemUTC());
    }

    /** @param clock what a walk says how far it got by ({@link Progress}) */
    public StoreVerifier(MongoDatabase database, Checkpointer checkpointer, Duration inFlight, Clock clock) {
        this.clock = clock;
        this.events = database.getCollection(EventDocuments.EVENTS);
        this.checkpoints = database.getCollection(Checkpointer.CHECKPOINTS);
        this.database = database;
        this.checkpointer = checkpointer;
        this.inFlight = inFlight;
        this.files = new FileStore(database, Clock.systemUTC());
    }

    /**
     * Verifies the whole store; when it is intact, records the checkpoints that are due. Asked while another
     * walk runs, it waits for that walk and gives its answer: each walk reads every position of the store, and
     * everyone who opens the audit page asks for one.
     */
    public VerifyReport verify() {
        CompletableFuture<VerifyReport> walk;
        boolean mine;
        synchronized (this) {
            mine = running == null;
            if (mine) {
                running = new CompletableFuture<>();
            }
            walk = running;
        }
        if (mine) {
            try {
                walk.complete(walkAndRecord());
            } catch (RuntimeException | Error e) {
                walk.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    running = null;
                }
            }
        }
        try {
            return walk.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private VerifyReport walkAndRecord() {
        VerifyReport report = new Walk().run();
        if (report.intact()) {
            checkpointer.catchUp();
        } else {
            log.warn("Event store verification found {} problem(s) in {} events up to position {}; the first: {}",
                    report.problemsFound(), report.eventsChecked(), report.upTo(), report.problems().get(0).sentence());
        }
        return report;
    }

    /** Where an aggregate's last walked event was; {@code flagged}: a problem was reported at it already. */
    private record Link(long sequence, String hash, long position, boolean flagged) {
    }

    /** One pass over the store; the state lives here so that {@link StoreVerifier} stays shareable. */
    private final class Walk {

        private final Map<String, Link> recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                return size() > REMEMBERED_AGGREGATES;
            }
        };
        /** The listed problems, the one with the highest position on top, so it is the one dropped past the cap. */
        private final PriorityQueue<VerifyReport.Problem> listed =
                new PriorityQueue<>(Comparator.comparingLong(VerifyReport.Problem::position).reversed());
        private int problemsFound;
        /** Empty positions with later ones stored: deletions, each reported once paired with a chain or at the end. */
        private final TreeSet<Long> holes = new TreeSet<>();
        /** Checkpoints recorded at positions that were empty when read, until those are judged. */
        private final Map<Long, Document> checkpointsAtEmpty = new HashMap<>();
        /** Positions up to the latest checkpoint as the walk starts: none of them can be in flight. */
        private long settled;
        /** The highest stored position as the walk starts: every position up to it was taken before the walk. */
        private long head;
        private final long started = System.nanoTime();
        private String running = EventHash.GENESIS;
        /** After a mismatch: the running hash continued from the walk's own value rather than the recorded one. */
        private String unsynced;
        private long lastPresent;
        private long documentsSeen;
        private long eventsChecked;
        private int checkpointsSeen;
        private long lastCheckpoint;
        private String lastCheckpointHash;

        VerifyReport run() {
            // Where the latest checkpoint stood as the walk starts: the checkpointer goes on meanwhile, and one it
            // records past the positions walked, over events stored since, is no sign of events removed.
            long latest = checkpointer.latestPosition();
            settled = latest;
            head = Positions.head(database);
            Progress progress = new Progress(clock, log::info);
            long next = 1;
            while (true) {
                Map<Long, Document> found = EventDocuments.byPosition(events, next, BATCH);
                if (found.isEmpty() && next > head) {
                    Long more = storedAfter(next - 1);
                    if (more == null) {
                        break;
                    }
                    next = more; // the positions skipped are empty: judged as holes once "more" is walked
                    continue;
                }
                long at = next - 1;
                progress.step(() -> "Verifying the event store: position " + at + " of " + head);
                Map<Long, Document> sealed = EventDocuments.byPosition(checkpoints, next, BATCH);
                for (long p = next; p < next + BATCH; p++) {
                    Document doc = found.get(p);
                    if (doc == null) {
                        if (sealed.containsKey(p)) {
                            checkpointsAtEmpty.put(p, sealed.get(p));
                        }
                        continue; // judged once a later position turns out to hold something (see emptyBefore)
                    }
                    if (p > lastPresent + 1) {
                        emptyBefore(p);
                    }
                    check(p, doc, sealed.get(p));
                    lastPresent = p;
                }
                next += BATCH;
            }
            for (long hole : holes) {
                deleted(hole, null, null, "position " + hole + " is empty while later positions hold events, and no later"
                        + " event chains to it (the last event of an assignment, or an event without one, was removed)");
            }
            if (latest > lastPresent) {
                deleted(lastPresent + 1, null, null, "the checkpoint at position " + latest
                        + " covers positions that no longer hold anything: events at the end of the store were removed");
            } else if (latest > lastCheckpoint) {
                problem(CHECKPOINT_MISMATCH, latest, null, null, "the latest checkpoint (position " + latest + ") is missing");
            }
            List<VerifyReport.Problem> problems = new ArrayList<>(listed);
            problems.sort(Comparator.comparingLong(VerifyReport.Problem::position));
            return VerifyReport.of(lastPresent, eventsChecked, checkpointsSeen, lastCheckpointHash, problemsFound, problems);
        }

        /**
         * The first stored position after {@code position}, when the store holds more documents than the walk
         * has met: a stretch of at least a batch of positions was emptied. A range read, so only then.
         */
        private Long storedAfter(long position) {
            if (documentsSeen >= events.estimatedDocumentCount()) {
                return null;
            }
            Document doc = events.find(Filters.gt(POSITION, position)).sort(Sorts.ascending(POSITION))
                    .projection(new Document(POSITION, 1)).first();
            return doc == null ? null : EventDocuments.position(doc);
        }

        /**
         * Positions after the last stored one and before {@code p} are empty. After the latest checkpoint a writer
         * may still be inserting there, so those are read again until they hold something or {@link #inFlight} has
         * passed since their writer could have taken them (the walk's start, for positions up to its head); whatever
         * stays empty is a hole.
         */
        private void emptyBefore(long p) {
            long from = lastPresent + 1;
            Map<Long, Document> late = new HashMap<>();
            long recheckFrom = Math.max(from, settled + 1);
            long deadline = (p - 1 <= head ? started : System.nanoTime()) + inFlight.toNanos();
            for (boolean first = true; recheckFrom < p && late.size() < p - recheckFrom; first = false) {
                if (!first && (System.nanoTime() - deadline >= 0 || !pause())) {
                    break;
                }
                for (long window = recheckFrom; window < p; window += BATCH) {
                    late.putAll(EventDocuments.byPosition(events, window, (int) Math.min(BATCH, p - window)));
                }
            }
            for (long q = from; q < p; q++) {
                Document doc = late.get(q);
                Document checkpoint = checkpointsAtEmpty.remove(q);
                if (doc != null) {
                    check(q, doc, checkpoint);
                    lastPresent = q;
                    continue;
                }
                holes.add(q);
                if (holes.size() > MAX_OPEN_HOLES) {
                    long oldest = holes.pollFirst();
                    deleted(oldest, null, null, "position " + oldest + " is empty while later positions hold events");
                }
                if (checkpoint != null) {
                    atCheckpoint(q, checkpoint);
                }
            }
        }

        private boolean pause() {
            try {
                Thread.sleep(HOLE_RECHECK_MILLIS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The checks of one stored position, in order: its own hash, its link, then the checkpoint there. */
        private void check(long p, Document doc, Document checkpoint) {
            documentsSeen++;
            String misshapen = EventDocuments.isFiller(doc) ? null : EventDocuments.misshapen(doc);
            if (misshapen != null) {
                eventsChecked++;
                Long sequence = EventDocuments.integral(doc.get(EventDocuments.SEQUENCE));
                problem(EDITED, p, doc.get(AGGREGATE_ID) instanceof String a ? a : null, sequence, "its " + misshapen
                        + ", which Docket never writes: it was edited with a database tool");
                if (doc.get(AGGREGATE_ID) instanceof String a && sequence != null) {
                    recent.put(a, new Link(sequence, "", p, true)); // reported here; its next event not again
                }
            } else if (!EventDocuments.isFiller(doc)) {
                eventsChecked++;
                checkEvent(p, doc);
                checkFile(p, doc);
            } else if (doc.size() > EventDocuments.filler(p).size()) {
                // A filler is its position and its mark only. Every reader passes one, so an event marked so is hidden
                // from the read models while the next event of its aggregate still finds it by its stream key.
                problem(EDITED, p, doc.getString(AGGREGATE_ID), doc.get(EventDocuments.SEQUENCE) instanceof Number n
                        ? n.longValue() : null, "a position marked empty holds more than the mark: an event ("
                        + doc.getString(EVENT_ID) + ") was marked empty, which hides it from every reader");
            }
            // A misshapen document has no hash to read: what it contributes matches no recorded checkpoint.
            String contribution = misshapen != null ? Sha256.hex("docket:misshapen " + doc.toJson())
                    : EventHash.contribution(doc);
            running = EventHash.running(running, contribution);
            if (unsynced != null) {
                unsynced = EventHash.running(unsynced, contribution);
            }
            if (checkpoint != null) {
                atCheckpoint(p, checkpoint);
            }
        }

        /**
         * Compares the running hash with the checkpoint at {@code p}. After a mismatch the walk goes on from the
         * recorded value, so the next checkpoint judges only its own stretch; it also keeps its own value, so a
         * checkpoint that was itself altered is reported once, not again at the next one.
         */
        private void atCheckpoint(long p, Document checkpoint) {
            // Docket records text; anything else (a number typed in with a database tool) matches no running hash.
            String recorded = checkpoint.get(Checkpointer.HASH) instanceof String hash ? hash : null;
            if (recorded != null && (running.equals(recorded) || recorded.equals(unsynced))) {
                checkpointsSeen++;
                unsynced = null;
            } else {
                problem(CHECKPOINT_MISMATCH, p, null, null, "the running hash over positions " + (lastCheckpoint + 1)
                        + " to " + p + " differs from the checkpoint recorded at " + p + ": an event in that range was"
                        + " rewritten together with the rest of its aggregate's chain, moved, removed or replaced, or the"
                        + " checkpoint itself was altered");
                unsynced = running;
            }
            if (recorded != null) {
                running = recorded;
            }
            lastCheckpoint = p;
            lastCheckpointHash = recorded;
        }

        private void checkEvent(long p, Document doc) {
            boolean domain = EventDocuments.hasAggregate(doc);
            String aggregate = domain ? doc.getString(AGGREGATE_ID) : null;
            Long sequence = domain ? EventDocuments.sequence(doc) : null;
            String what = domain ? "" : "event " + doc.getString(EVENT_ID) + " (no aggregate): ";
            String stored = doc.getString(HASH);
            String storedPrevious = doc.getString(PREV_HASH);
            boolean flagged = true;
            if (stored == null) {
                problem(EDITED, p, aggregate, sequence, what + "carries no hash (its hash was removed, or it was"
                        + " written before Docket kept hashes)");
            } else if (!stored.equals(EventHash.of(doc, storedPrevious))) {
                problem(EDITED, p, aggregate, sequence, what + "its content (payload, metadata, type, timestamp or"
                        + " identifiers) no longer matches the hash stored with it");
            } else if (domain ? !doc.getString(STREAM_KEY).equals(EventDocuments.streamKey(aggregate, sequence))
                    : !Objects.equals(doc.getString(AGGREGATE_ID), doc.getString(EVENT_ID))) {
                // The stream key, outside the hash, is how the command side finds an aggregate's events: edited, an event
                // is hidden from its aggregate (or, removed, passes for one without an aggregate) with its hash intact.
                problem(EDITED, p, aggregate != null ? aggregate : doc.getString(AGGREGATE_ID), sequence, what
                        + "its stream key " + (domain ? "\"" + doc.getString(STREAM_KEY) + "\"" : "is missing")
                        + ", not its aggregate's identifier and sequence: it no longer reads as part of its aggregate");
            } else {
                flagged = false;
            }
            if (!domain || sequence == 0) {
                if (!flagged && !EventHash.GENESIS.equals(storedPrevious)) {
                    problem(EDITED, p, aggregate, sequence, what + "a first event must chain to the genesis hash, but this"
                            + " one chains to " + storedPrevious);
                }
                if (domain) {
                    recent.put(aggregate, new Link(sequence, stored, p, flagged));
                }
                return;
            }
            Link earlier = recent.get(aggregate);
            Link previous = predecessor(aggregate, sequence, earlier);
            recent.put(aggregate, new Link(sequence, stored, p, flagged));
            if (previous == null) {
                missing(p, aggregate, sequence, earlier);
            } else if (previous.position() > p) {
                problem(REORDERED, p, aggregate, sequence, "sequence " + sequence + " is stored at position " + p
                        + ", before sequence " + (sequence - 1) + " at position " + previous.position());
            } else if (!flagged && !previous.flagged() && !previous.hash().equals(storedPrevious)) {
                problem(EDITED, previous.position(), aggregate, sequence - 1, "its hash is no longer the one"
                        + " sequence " + sequence + " (position " + p + ") was chained to: it was rewritten and its hash"
                        + " recomputed");
            }
        }

        /**
         * A draft handed in as a file, or an issued document uploaded with its issuance, names the file's SHA-256
         * in its (hash-chained) event: the stored bytes must still hash to it. Unreferenced files (an upload whose
         * command was refused) are not the record's.
         */
        private void checkFile(long p, Document doc) {
            String sha = FileReferences.named(doc); // null for an unreadable payload too: the hash check reports it
            if (sha == null) {
                return;
            }
            FileStore.Check check = files.check(sha);
            if (check == FileStore.Check.INTACT) {
                return;
            }
            JsonNode payload;
            try {
                payload = json.readTree(doc.getString(PAYLOAD)); // read once already to find the file
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String whose = DRAFT_SUBMITTED.equals(doc.getString(PAYLOAD_TYPE)) ? "draft v" + payload.path("version").asInt()
                    : "the issued document " + payload.path("documentNumber").asText();
            String what = "the file of " + whose + " (\"" + payload.path("documentName").asText()
                    + "\", SHA-256 " + sha + ")";
            if (check == FileStore.Check.CHANGED) {
                problem(FILE_CHANGED, p, doc.getString(AGGREGATE_ID), EventDocuments.sequence(doc), what
                        + " no longer hashes to the SHA-256 its event records: the stored bytes were edited");
            } else {
                problem(FILE_MISSING, p, doc.getString(AGGREGATE_ID), EventDocuments.sequence(doc), what
                        + " is not in the file store, or a piece of it is gone");
            }
        }

        /**
         * Sequence {@code sequence - 1} of the aggregate is gone. It was stored after the aggregate's earlier
         * event and before {@code p}, after any other removed events of the same aggregate: the last empty
         * position in that range is where it was (a guess when several are empty, and the detail says so).
         */
        private void missing(long p, String aggregate, long sequence, Link earlier) {
            long after = earlier != null && earlier.sequence() < sequence ? earlier.position() : 0;
            SortedSet<Long> candidates = holes.subSet(after + 1, p);
            if (candidates.isEmpty()) {
                deleted(p, aggregate, sequence - 1, "sequence " + (sequence - 1) + " is missing; sequence " + sequence
                        + " at position " + p + " chains to it");
                return;
            }
            long first = candidates.first();
            long at = candidates.last();
            int count = candidates.size();
            holes.remove(at);
            deleted(at, aggregate, sequence - 1, "position " + at + " is empty; sequence " + sequence
                    + " of this aggregate (position " + p + ") chains to the missing sequence " + (sequence - 1)
                    + (count == 1 ? "" : " (it was at one of the " + count + " empty positions from " + first + " to " + at
                    + "; the last is named)"));
        }

        /** The previous event of the aggregate, from the walk's memory or else read by its stream key. */
        private Link predecessor(String aggregate, long sequence, Link known) {
            if (known != null && known.sequence() == sequence - 1) {
                return known;
            }
            Document doc = events.find(Filters.eq(STREAM_KEY, EventDocuments.streamKey(aggregate, sequence - 1))).first();
            if (doc != null && EventDocuments.misshapen(doc) != null) {
                return new Link(sequence - 1, "", EventDocuments.position(doc), true); // reported at its own position
            }
            return doc == null ? null : new Link(sequence - 1, String.valueOf(doc.getString(HASH)),
                    EventDocuments.position(doc), false);
        }

        private void deleted(long position, String aggregate, Long sequence, String detail) {
            problem(DELETED, position, aggregate, sequence, detail);
        }

        private void problem(String problem, long position, String aggregate, Long sequence, String detail) {
            problemsFound++;
            listed.add(new VerifyReport.Problem(position, aggregate, sequence, problem, detail));
            if (listed.size() > MAX_LISTED) {
                listed.poll();
            }
        }
    }
}
