package vn.docket.platform.users;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import vn.docket.platform.eventstore.DocketEventStorageEngine;
import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.platform.mongo.MongoSettings;

/**
 * Docket's database for a short command-line visit, found the way the command line needs: the configured
 * MongoDB; else the embedded server of the Docket running on this machine that holds the data file (nobody
 * else may open it); else the data file itself, through an embedded server of our own that lives only as
 * long as the command ({@link DatabaseServer#forTool}).
 */
final class UserDatabase implements AutoCloseable {

    private final DatabaseServer server;
    private final MongoClient client;
    private final MongoDatabase database;
    private final String where;
    private EmbeddedEventStore events;

    private UserDatabase(DatabaseServer server, String uri, String database, String where) {
        this.server = server;
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applicationName("docket-users")
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
        this.database = client.getDatabase(database);
        this.where = where;
    }

    static UserDatabase open(MongoSettings settings) {
        if (!settings.useEmbedded()) {
            return checked(new UserDatabase(null, settings.uri(), settings.database(), "the database at DOCKET_MONGO_URI"));
        }
        MongoSettings.Embedded embedded = settings.embedded();
        if (embedded.inMemory()) {
            if (embedded.port() > 0 && DatabaseServer.answersOn(embedded.port())) {
                String uri = "mongodb://127.0.0.1:" + embedded.port();
                return checked(new UserDatabase(null, uri, settings.database(), "the running Docket's database at " + uri));
            }
            throw new IllegalStateException("No Docket is running on port " + embedded.port()
                    + ", and its in-memory database cannot be reached otherwise.");
        }
        // Users are added before the first start too: a data directory with no database yet is created.
        DatabaseServer server = DatabaseServer.forTool(embedded, true);
        if (server.ownsFile()) {
            return new UserDatabase(server, server.connectionString(), settings.database(),
                    "the data in " + Path.of(embedded.dataDir()).toAbsolutePath().normalize());
        }
        return checked(new UserDatabase(null, server.connectionString(), settings.database(),
                "the running Docket's database at " + server.connectionString()));
    }

    private static UserDatabase checked(UserDatabase db) {
        try {
            db.database.runCommand(new Document("ping", 1));
            return db;
        } catch (MongoTimeoutException e) {
            db.close();
            // Not the URI itself: it may hold the database password.
            throw new IllegalStateException("no answer from " + db.where + " (waited 5 seconds)");
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    MongoDatabase database() {
        return database;
    }

    /**
     * The event store on this database, as Docket's own engine writes it (Jackson, as Docket serializes
     * events), so that the command line records users' events in the same chain.
     */
    EmbeddedEventStore eventStore() {
        if (events == null) {
            JacksonSerializer serializer = JacksonSerializer.builder()
                    .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
            events = EmbeddedEventStore.builder().storageEngine(DocketEventStorageEngine.builder()
                    .database(database).eventSerializer(serializer).snapshotSerializer(serializer)
                    .build().ensureIndexes()).build();
        }
        return events;
    }

    /** Where the users are kept, in words, so the person knows which Docket they changed. */
    String where() {
        return where;
    }

    @Override
    public void close() {
        if (events != null) {
            events.shutDown();
        }
        client.close();
        if (server != null) {
            server.close(); // the H2 backend writes everything to its file as it closes
        }
    }
}
