package vn.docket.app;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-wire server in this JVM that a test can stop and start again on the same port with its data:
 * a stopped server refuses connections and cuts the open ones, as a database that went down does. Docket
 * reaches it by URI ({@code docket.mongo.uri}), as it reaches a MongoDB of its own.
 */
final class StoppableDatabase implements AutoCloseable {

    /** A server that shuts down closes its backend, which empties a memory backend; this one outlives its servers. */
    private static final class KeptBackend extends MemoryBackend {
        @Override
        public void close() {
        }
    }

    private final MemoryBackend backend = new KeptBackend();
    private MongoServer server;
    private final int port;

    StoppableDatabase() {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        port = server.getLocalAddress().getPort();
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Closes the listener and every open connection. */
    void stop() {
        server.shutdownNow();
    }

    /** A new server over the same data, on the same port. */
    void start() {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
