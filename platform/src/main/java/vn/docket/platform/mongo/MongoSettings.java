package vn.docket.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Docket keeps its data. With {@code uri} set (environment variable DOCKET_MONGO_URI) Docket uses
 * that MongoDB; without it Docket starts an embedded MongoDB-wire server on loopback.
 *
 * @param uri        a MongoDB connection string, or empty for the embedded server
 * @param database   the database name inside that server
 * @param embedded   settings of the embedded server
 */
@ConfigurationProperties(prefix = "docket.mongo")
public record MongoSettings(String uri, String database, Embedded embedded) {

    public MongoSettings {
        database = database == null || database.isBlank() ? "docket" : database;
        embedded = embedded == null ? new Embedded(null, null, null) : embedded;
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
    }
}
