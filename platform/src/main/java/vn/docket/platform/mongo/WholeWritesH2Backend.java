package vn.docket.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 backend, with commits that never cut a write in half, and writes that are in the file before
 * they are acknowledged.
 *
 * <p>The embedded server stores a document and then its index entries, each a separate change to the H2
 * file's maps. H2's own background commit (once a second, or when enough has changed) can land between
 * them; after a crash the file then holds a document its unique index does not know, which a lookup by
 * stream key misses and a second writer can duplicate. Here H2 never commits on its own: a commit waits
 * until no write command is half done and holds new ones back while it runs.
 *
 * <p>A write to a collection in {@link #DURABLE} is answered only after a commit that started once the
 * write was done, whichever client sent it: this process's own Docket or a second process that shares the
 * server through its URI; so is a write to any collection that asks for the journal. Writers that finish
 * while a commit runs wait for the next one, and that one commit serves them all (a group commit). Everything else (read models, processor tokens, snapshots,
 * counters, checkpoints) is committed once a second: processors rebuild and redeliver it, and the store
 * derives the rest from the events again.
 */
final class WholeWritesH2Backend extends FastKeysH2Backend {

    /** Commands that change nothing in the file; they run without waiting for a commit. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listindexes",
            "listcollections", "listdatabases", "hello", "ismaster", "ping", "buildinfo", "whatsmyuri",
            "killcursors", "endsessions", "serverstatus", "dbstats", "collstats");

    /**
     * Collections whose loss Docket cannot repair: the events themselves; scheduled deadlines and idempotency
     * and notice keys, which are written beside the events they belong to and are not derived from them
     * (a lost deadline never fires, a lost key lets a retried request or notice be registered twice); the
     * users an administrator created; and personal access tokens, shown once when issued: one lost after it was
     * shown could never be used, nor issued again the same.
     */
    static final Set<String> DURABLE = Set.of("docket_events", "deadlines", "idempotency_keys", "notice_keys", "users",
            "access_tokens");

    /** Commands that change documents; the collection is the command's value. */
    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    private static final Logger log = LoggerFactory.getLogger(WholeWritesH2Backend.class);

    /**
     * Fair: a non-fair lock let a compaction take the lock again straight after each round, ahead of the
     * writes queued for it, and under sustained writes held them back for more than 30 s (bench/README.md).
     */
    private final ReadWriteLock commitLock = new ReentrantReadWriteLock(true);
    /** Guards the three fields below: which commit runs, and how many have started and finished. */
    private final Object commits = new Object();
    private boolean committing;
    private long commitsStarted;
    private long commitsFinished;
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "docket-database-commit");
        thread.setDaemon(true);
        return thread;
    });

    /** @param compactEvery how often {@link #compact()} runs; zero: never */
    WholeWritesH2Backend(String fileName, Duration compactEvery) {
        super(new MVStore.Builder().fileName(fileName).autoCommitDisabled().autoCommitBufferSize(0).open());
        committer.scheduleWithFixedDelay(this::commitInBackground, 1, 1, TimeUnit.SECONDS);
        if (compactEvery.toMillis() > 0) {
            // On the commit thread, which close() lets finish: an interrupted compaction would lose writes.
            committer.scheduleWithFixedDelay(this::compactInBackground, compactEvery.toMillis(), compactEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void compactInBackground() {
        try {
            long started = System.nanoTime();
            long[] sizes = compact();
            if (sizes[0] - sizes[1] >= 16L * 1024 * 1024) {
                log.info("Docket compacted its data file from {} MB to {} MB in {} s", sizes[0] >> 20, sizes[1] >> 20,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            }
        } catch (RuntimeException e) {
            log.warn("Docket could not compact its data file (it tries again later): {}", e.getMessage());
        }
    }

    /** A failure must not end the periodic commit: the executor would stop scheduling it, silently. */
    private void commitInBackground() {
        try {
            commit();
        } catch (RuntimeException e) {
            log.warn("Docket could not write its latest changes to its data file (it tries again every second): {}",
                    e.getMessage());
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (READS.contains(name)) {
            return super.handleCommand(channel, database, command, query);
        }
        Document reply;
        commitLock.readLock().lock(); // shared between writes; exclusive against a commit
        try {
            reply = super.handleCommand(channel, database, command, query);
        } finally {
            commitLock.readLock().unlock();
        }
        // After the read lock is released: the commit waits for every write to finish, this one included.
        if (DOCUMENT_WRITES.contains(name) && (DURABLE.contains(String.valueOf(query.get(command))) || journaled(query))) {
            commit();
        }
        return reply;
    }

    /**
     * A client that asks for the journal ({@code writeConcern: {j: true}}) gets what a real MongoDB gives it: the
     * answer once the write is in the file, whichever the collection.
     */
    private static boolean journaled(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.TRUE.equals(concern.get("j"));
    }

    /**
     * Returns once a commit that started after this call has finished, so everything written before the call
     * is in the file. A commit already running may have missed those writes: the caller waits for it to end,
     * then the first of the waiters commits for all of them.
     */
    @Override
    public void commit() {
        long mine;
        synchronized (commits) {
            long needed = commitsStarted + 1;
            while (committing) {
                try {
                    commits.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the data file to be written", e);
                }
                if (commitsFinished >= needed) {
                    return;
                }
            }
            committing = true;
            mine = ++commitsStarted;
        }
        boolean done = false;
        try {
            commitLock.writeLock().lock();
            try {
                super.commit();
            } finally {
                commitLock.writeLock().unlock();
            }
            done = true;
        } finally {
            synchronized (commits) {
                committing = false;
                if (done) {
                    commitsFinished = mine;
                }
                commits.notifyAll(); // a waiter whose writes this commit missed (or that failed) commits next
            }
        }
    }

    /**
     * Shrinks the data file. Each commit writes a chunk and H2 keeps a replaced chunk's space for 45 s, so a
     * burst of commands grows the file far beyond its live data (bench/README.md, "Figures behind settings"), and H2
     * never gives the space back by itself: it reuses the holes, but the newest chunks stay at the end.
     * Here H2 writes the live pages of chunks that are mostly replaced again, into new chunks, which it places
     * in the free space nearest the start of the file, and once nothing refers to the old ones any more (a
     * few commits later) cuts the file's free end off. The rounds stop when the file no longer shrinks.
     *
     * <p>Only H2's rewrite is used, never {@code compactFile}/{@code compactMoveChunks}: in H2 2.3.232 moving
     * chunks inside the file can leave one partly past the point where the file is then cut (see README).
     * Each round runs like a commit, so no write is half done while pages move; writes wait for the round,
     * not for the whole compaction: the writes that queued during a round go first (the lock is fair), and the
     * next round starts only after a pause as long as this one took, so writes keep at least half the time
     * however busy the server is. A run stops after {@link #MAX_COMPACT_TIME} (the next scheduled one goes on
     * from there) and at shutdown.
     *
     * @return the file's size in bytes before and after
     */
    long[] compact() {
        MVStore store = getMvStore();
        long before = store.getFileStore().size();
        // A commit writes a chunk only when something changed: the mark makes each round's commit write one.
        MVMap<String, Long> mark = store.openMap(COMPACTION_MAP);
        int retention = store.getRetentionTime();
        long smallest = before;
        int roundsWithoutGain = 0;
        long started = System.nanoTime();
        for (int round = 0; round < MAX_COMPACT_ROUNDS && roundsWithoutGain < ROUNDS_WITHOUT_GAIN && !committer.isShutdown()
                && System.nanoTime() - started < MAX_COMPACT_TIME.toNanos(); round++) {
            long roundStarted = System.nanoTime();
            commitLock.writeLock().lock();
            try {
                // The replaced chunks may be reused at once: a kill -9 leaves the operating system's
                // buffers intact, and the chunks the last commit refers to are never overwritten.
                store.setRetentionTime(0);
                store.compact(COMPACT_FILL_RATE, COMPACT_WRITE);
                mark.put("last", System.currentTimeMillis());
                super.commit();
            } finally {
                store.setRetentionTime(retention);
                commitLock.writeLock().unlock();
            }
            long size = store.getFileStore().size();
            roundsWithoutGain = size < smallest ? 0 : roundsWithoutGain + 1;
            smallest = Math.min(smallest, size);
            try {
                TimeUnit.NANOSECONDS.sleep(System.nanoTime() - roundStarted);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new long[] {before, store.getFileStore().size()};
    }

    /** An H2 map of its own (the server's maps all start with "databases."). */
    private static final String COMPACTION_MAP = "docket.compaction";
    /** Chunks less full than this (percent live) are rewritten. */
    private static final int COMPACT_FILL_RATE = 90;
    /** Bytes rewritten per round: a round holds writes back for its whole length (bench/README.md). */
    private static final int COMPACT_WRITE = 2 * 1024 * 1024;
    /** 3.2 GB rewritten at most, and 192 MB without the file shrinking. */
    private static final int MAX_COMPACT_ROUNDS = 1600;
    private static final int ROUNDS_WITHOUT_GAIN = 96;
    /** Pauses included; well inside {@link #close()}'s wait for the commit thread. */
    private static final Duration MAX_COMPACT_TIME = Duration.ofSeconds(30);

    @Override
    public void close() {
        // Not shutdownNow(): interrupting a commit in progress closes H2's file channel under it, and the
        // writes that commit carried were lost without an error (ShutdownDuringCommitTest).
        committer.shutdown();
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commitLock.writeLock().lock();
        try {
            super.close();
        } finally {
            commitLock.writeLock().unlock();
        }
    }
}
