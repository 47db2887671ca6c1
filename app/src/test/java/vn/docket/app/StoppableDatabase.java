package vn.docket.app;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

/**
 * A MongoDB-wire server in this JVM that a test can stop and start again on the same port with its data:
 * a stopped server refuses connections and cuts the open ones, as a database that went down does. Docket
 * reaches it by URI ({@code docket.mongo.uri}), as it reaches a MongoDB of its own.
 */
final class StoppableDatabase implements AutoCloseable {

    /**
     * A server that shuts down closes its backend, which empties a memory backend; this one outlives its servers.
     * It can also refuse the writes to one collection, as a database going down between two writes does.
     */
    private static final class KeptBackend extends MemoryBackend {
        private volatile String refused;

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (command.equalsIgnoreCase("insert") && query.get(command).equals(refused)) {
                // The code MongoDB answers with while it shuts down; the driver reads it as "node is recovering".
                throw new MongoServerError(91, "ShutdownInProgress", "The database is shutting down");
            }
            return super.handleCommand(channel, database, command, query);
        }

        @Override
        public void close() {
        }
    }

    private final KeptBackend backend = new KeptBackend();
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

    /** Inserts into {@code collection} fail, with the error a database shutting down answers; null: none fail. */
    void refuseInsertsInto(String collection) {
        backend.refused = collection;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
