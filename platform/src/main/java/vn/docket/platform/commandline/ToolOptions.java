package vn.docket.platform.commandline;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * What a command-line tool (verify, backup, restore, users ...) takes after its name and its words: its own options
 * ({@code --anchors FILE}) and those of Docket's settings it really reads ({@code --docket.mongo.embedded.data-dir=DIR}),
 * each tool's in one list. Anything else is refused before the tool opens anything. Spring binds what it is asked for
 * and ignores the rest, so a misspelt {@code --docket.mongo.embedded.data-dr=/copy} had a tool work on ./data, and
 * verify call intact a store the operator had not named; an empty value (a variable not set) meant ./data too.
 *
 * @param tool     the tool's name as typed, for the one line a refusal prints
 * @param own      the tool's own options, each with what its value is ({@code "anchors FILE"})
 * @param settings the settings it reads, by their canonical names; a name ending in {@code .*} takes all below it
 */
public record ToolOptions(String tool, List<String> own, List<String> settings) {

    /** Where Docket's database is: every tool that opens it reads these, as Docket does. */
    public static final List<String> DATABASE = List.of("docket.mongo.uri", "docket.mongo.database",
            "docket.mongo.embedded.data-dir", "docket.mongo.embedded.port", "docket.mongo.embedded.backend");
    /** Where Docket's configuration files are, and how much the log says: a tool reads the same files Docket does. */
    public static final List<String> CONFIGURATION = List.of("spring.config.location",
            "spring.config.additional-location", "spring.profiles.active", "logging.level.*");

    /** What the arguments gave: the tool's own options by name, and the settings as they are passed to Spring. */
    public record Given(Map<String, String> own, List<String> settings) {
    }

    /** The arguments name something the tool does not take, or give it no value: the message is one line. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads {@code args}, all of them options; a word that is no option of this tool, or has no value, is refused. */
    public Given read(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> given = new ArrayList<>();
        List<ConfigurationPropertyName> seen = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw refused("'" + arg + "' is not an option");
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            String what = own.stream().filter(option -> option.startsWith(name + " ")).findFirst()
                    .map(option -> option.substring(name.length() + 1)).orElse(null);
            if (what != null) {
                if (value == null && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                }
                if (value == null || value.isBlank()) {
                    throw refused("--" + name + " needs a value (--" + name + " " + what + ")");
                }
                if (options.put(name, value) != null) {
                    throw refused("--" + name + " is given twice");
                }
                continue;
            }
            ConfigurationPropertyName property = ConfigurationPropertyName.adapt(name, '.');
            if (!takes(property)) {
                throw refused("--" + name + " is not an option of " + tool);
            }
            // Spring reads "--name value" as an empty name and ignores the value; an empty value is a default, ./data.
            if (value == null || value.isBlank()) {
                throw refused("--" + name + " needs a value (--" + name + "=VALUE)");
            }
            // Given twice, Spring would join the two values with a comma into one no one meant.
            if (seen.contains(property)) {
                throw refused("--" + name + " is given twice");
            }
            seen.add(property);
            given.add(arg);
        }
        return new Given(options, given);
    }

    private boolean takes(ConfigurationPropertyName property) {
        return settings.stream().anyMatch(setting -> setting.endsWith(".*")
                ? ConfigurationPropertyName.of(setting.substring(0, setting.length() - 2)).isAncestorOf(property)
                : ConfigurationPropertyName.of(setting).equals(property));
    }

    private Refused refused(String what) {
        String options = own.stream().map(option -> "--" + option).collect(joining(", "));
        return new Refused(tool + ": " + what + "; nothing was done. It takes " + (options.isEmpty() ? "" : options
                + " and ") + "the settings " + String.join(", ", settings) + " (as --NAME=VALUE).");
    }
}
