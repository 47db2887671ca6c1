package vn.docket.query.assignments;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * For the query side's tests ({@code @RegisterExtension}): an in-memory MongoDB-wire server and a client of it for
 * each test, ready before the test's own {@code @BeforeEach}, closed after it, and whoever the test signed in signed
 * out again.
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {

    private final String recorded;
    private final List<BsonDocument> sent;
    private MongoServer server;
    private MongoClient client;

    private TestDatabase(String recorded, List<BsonDocument> sent) {
        this.recorded = recorded;
        this.sent = sent;
    }

    public static TestDatabase inMemory() {
        return new TestDatabase(null, null);
    }

    /**
     * A database whose client records every command it sends about {@code collection} into {@code sent}: a read's
     * filter (a copy: the driver reuses the command's buffer), any other command as {@code {name: "sent"}}. For tests
     * that a read goes by key alone, which the embedded server answers without scanning the collection.
     */
    public static TestDatabase recording(String collection, List<BsonDocument> sent) {
        return new TestDatabase(collection, sent);
    }

    public MongoDatabase database() {
        return client.getDatabase("test");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()));
        if (recorded != null) {
            settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    String name = event.getCommandName();
                    if (event.getCommand().get(name) instanceof BsonString about && about.getValue().equals(recorded)) {
                        sent.add(name.equals("find") ? event.getCommand().getDocument("filter", new BsonDocument()).clone()
                                : new BsonDocument(name, new BsonString("sent")));
                    }
                }
            });
        }
        client = MongoClients.create(settings.build());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
        client.close();
        server.shutdownNow();
    }
}
