package vn.docket.platform.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.nio.file.Path;
import java.time.Duration;
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
                .applyConnectionString(new ConnectionString(server.connectionString()));
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
        return new EmbeddedStore(DatabaseServer.embedded(new MongoSettings.Embedded(dir.toString(), 0, "h2")), null);
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
                .nanoClock(nanoClock)
                .durabilityBarrier(server::flush);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
