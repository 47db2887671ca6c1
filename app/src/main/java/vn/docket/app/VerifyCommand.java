package vn.docket.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.platform.axon.EventStoreSettings;
import vn.docket.platform.backup.Backup;
import vn.docket.platform.commandline.ToolOptions;
import vn.docket.platform.eventstore.Anchors;
import vn.docket.platform.eventstore.Checkpointer;
import vn.docket.platform.eventstore.Positions;
import vn.docket.platform.eventstore.StoreVerifier;
import vn.docket.platform.eventstore.VerifyReport;
import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.platform.mongo.MongoSettings;

/**
 * {@code java -jar docket.jar verify [--docket.mongo.uri=...]}: the tamper check of {@code GET
 * /api/audit/verify} without signing in, for whoever can reach the database anyway (IT, an inspector
 * given a copy of the data directory). Reads Docket's usual settings, so it finds the same database:
 * the configured MongoDB; else the embedded data directory, through the server of the Docket holding it
 * or opened directly ({@link LocalDatabase#connect}).
 *
 * <p>With {@code --anchors FILE} (and optionally {@code --public-key FILE}, else the public key beside the configured
 * anchor key) it also checks the signed checkpoints an auditor kept against the store ({@link Anchors}).
 *
 * <p>Prints the report as one JSON line on standard output, and on standard error one sentence per problem
 * listed and then one for the whole walk; exits 0 when intact, 1 when not, 2 when it could not verify.
 */
final class VerifyCommand {

    /** Its own options, and the settings it reads: where the database is, and the event store's checkpoints and keys. */
    static final ToolOptions TAKES = new ToolOptions("verify", List.of("anchors FILE", "public-key FILE"),
            Stream.of(ToolOptions.DATABASE, List.of("docket.event-store.engine", "docket.event-store.gap-timeout",
                    "docket.event-store.checkpoint-every", "docket.event-store.anchor-key",
                    "docket.event-store.anchor-export"), ToolOptions.CONFIGURATION).flatMap(List::stream).toList());

    private VerifyCommand() {
    }

    static int run(String[] args) {
        // The report alone on standard output, so that a script can read it: the log (the embedded database
        // starting, warnings) goes where the sentences go.
        PrintStream report = System.out;
        System.setOut(System.err);
        try {
            return run(args, report);
        } finally {
            System.setOut(report);
        }
    }

    private static int run(String[] args, PrintStream out) {
        ToolOptions.Given given;
        try {
            given = TAKES.read(List.of(args));
        } catch (ToolOptions.Refused e) {
            System.err.println(e.getMessage());
            return 2; // not 1, which says the store is not intact
        }
        String anchors = given.own().get("anchors");
        String publicKey = given.own().get("public-key");
        try (ConfigurableApplicationContext settings = LocalDatabase.settings(given.settings().toArray(String[]::new))) {
            MongoSettings mongo = settings.getBean(MongoSettings.class);
            EventStoreSettings store = settings.getBean(EventStoreSettings.class);
            if (!store.usesDocketEngine()) {
                System.err.println("Only Docket's own event store keeps hashes; this installation uses the axon-mongo engine.");
                return 2;
            }
            try (DatabaseServer server = LocalDatabase.connect(mongo, false);
                 MongoClient client = LocalDatabase.client(server, "docket-verify")) {
                // Part of a backup a killed restore loaded is no store to call intact (nor to record checkpoints on).
                Backup.requireWhole(client.getDatabase(mongo.database()));
                Checkpointer checkpointer = new Checkpointer(client.getDatabase(mongo.database()),
                        store.checkpointEvery(), store.gapTimeout(), store.anchorSigner());
                VerifyReport report = new StoreVerifier(client.getDatabase(mongo.database()), checkpointer,
                        Positions.lostAfter(store.gapTimeout())).verify();
                if (anchors != null) {
                    Path key = Path.of(publicKey != null ? publicKey : Anchors.publicKeyFile(Path.of(store.anchorKey())).toString());
                    report = report.and(Anchors.check(Path.of(anchors), Anchors.readPublicKey(key), checkpointer));
                    System.err.println("Anchors in " + anchors + " checked with key " + Anchors.fingerprint(Anchors.readPublicKey(key)));
                }
                out.println(new ObjectMapper().writeValueAsString(report));
                report.problems().forEach(problem -> System.err.println(problem.sentence()));
                System.err.println(report.sentence());
                return report.intact() ? 0 : 1;
            }
        } catch (Exception e) {
            System.err.println("Could not verify the event store: " + e.getMessage());
            return 2;
        }
    }
}
