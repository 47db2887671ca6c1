package vn.docket.app;

import static java.util.stream.Collectors.joining;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import vn.docket.command.notice.reading.NoticeReaderCli;
import vn.docket.command.notice.reading.UnitDirectory;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.users.UsersCommand;

/** Docket in one process: command side, query side, the embedded database and the web UI. */
@SpringBootApplication(scanBasePackages = {"vn.docket.command", "vn.docket.query", "vn.docket.app"})
@Import(PlatformConfiguration.class)
public class DocketApplication {

    /** What a command does with the words after its name; those that do not start Docket end the process. */
    interface Runs {
        void run(String[] rest) throws Exception;
    }

    /** One command: its line in --help (its name, the words it takes, what it does), and what runs it. */
    record Command(String synopsis, String explanation, Runs runs) {
        String name() {
            return synopsis.split(" ")[0];
        }
    }

    /** Every command, in --help's order: the one table the dispatch and the help both read, so they cannot drift. */
    static final List<Command> COMMANDS = List.of(
            new Command("demo", "start Docket with demo users and a demo history", rest -> start(rest, "demo")),
            new Command("users add|list ...", "manage the users in Docket's database",
                    rest -> System.exit(users(rest, System.in, System.out, System.err, System.console()))),
            new Command("keys init [FILE]", "create the key that signs the event store's checkpoints",
                    rest -> System.exit(KeysCommand.run(rest, System.out, System.err))),
            new Command("verify [--anchors FILE]", "check the event store for tampering; exit 0 when intact",
                    rest -> System.exit(VerifyCommand.run(rest))),
            new Command("backup DIR", "copy the database at one event position, while Docket runs",
                    rest -> System.exit(BackupCommand.run("backup", rest, System.out, System.err))),
            new Command("restore DIR", "load a backup into an empty database, Docket stopped",
                    rest -> System.exit(BackupCommand.run("restore", rest, System.out, System.err))),
            new Command("preview FILE", "read a conclusion notice and print its read-out as JSON",
                    rest -> System.exit(NoticeReaderCli.run(rest, System.out, System.err))));

    static final String USAGE = "Usage: java -jar docket.jar [COMMAND] [--setting=value ...]\n"
            + line("(no command)", "start Docket (settings such as --server.port=8081)")
            + COMMANDS.stream().map(command -> line(command.synopsis(), command.explanation())).collect(joining())
            + line("help", "this list").stripTrailing();

    /** {@code users ...}, a unit typed another way ("qldt") kept under the name Docket's unit directory gives it. */
    static int users(String[] rest, InputStream in, PrintStream out, PrintStream err, Console console) {
        return UsersCommand.run(rest, in, out, err, console, file -> UnitDirectory.configured(file).aliases());
    }

    public static void main(String[] args) throws Exception {
        // Axon must not contact an update server or write into the user's home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        Integer answered = answeredWithoutStarting(args, System.out, System.err);
        if (answered != null) {
            System.exit(answered);
        }
        Optional<Command> command = args.length == 0 ? Optional.empty() : named(args[0]);
        if (command.isPresent()) {
            command.get().runs().run(Arrays.copyOfRange(args, 1, args.length));
        } else {
            start(args);
        }
    }

    private static void start(String[] args, String... profiles) {
        SpringApplication app = new SpringApplication(DocketApplication.class);
        app.setAdditionalProfiles(profiles);
        app.addListeners(new StartChecks());
        try {
            app.run(args);
        } catch (RuntimeException failed) {
            // Spring Boot has already said why. Threads a failed start leaves running (Axon's timeout janitor, not a
            // daemon; event processors retrying on the closed database) would keep the process alive, silent, for good.
            System.exit(1);
        }
    }

    /**
     * Whether {@code arg} can be a setting of a start: Spring takes any property, so only what is none at all is known
     * wrong. Spring ignores a word that is no option, and a name without a dot that nothing reads ("--data-dir=x",
     * "--port=8081"), and Docket started as if it had not been given, on ./data or port 8080. Spring Boot's own
     * undotted properties are debug and trace; a name in capitals is an environment-style name that a configuration's
     * placeholder may read, as Docket's own ${PORT} and ${DOCKET_MONGO_URI} do.
     */
    private static boolean setting(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        String name = arg.substring(2, arg.contains("=") ? arg.indexOf('=') : arg.length());
        return name.contains(".") || name.equals("debug") || name.equals("trace")
                || (!name.isEmpty() && name.equals(name.toUpperCase(Locale.ROOT)));
    }

    private static String line(String synopsis, String explanation) {
        return String.format("  %-24s %s\n", synopsis, explanation);
    }

    private static Optional<Command> named(String word) {
        return COMMANDS.stream().filter(command -> command.name().equals(word)).findFirst();
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
        if (first.startsWith("--") || first.equals("demo")) {
            for (String arg : Arrays.asList(args).subList(first.equals("demo") ? 1 : 0, args.length)) {
                if (!setting(arg)) {
                    err.println("\"" + arg + "\" is no setting of Docket, which takes settings with dotted names (such as"
                            + " --docket.mongo.embedded.data-dir=DIR or --server.port=PORT); nothing was started.");
                    return 1;
                }
                String name = arg.substring(2, arg.contains("=") ? arg.indexOf('=') : arg.length());
                if (name.toLowerCase(Locale.ROOT).startsWith("docket.") && !DocketSettings.known(name)) {
                    err.println("\"" + name + "\" is no setting of Docket" + DocketSettings.nearest(name)
                            .map(meant -> " (did you mean " + meant + "?)").orElse("") + "; nothing was started.");
                    return 1;
                }
            }
            return null;
        }
        if (named(first).isPresent()) {
            return null;
        }
        err.println("Unknown command \"" + first + "\"; nothing was started.");
        err.println(USAGE);
        return 1;
    }
}
