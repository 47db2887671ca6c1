package vn.docket.platform.users;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.docket.events.Actor;
import vn.docket.events.UserDisabled;
import vn.docket.platform.StartRefused;
import vn.docket.platform.security.DemoUsers;
import vn.docket.platform.security.SecuritySettings;

/**
 * At start-up, before anyone signs in: every configured and demo user, and every user a database from
 * before kept in its {@code users} collection without events, is recorded as events, once. A configured
 * user whose password hash, role or unit was changed in the configuration gets that change recorded too.
 * Everything here is recorded as done by Docket itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthorityRecording implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuthorityRecording.class);

    private final UserAccounts accounts;
    private final UserStore store;
    private final SecuritySettings settings;
    private final PasswordEncoder encoder;

    AuthorityRecording(UserAccounts accounts, UserStore store, SecuritySettings settings, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.store = store;
        this.settings = settings;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        int configured = 0;
        int demo = 0;
        int collection = 0;
        // A row a crash left behind its events is caught up before anyone is counted or signs in.
        store.all().forEach(user -> accounts.current(user.id()));
        if (settings.demoUsers()) {
            refuseDemoUsersBesidePeopleOfItsOwn();
        }
        for (SecuritySettings.UserEntry entry : settings.users()) {
            if (!accounts.recorded(entry.id())) {
                configured += record(entry, entry.passwordHash(), "configuration");
            } else {
                follow(entry);
            }
        }
        if (settings.demoUsers()) {
            String hash = null;
            StringBuilder listing = new StringBuilder();
            for (SecuritySettings.UserEntry entry : DemoUsers.all()) {
                listing.append(String.format("%n    %-8s %-20s %s", entry.id(), entry.role(),
                        entry.unit() == null ? "" : entry.unit()));
                if (!accounts.recorded(entry.id()) && store.find(entry.id()).isEmpty()) {
                    hash = hash == null ? encoder.encode(DemoUsers.PASSWORD) : hash;
                    demo += record(entry, hash, "demo");
                }
            }
            log.info("Demo users (demo set-up only, password \"{}\" for each):{}", DemoUsers.PASSWORD, listing);
        }
        for (StoredUser user : store.all()) {
            if (!accounts.recorded(user.id())) {
                collection += fromCollection(user);
            }
        }
        if (configured + demo + collection > 0) {
            log.info("Recorded {} users as events in the event store ({} from the configuration, {} demo users, {}"
                    + " kept in the users collection before); each user is recorded once.",
                    configured + demo + collection, configured, demo, collection);
        }
    }

    /**
     * The demo set-up uses the same ./data as Docket itself: started by mistake in an office's directory, or on its
     * database, it would give that office an administrator whose password is "demo". Refused before anything is
     * written; a demo database with people added since (all demo users already there) starts as before.
     */
    private void refuseDemoUsersBesidePeopleOfItsOwn() {
        boolean adding = DemoUsers.all().stream()
                .anyMatch(entry -> !accounts.recorded(entry.id()) && store.find(entry.id()).isEmpty());
        List<String> own = store.all().stream().map(StoredUser::id).filter(id -> !DemoUsers.ids().contains(id))
                .toList();
        if (adding && !own.isEmpty()) {
            List<String> named = own.subList(0, Math.min(5, own.size()));
            throw new StartRefused("Docket did not start: the demo set-up would add its users (an administrator among"
                    + " them, every one with the password \"demo\") to a database that already has " + own.size()
                    + (own.size() == 1 ? " user" : " users") + " of its own (" + String.join(", ", named)
                    + (own.size() > named.size() ? ", ..." : "") + "). Nothing was written.",
                    "To use this database, start Docket without `demo` (java -jar docket.jar). To try the demo, give it"
                            + " a data directory of its own: java -jar docket.jar demo"
                            + " --docket.mongo.embedded.data-dir=demo-data");
        }
    }

    private int record(SecuritySettings.UserEntry entry, String hash, String origin) {
        try {
            accounts.register(entry.id(), nfc(entry.name()), nfc(entry.unit()), entry.role(), hash, origin, Actor.SYSTEM);
            return 1;
        } catch (org.axonframework.modelling.command.ConcurrencyException e) {
            return 0; // another node starting at the same moment recorded them
        }
    }

    private int fromCollection(StoredUser user) {
        try {
            accounts.register(user.id(), user.name(), user.unit(), user.role(), null, "users-collection", Actor.SYSTEM);
            if (!user.enabled()) {
                accounts.record(user.id(), new UserDisabled(user.id()));
            }
            return 1;
        } catch (org.axonframework.modelling.command.ConcurrencyException e) {
            return 0;
        }
    }

    /** A configured user already recorded: what the configuration now says is recorded as a change. */
    private void follow(SecuritySettings.UserEntry entry) {
        StoredUser now = store.find(entry.id()).orElse(null);
        if (now == null) {
            return;
        }
        try {
            if (!Objects.equals(now.passwordHash(), entry.passwordHash())) {
                accounts.resetFromConfiguration(entry.id(), entry.passwordHash());
            }
            if (now.role() != entry.role()) {
                accounts.changeRoleFromConfiguration(entry.id(), entry.role());
            }
            if (!Objects.equals(now.unit(), nfc(entry.unit()))) {
                accounts.changeUnitFromConfiguration(entry.id(), nfc(entry.unit()));
            }
        } catch (RuntimeException e) {
            log.warn("The configured user {} could not be brought in line with the configuration: {}", entry.id(),
                    e.getMessage());
        }
    }

    private static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
