package vn.docket.query.assignments;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.platform.security.DocketUser;

/** For tests of the query side's controllers: who is signed in, and the index, visibility and lookup they are given. */
public final class TestReadSide {

    private TestReadSide() {
    }

    /** An index that counts as caught up: feed it events through its handlers. */
    public static AssignmentIndex index() {
        return new AssignmentIndex(() -> true, Duration.ZERO);
    }

    public static Visibility visibility(AssignmentIndex index) {
        return new Visibility(index);
    }

    /** The visibility rule over an empty index (clerks see everything). */
    public static Visibility overAnEmptyIndex() {
        return visibility(index());
    }

    public static AssignmentLookup lookup(MongoDatabase database, AssignmentIndex index, Clock clock) {
        return new AssignmentLookup(database, index, clock);
    }

    /** The list projection that keeps the assignments the lookup reads: feed it events through its handlers. */
    public static Object listProjection(MongoDatabase database) {
        return new AssignmentListProjection(database);
    }

    /**
     * A client of {@code server} that records every command it sends about {@code collection}: a read's filter (a
     * copy: the driver reuses the command's buffer), any other command as {@code {name: "sent"}}. For tests that a
     * read goes by key alone, which the embedded server answers without scanning the collection.
     */
    public static MongoClient recordingClient(MongoServer server, String collection, List<BsonDocument> sent) {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String name = event.getCommandName();
                if (event.getCommand().get(name) instanceof BsonString about && about.getValue().equals(collection)) {
                    sent.add(name.equals("find") ? event.getCommand().getDocument("filter", new BsonDocument()).clone()
                            : new BsonDocument(name, new BsonString("sent")));
                }
            }
        };
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(recorder).build());
    }

    /** Signs {@code actor} in on this thread, as a request would (clear it with SecurityContextHolder.clearContext()). */
    public static void signIn(Actor actor) {
        DocketUser user = new DocketUser(actor, null);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }
}
