package vn.docket.app;

import java.io.PrintStream;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.docket.command.notice.reading.NoticeReaderCli;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.users.UsersCommand;

/** Docket in one process: command side, query side, the embedded database and the web UI. */
@SpringBootApplication(scanBasePackages = {"vn.docket.command", "vn.docket.query", "vn.docket.app"})
@Import(PlatformConfiguration.class)
public class DocketApplication {

    static final String USAGE = """
            Usage: java -jar docket.jar [COMMAND] [--setting=value ...]
              (no command)             start Docket (settings such as --server.port=8081)
              demo                     start Docket with demo users and a demo history
              users add|list ...       manage the users in Docket's database
              keys init [FILE]         create the key that signs the event store's checkpoints
              verify [--anchors FILE]  check the event store for tampering; exit 0 when intact
              backup DIR               copy the database at one event position, while Docket runs
              restore DIR              load a backup into an empty database, Docket stopped
              preview FILE             read a conclusion notice and print its read-out as JSON
              help                     this list""";

    private static final Set<String> COMMANDS = Set.of("demo", "users", "keys", "verify", "backup", "restore", "preview");

    public static void main(String[] args) throws Exception {
        // Axon must not contact an update server or write into the user's home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        Integer answered = answeredWithoutStarting(args, System.out, System.err);
        if (answered != null) {
            System.exit(answered);
        }
        if (args.length > 0 && args[0].equals("preview")) {
            // "java -jar docket.jar preview FILE": the import preview as JSON, without starting Docket.
            NoticeReaderCli.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("users")) {
            // "java -jar docket.jar users add|list ...": the users in Docket's database, without starting Docket.
            System.exit(UsersCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length),
                    System.in, System.out, System.err, System.console()));
        }
        if (args.length > 0 && args[0].equals("keys")) {
            // "java -jar docket.jar keys init": the key that signs the event store's checkpoints.
            System.exit(KeysCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("verify")) {
            // "java -jar docket.jar verify": the tamper check of the event store, exit code 0 when intact.
            System.exit(VerifyCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            // "java -jar docket.jar backup|restore DIR": a copy of the database at one event position, and back.
            System.exit(BackupCommand.run(args[0], java.util.Arrays.copyOfRange(args, 1, args.length),
                    System.out, System.err));
        }
        SpringApplication app = new SpringApplication(DocketApplication.class);
        if (args.length > 0 && args[0].equals("demo")) {
            // "java -jar docket.jar demo": demo users and demo history on the embedded database.
            app.setAdditionalProfiles("demo");
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        app.run(args);
    }

    /**
     * The exit code when the arguments ask for no command and no start: help, or a word that is no command. A
     * mistyped command ("restor DIR") must not start Docket, which would write into the data directory (the
     * configured users are recorded as events at the first start) and so make the restore meant refuse.
     * Null: a command or Docket itself runs.
     */
    static Integer answeredWithoutStarting(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return null;
        }
        String first = args[0];
        if (Set.of("help", "--help", "-h", "-help", "-?").contains(first)) {
            out.println(USAGE);
            return 0;
        }
        if (first.startsWith("--") || COMMANDS.contains(first)) {
            return null;
        }
        err.println("Unknown command \"" + first + "\"; nothing was started.");
        err.println(USAGE);
        return 1;
    }
}
