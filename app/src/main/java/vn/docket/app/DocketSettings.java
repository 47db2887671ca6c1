package vn.docket.app;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.docket.command.assignment.RevisionPointSettings;
import vn.docket.command.deadlines.DeadlineSettings;
import vn.docket.command.dispatch.IdempotencySettings;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.axon.ClusterSettings;
import vn.docket.platform.axon.EventStoreSettings;
import vn.docket.platform.mongo.MongoSettings;
import vn.docket.platform.security.JwtSettings;
import vn.docket.platform.security.SecuritySettings;
import vn.docket.platform.web.DateWindow;
import vn.docket.query.notifications.NotificationSettings;
import vn.docket.query.reports.ReportSettings;
import vn.docket.query.reports.TimelinessSettings;

/**
 * Docket's own settings (docket.*), so that a start refuses one it does not know before anything opens. Spring
 * ignores a property nothing reads: "--docket.mongo.embedded.data-dr=/srv/docket" started Docket on ./data, an empty
 * store where the office expected its own.
 *
 * <p>The names are those of the settings records ({@code @ConfigurationProperties}, read from their components) and
 * the few settings read one by one. A name is compared as Spring binds it: case, '-' and '_' aside.
 */
final class DocketSettings {

    /**
     * The settings records. Named here rather than found by scanning the classpath, which logged eight warnings about
     * Axon's annotations before Spring's logging was set up; UnknownOptionsTest checks that none is missing.
     */
    static final List<Class<?>> RECORDS = List.of(ApprovalLevels.class, ClusterSettings.class, DateWindow.class,
            DeadlineSettings.class, EventStoreSettings.class, IdempotencySettings.class, JwtSettings.class,
            MongoSettings.class, NotificationSettings.class, ReportSettings.class, RevisionPointSettings.class,
            SecuritySettings.class, TimelinessSettings.class);

    /** Settings read one by one ({@code @Value}, a condition), not through a settings record. */
    static final List<String> READ_ONE_BY_ONE = List.of("docket.assignment-index.catch-up-wait", "docket.calendar.dir",
            "docket.demo.data", "docket.files.accept-images", "docket.files.max-size", "docket.files.read-timeout-seconds",
            "docket.health.unready-while-rebuilding", "docket.mongo.embedded.compact-every",
            "docket.security.basic.enabled", "docket.shared-dir", "docket.units.file");

    /**
     * A known setting, and whether it holds a list, a map or an object given by parts
     * ("docket.security.users[0].id"): any name below it is taken as it.
     */
    record Setting(String name, boolean container) {
    }

    private static volatile List<Setting> all;

    private DocketSettings() {
    }

    static List<Setting> all() {
        if (all == null) {
            List<Setting> found = new ArrayList<>();
            READ_ONE_BY_ONE.forEach(name -> found.add(new Setting(name, false)));
            for (Class<?> type : RECORDS) {
                ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
                add(properties.prefix().isEmpty() ? properties.value() : properties.prefix(), type, found);
            }
            found.sort(Comparator.comparing(Setting::name));
            all = List.copyOf(found);
        }
        return all;
    }

    private static void add(String prefix, Class<?> type, List<Setting> found) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> value = component.getType();
            if (value.isRecord()) {
                add(name, value, found);
            } else {
                found.add(new Setting(name, Collection.class.isAssignableFrom(value) || Map.class.isAssignableFrom(value)
                        || value.isArray()));
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The name as Spring compares it: lower case, without '-' and '_'. */
    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Whether {@code name} (a docket.* property as given) is one of Docket's settings. */
    static boolean known(String name) {
        String given = canonical(name);
        return all().stream().anyMatch(s -> given.equals(canonical(s.name())) || s.container()
                && (given.startsWith(canonical(s.name()) + ".") || given.startsWith(canonical(s.name()) + "[")));
    }

    /** The known setting closest to a mistyped {@code name}, when one is close enough to be what was meant. */
    static Optional<String> nearest(String name) {
        String given = canonical(name);
        return all().stream().map(Setting::name)
                .min(Comparator.comparingInt(known -> distance(given, canonical(known))))
                .filter(known -> distance(given, canonical(known)) <= Math.max(2, given.length() / 8));
    }

    /** Edits (insert, delete, replace) that turn {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
