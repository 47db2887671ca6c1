package vn.docket.platform.mongo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Docket keeps its data. With {@code uri} set (environment variable DOCKET_MONGO_URI) Docket uses
 * that MongoDB; without it Docket starts an embedded MongoDB-wire server on loopback.
 *
 * @param uri        a MongoDB connection string, or empty for the embedded server
 * @param database   the database name inside that server
 * @param embedded   settings of the embedded server
 * @param timeouts   how long Docket waits for the database before it answers 503
 */
@ConfigurationProperties(prefix = "docket.mongo")
public record MongoSettings(String uri, String database, Embedded embedded, Timeouts timeouts) {

    public MongoSettings {
        database = database == null || database.isBlank() ? "docket" : database;
        embedded = embedded == null ? new Embedded(null, null, null) : embedded;
        timeouts = timeouts == null ? new Timeouts(null, null, null, null, null) : timeouts;
    }

    public boolean useEmbedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * @param dataDir where the H2 backend keeps its file ({@code ./data} by default)
     * @param port    loopback port; 0 picks a free one
     * @param backend {@code h2} (on disk, the default) or {@code memory} (tests)
     */
    public record Embedded(String dataDir, Integer port, String backend) {
        public Embedded {
            dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
            port = port == null ? 27027 : port;
            backend = backend == null || backend.isBlank() ? "h2" : backend;
        }

        public boolean inMemory() {
            return "memory".equalsIgnoreCase(backend);
        }

        public Embedded withPort(int port) {
            return new Embedded(dataDir, port, backend);
        }
    }

    /**
     * How long Docket waits for the database. Without these the driver waits 30 s for a server and forever
     * for a reply, so an outage was a half-minute hang and then a 500. Options set in the URI
     * ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS}, {@code socketTimeoutMS}) take precedence.
     *
     * @param serverSelection how long an operation waits for a reachable database (1 s). Only a database
     *                        that is down or between primaries makes an operation wait here at all; a
     *                        request then fails after this and answers 503. On a loaded machine a refused
     *                        request took a few times this (bench/README.md, "Figures behind settings"),
     *                        so 1 s keeps it within 5 s
     * @param connect         how long opening a connection may take (2 s): the database sits on the same
     *                        machine or network, where a connection opens in milliseconds
     * @param read            how long Docket waits for one reply on an open connection (30 s). It bounds a
     *                        single reply, not a whole report or replay, which read in many short replies;
     *                        the longest single replies are the embedded server's scans of a whole
     *                        collection (a filtered audit log or assignment list; bench/README.md), and
     *                        30 s leaves room for stores many times the size measured there
     * @param ping            the readiness check's own bound on its ping (1 s), so a health check never hangs
     * @param start           how long Docket waits for the database when it starts (30 s): a node started before
     *                        its database, or on a machine so loaded that the first connection takes longer than
     *                        {@code serverSelection}, waits for it instead of failing to start (seen in the test
     *                        suite at load average 11 on 2 cores, with the embedded server)
     */
    public record Timeouts(Duration serverSelection, Duration connect, Duration read, Duration ping, Duration start) {
        public Timeouts {
            serverSelection = serverSelection == null ? Duration.ofSeconds(1) : serverSelection;
            connect = connect == null ? Duration.ofSeconds(2) : connect;
            read = read == null ? Duration.ofSeconds(30) : read;
            ping = ping == null ? Duration.ofSeconds(1) : ping;
            start = start == null ? Duration.ofSeconds(30) : start;
        }
    }
}
