package vn.docket.platform.users;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.UnitAliases;
import vn.docket.platform.commandline.ToolOptions;
import vn.docket.platform.mongo.MongoSettings;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.refusal.Refusal;
import vn.docket.platform.security.NfcPasswordEncoder;
import vn.docket.platform.security.SecuritySettings;

/**
 * {@code docket users add|list|password|disable|enable}: the people in Docket's database, from the command
 * line, without starting Docket. The first administrator is made this way. Every change is recorded as events in
 * the event store, as the admin API records it, with the command line and the machine's user as who did it. Passwords come from standard
 * input or a file, never from the command line, where other users of the machine could read them.
 */
public final class UsersCommand {

    static final int OK = 0;
    static final int NO_DATABASE = 1;
    static final int REFUSED = 2;
    static final int USAGE = 64;

    private static final String USAGE_TEXT = """
            usage: docket users add --id ID --name NAME [--unit UNIT] --role ROLE [--password-file FILE]
                   docket users list
                   docket users password --id ID [--password-file FILE]
                   docket users disable --id ID
                   docket users enable --id ID
              The password is read from FILE, else from standard input (asked twice at a terminal).
              Database settings as for Docket: DOCKET_MONGO_URI, --docket.mongo.embedded.data-dir=..., etc.""";
    /** Its own options, and the settings it reads: where the database is, and which users the configuration owns. */
    static final ToolOptions TAKES = new ToolOptions("docket users",
            List.of("id ID", "name NAME", "unit UNIT", "role ROLE", "password-file FILE"),
            Stream.of(ToolOptions.DATABASE, List.of("docket.security.users.*", "docket.security.demo-users", "docket.units.file"),
                    ToolOptions.CONFIGURATION).flatMap(List::stream).toList());

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Console console;
    private final Function<String, UnitAliases> directory;

    UsersCommand(InputStream in, PrintStream out, PrintStream err, Console console, Function<String, UnitAliases> directory) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
        this.directory = directory;
    }

    /**
     * Runs {@code users ...} (the arguments after "users"); returns the process's exit code. {@code directory} gives the
     * unit directory of the {@code docket.units.file} set (blank: the one Docket ships with), under whose names a unit
     * typed another way ("qldt") is kept, as the admin page keeps it: its staff then see their unit's work.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Console console,
                          Function<String, UnitAliases> directory) {
        return new UsersCommand(in, out, err, console, directory).run(args);
    }

    /** Docket's settings the command needs: where the database is, and which ids configuration already uses. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MongoSettings.class, SecuritySettings.class})
    static class Settings {
    }

    int run(String[] args) {
        if (args.length == 0 || !Set.of("add", "list", "password", "disable", "enable").contains(args[0])) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String action = args[0];
        Map<String, String> options;
        List<String> springArgs;
        try {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            if (rest.stream().anyMatch(arg -> arg.equals("--password") || arg.startsWith("--password="))) {
                throw new Usage("a password is never given on the command line (others can see it in the process"
                        + " list); use --password-file FILE or standard input");
            }
            ToolOptions.Given given = TAKES.read(rest);
            options = given.own();
            springArgs = given.settings();
            if (!action.equals("list") && !options.containsKey("id")) {
                throw new Usage("--id is required");
            }
        } catch (ToolOptions.Refused e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (Usage e) {
            err.println("docket users: " + e.getMessage());
            return USAGE;
        }
        try (ConfigurableApplicationContext settings = settings(springArgs);
             UserDatabase db = UserDatabase.open(settings.getBean(MongoSettings.class))) {
            EmbeddedEventStore events = db.eventStore();
            SecuritySettings security = settings.getBean(SecuritySettings.class);
            UserAccounts accounts = new UserAccounts(new UserStore(db.database()), new AccessTokens(db.database()),
                    events, new NfcPasswordEncoder(security.passwordCost()), UserConfiguration.configuredIds(security));
            String os = System.getProperty("user.name", "?");
            Actor by = new Actor("command-line:" + os, "Command line (" + os + ")", null, Role.SYSTEM);
            String id = options.get("id");
            switch (action) {
                case "list" -> list(accounts);
                case "add" -> {
                    String unit = unitNamed(settings, options.get("unit"));
                    StoredUser user = accounts.add(new NewUser(id, options.get("name"), unit,
                            options.get("role"), password(options)), "command-line", by);
                    out.println("Added " + user.id() + " (" + user.role() + ") to " + db.where() + ".");
                }
                case "password" -> {
                    accounts.changePassword(id, password(options), by);
                    out.println("New password set for " + id + ".");
                }
                default -> {
                    boolean enable = action.equals("enable");
                    accounts.setEnabled(id, enable, by);
                    out.println((enable ? "Enabled " : "Disabled ") + id + ".");
                }
            }
            return OK;
        } catch (Refusal | NotFound | ConcurrencyException e) {
            // Refused by a rule, or by another change of administrators under way: the database is fine, say why.
            err.println("docket users: " + e.getMessage());
            return REFUSED;
        } catch (Usage e) {
            err.println("docket users: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("docket users: cannot use the database: " + firstLine(e));
            return NO_DATABASE;
        }
    }

    /** The unit as the directory names it; a directory file that cannot be read is the command's mistake, not the database's. */
    private String unitNamed(ConfigurableApplicationContext settings, String typed) {
        try {
            return directory.apply(settings.getEnvironment().getProperty("docket.units.file", "")).nameOf(typed);
        } catch (UncheckedIOException e) {
            throw new Usage(firstLine(e));
        }
    }

    private void list(UserAccounts accounts) {
        List<StoredUser> users = accounts.list();
        if (users.isEmpty()) {
            out.println("No users in the database yet (configured and demo users are recorded when Docket starts).");
            return;
        }
        out.printf("%-20s %-11s %-9s %s%n", "id", "role", "state", "name, unit");
        for (StoredUser u : users) {
            out.printf("%-20s %-11s %-9s %s%s%n", u.id(), u.role(), u.enabled() ? "enabled" : "disabled", u.name(),
                    u.unit() == null ? "" : ", " + u.unit());
        }
    }

    private String password(Map<String, String> options) {
        String file = options.get("password-file");
        if (file != null) {
            try {
                return firstLine(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new Usage("no password file " + file);
            } catch (IOException e) {
                throw new Usage("cannot read the password file " + file);
            }
        }
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new Usage("the two passwords differ");
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new Usage("no password on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new Usage("cannot read the password from standard input");
        }
    }

    private static ConfigurableApplicationContext settings(List<String> springArgs) {
        List<String> args = new ArrayList<>(springArgs);
        // A command prints its own one line; Docket's start-up messages would only be noise here.
        if (args.stream().noneMatch(a -> a.startsWith("--logging.level.vn.docket="))) {
            args.add("--logging.level.vn.docket=WARN");
        }
        return new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return firstLine(message);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "");
    }

    /** The command was typed wrong: say what, exit 64. */
    private static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message, null, false, false);
        }
    }
}
