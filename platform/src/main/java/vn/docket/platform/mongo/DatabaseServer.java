package vn.docket.platform.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB Docket talks to: either one configured by URI, or an embedded MongoDB-wire server that
 * Docket starts itself on loopback, so that a second Docket process on the same machine (a separate
 * query side, say) can share it.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final MongoBackend backend;
    private final MongoServer server;
    private final String connectionString;

    private DatabaseServer(MongoBackend backend, MongoServer server, String connectionString) {
        this.backend = backend;
        this.server = server;
        this.connectionString = connectionString;
    }

    public static DatabaseServer external(String uri) {
        return new DatabaseServer(null, null, uri);
    }

    /**
     * Whether a server answers on this machine's {@code port}: the command-line tools take it for the embedded server
     * of a Docket running here, which holds the data file, and ask it rather than open the file.
     */
    public static boolean answersOn(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The embedded database of {@code settings} as a command-line tool reaches it: its data file opened directly when no
     * Docket holds it, else the embedded server of the Docket holding it, on the configured port. The file decides, not
     * the port: a Docket answering on the port may keep another data directory (the office's own, beside a copy an
     * inspector verifies), and asking it would answer for the wrong database. Opened directly the server listens on a
     * free port for minutes at most, so it is never compacted, and the log does not offer it to a second process.
     *
     * @param create whether a data directory with no database in it is created (a restore's) or refused
     * @throws NotThere when the data directory holds no database and {@code create} is false, or a Docket holds it
     *                  whose server does not answer on the configured port
     */
    public static DatabaseServer forTool(MongoSettings.Embedded settings, boolean create) {
        if (settings.inMemory()) {
            return open(settings.withPort(0), Duration.ZERO, false);
        }
        Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        if (!create && !Files.isRegularFile(dir.resolve(FILE))) {
            throw new NotThere("There is no Docket database in " + dir + " (no " + FILE + "): name Docket's data directory"
                    + " with --docket.mongo.embedded.data-dir=DIR.");
        }
        try {
            return open(settings.withPort(0), Duration.ZERO, false);
        } catch (MVStoreException e) {
            if (e.getErrorCode() != DataUtils.ERROR_FILE_LOCKED) {
                throw e;
            }
        }
        if (settings.port() > 0 && answersOn(settings.port())) {
            return external("mongodb://127.0.0.1:" + settings.port());
        }
        throw new NotThere("The data in " + dir + " is in use by a Docket that does not answer on port " + settings.port()
                + ": give its port with --docket.mongo.embedded.port=PORT, or stop it.");
    }

    /** Whether a Docket process holds the data directory of {@code settings} (its file is locked). */
    public static boolean held(MongoSettings.Embedded settings) {
        if (settings.inMemory()) {
            return false;
        }
        Path file = Path.of(settings.dataDir()).toAbsolutePath().normalize().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        // Read-only: it writes nothing, and a Docket's lock on the file refuses it all the same.
        try (MVStore probe = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return false;
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return true;
            }
            throw e;
        }
    }

    /** A database a tool was pointed at that is not there to be read, in one sentence saying what to give instead. */
    public static final class NotThere extends RuntimeException {
        public NotThere(String message) {
            super(message);
        }
    }

    /** The embedded database's file in its data directory. */
    public static final String FILE = "docket.mv";

    /** The embedded server of a test, never compacted. */
    public static DatabaseServer embedded(MongoSettings.Embedded settings) {
        return embedded(settings, Duration.ZERO);
    }

    /** @param compactEvery how often the data file is compacted ({@link #compact()}); zero: never */
    public static DatabaseServer embedded(MongoSettings.Embedded settings, Duration compactEvery) {
        return open(settings, compactEvery, true);
    }

    private static DatabaseServer open(MongoSettings.Embedded settings, Duration compactEvery, boolean announce) {
        MongoBackend backend;
        String where;
        if (settings.inMemory()) {
            backend = new MemoryBackend();
            where = "in memory";
        } else {
            Path dir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Docket cannot create its data directory " + dir, e);
            }
            backend = new WholeWritesH2Backend(dir.resolve(FILE).toString(), compactEvery);
            where = "data in " + dir;
        }
        // The memory backend never waits for a commit: Netty's default threads (two per core) serve it, and the
        // many test contexts that each run one keep their open files down (each thread holds a selector).
        MongoServer server = listen(backend, settings.port(), settings.inMemory() ? 0 : NETWORK_THREADS);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        if (announce) {
            log.info("Embedded database listening on {} ({}); a second Docket process can share it with DOCKET_MONGO_URI={}",
                    uri, where, uri);
        }
        return new DatabaseServer(backend, server, uri);
    }

    /**
     * Network threads for the embedded server's connections. A command is answered on the thread that
     * received it, and a durable write waits there for its commit, holding back every other connection on
     * that thread (a ping, a read, a second process's request). Netty gives each new connection the next
     * thread in turn and starts a thread only once it has a connection, so with as many threads as the
     * driver's connection pool holds (100) every connection of one client has a thread of its own.
     */
    static final int NETWORK_THREADS = 100;

    /** The embedded server on loopback ({@code port} 0: a free one; {@code networkThreads} 0: Netty's default). */
    static MongoServer listen(MongoBackend backend, int port, int networkThreads) {
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, networkThreads);
        return server;
    }

    /** Whether this process opened the data file itself, rather than asking the server of a Docket that holds it. */
    public boolean ownsFile() {
        return server != null;
    }

    public String connectionString() {
        return connectionString;
    }

    /**
     * Forces everything the embedded server has accepted so far into its file, now rather than within the
     * second: for a step that wrote to collections the server does not commit before answering (a
     * migration's tokens, say). Events and the other collections that cannot be rebuilt are in the file
     * before any client hears back; see {@link WholeWritesH2Backend}. A real MongoDB needs nothing here: its
     * durability comes from the write concern.
     */
    public void flush() {
        if (backend instanceof H2Backend h2) {
            h2.commit();
        }
    }

    /**
     * Shrinks the embedded database's file (see {@link WholeWritesH2Backend#compact()}); nothing for the
     * memory backend or a real MongoDB.
     *
     * @return the file's size in bytes before and after, or null when there is no file
     */
    public long[] compact() {
        return backend instanceof WholeWritesH2Backend h2 ? h2.compact() : null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdownNow();
            backend.close();
        }
    }
}
