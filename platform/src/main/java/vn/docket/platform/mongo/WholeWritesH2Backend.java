package vn.docket.platform.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 backend, with commits that never cut a write in half.
 *
 * <p>The embedded server stores a document and then its index entries, each a separate change to the H2
 * file's maps. H2's own background commit (once a second, or when enough has changed) can land between
 * them; after a crash the file then holds a document its unique index does not know, which a lookup by
 * stream key misses and a second writer can duplicate. Here H2 never commits on its own: Docket commits
 * after each event append, and this backend once a second for everything else (tokens, read models,
 * users); a commit waits until no write command is half done and holds new ones back while it runs.
 */
final class WholeWritesH2Backend extends H2Backend {

    /** Commands that change nothing in the file; they run without waiting for a commit. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listindexes",
            "listcollections", "listdatabases", "hello", "ismaster", "ping", "buildinfo", "whatsmyuri",
            "killcursors", "endsessions", "serverstatus", "dbstats", "collstats");

    private static final Logger log = LoggerFactory.getLogger(WholeWritesH2Backend.class);

    private final ReadWriteLock commitLock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "docket-database-commit");
        thread.setDaemon(true);
        return thread;
    });

    WholeWritesH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).autoCommitDisabled().autoCommitBufferSize(0).open());
        committer.scheduleWithFixedDelay(this::commitInBackground, 1, 1, TimeUnit.SECONDS);
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
        if (READS.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query);
        }
        commitLock.readLock().lock(); // shared between writes; exclusive against a commit
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            commitLock.readLock().unlock();
        }
    }

    @Override
    public void commit() {
        commitLock.writeLock().lock();
        try {
            super.commit();
        } finally {
            commitLock.writeLock().unlock();
        }
    }

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
