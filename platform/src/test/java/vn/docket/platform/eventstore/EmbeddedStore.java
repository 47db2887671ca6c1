package vn.docket.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.platform.mongo.MongoSettings;

/** An embedded MongoDB-wire server (in memory, or H2 in a directory) with a client, for tests and the benchmark. */
public final class EmbeddedStore implements AutoCloseable {

    public final DatabaseServer server;
    public final MongoClient client;
    public final MongoDatabase database;
    public final Serializer serializer = JacksonSerializer.defaultSerializer();

    private EmbeddedStore(DatabaseServer server, CommandListener listener) {
        this.server = server;
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                // A test that kills the server's process should not wait the driver's default 30 s for it.
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS));
        if (listener != null) {
            settings.addCommandListener(listener);
        }
        this.client = MongoClients.create(settings.build());
        this.database = client.getDatabase("docket");
    }

    public static EmbeddedStore inMemory() {
        return inMemory(null);
    }

    public static EmbeddedStore inMemory(CommandListener listener) {
        return new EmbeddedStore(DatabaseServer.embedded(new MongoSettings.Embedded(null, 0, "memory")), listener);
    }

    public static EmbeddedStore onDisk(Path dir) {
        return onDisk(dir, 0);
    }

    /** @param port the loopback port the embedded server listens on; 0 picks a free one */
    public static EmbeddedStore onDisk(Path dir, int port) {
        return new EmbeddedStore(DatabaseServer.embedded(new MongoSettings.Embedded(dir.toString(), port, "h2")), null);
    }

    /** A client of a database another process serves, as a second Docket process is with DOCKET_MONGO_URI. */
    public static EmbeddedStore connectedTo(String uri) {
        return new EmbeddedStore(DatabaseServer.external(uri), null);
    }

    public DocketEventStorageEngine engine() {
        return engine(Duration.ofSeconds(10), System::nanoTime, NoOpEventUpcaster.INSTANCE);
    }

    public DocketEventStorageEngine engine(Duration gapTimeout, LongSupplier nanoClock, EventUpcaster upcaster) {
        return builder(gapTimeout, nanoClock, upcaster).build().ensureIndexes();
    }

    DocketEventStorageEngine.Builder builder(Duration gapTimeout, LongSupplier nanoClock, EventUpcaster upcaster) {
        return DocketEventStorageEngine.builder()
                .database(database)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(upcaster)
                .gapTimeout(gapTimeout)
                .nanoClock(nanoClock);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
