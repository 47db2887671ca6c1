package vn.docket.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import vn.docket.platform.axon.EventStoreSettings;
import vn.docket.platform.backup.Backup;
import vn.docket.platform.commandline.ToolOptions;
import vn.docket.platform.mongo.DatabaseServer;
import vn.docket.platform.mongo.MongoSettings;

/**
 * {@code java -jar docket.jar backup DIR} and {@code java -jar docket.jar restore DIR}, with Docket's usual
 * settings (so the same database). A backup runs while Docket runs, through its embedded server's port (or
 * the configured MongoDB); a restore goes into a database that holds no events, and never into the embedded
 * database of a running Docket. See {@link Backup} for what is copied. Exit codes: 0 done, 1 refused, 2 failed.
 */
final class BackupCommand {

    private BackupCommand() {
    }

    /** The settings a backup and a restore read: where the database is, and the event store's gap timeout and checkpoints. */
    static ToolOptions takes(String command) {
        return new ToolOptions(command, List.of(), Stream.of(ToolOptions.DATABASE, List.of("docket.event-store.engine",
                "docket.event-store.gap-timeout", "docket.event-store.checkpoint-every"), ToolOptions.CONFIGURATION)
                .flatMap(List::stream).toList());
    }

    static int run(String command, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].startsWith("--")) {
            err.println("Usage: java -jar docket.jar " + command + " DIR [--docket.mongo...=...]");
            return 1;
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        ToolOptions.Given given;
        try {
            given = takes(command).read(Arrays.asList(args).subList(1, args.length));
        } catch (ToolOptions.Refused e) {
            err.println(e.getMessage());
            return 1;
        }
        try (ConfigurableApplicationContext settings = LocalDatabase.settings(given.settings().toArray(String[]::new))) {
            MongoSettings mongo = settings.getBean(MongoSettings.class);
            EventStoreSettings store = settings.getBean(EventStoreSettings.class);
            if (!store.usesDocketEngine()) {
                err.println("Backups need Docket's own event store; this installation uses the axon-mongo engine.");
                return 1;
            }
            boolean restore = command.equals("restore");
            if (restore) {
                // Before the database is opened: a restore refused for its backup leaves no data directory behind.
                Backup.requireBackup(dir);
            }
            if (restore && mongo.useEmbedded() && DatabaseServer.held(mongo.embedded())) {
                err.println("Docket is running on this database (" + Path.of(mongo.embedded().dataDir()).toAbsolutePath()
                        .normalize() + "): stop Docket before restoring into it.");
                return 1;
            }
            try (DatabaseServer server = LocalDatabase.connect(mongo, restore);
                 MongoClient client = LocalDatabase.client(server, "docket-" + command)) {
                MongoDatabase database = client.getDatabase(mongo.database());
                if (restore) {
                    Backup.Manifest manifest = Backup.restore(database, dir, store.checkpointEvery(), store.gapTimeout());
                    server.flush();
                    out.println("Restored and verified. " + manifest.sentence()
                            + ". Docket rebuilds its read models when it starts.");
                } else {
                    Backup.Manifest manifest = Backup.backup(database, dir, store.gapTimeout());
                    out.println(manifest.sentence() + ", in " + dir + ".");
                }
                return 0;
            }
        } catch (Backup.Refused | DatabaseServer.NotThere e) {
            err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("The " + command + " failed: " + e.getMessage());
            return 2;
        }
    }
}
