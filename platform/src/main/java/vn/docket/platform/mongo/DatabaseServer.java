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

    /** The embedded server as the command-line tools open it: for minutes at most, so never compacted. */
    public static DatabaseServer embedded(MongoSettings.Embedded settings) {
        return embedded(settings, Duration.ZERO);
    }

    /** @param compactEvery how often the data file is compacted ({@link #compact()}); zero: never */
    public static DatabaseServer embedded(MongoSettings.Embedded settings, Duration compactEvery) {
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
            backend = new WholeWritesH2Backend(dir.resolve("docket.mv").toString(), compactEvery);
            where = "data in " + dir;
        }
        // The memory backend never waits for a commit: Netty's default threads (two per core) serve it, and the
        // many test contexts that each run one keep their open files down (each thread holds a selector).
        MongoServer server = listen(backend, settings.port(), settings.inMemory() ? 0 : NETWORK_THREADS);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        log.info("Embedded database listening on {} ({}); a second Docket process can share it with DOCKET_MONGO_URI={}",
                uri, where, uri);
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
