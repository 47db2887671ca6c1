package vn.docket.platform.users;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.docket.events.Role;
import vn.docket.platform.Text;
import vn.docket.platform.security.NfcPasswordEncoder;
import vn.docket.platform.web.NotFound;
import vn.docket.platform.web.RuleBroken;
import vn.docket.platform.web.StateConflict;

/**
 * Adding people, changing their password, disabling them: the rules both the admin API and the command
 * line follow. Who may call this is the caller's business (the API checks for an administrator; the
 * command line runs with access to the database files, which is more than any role).
 */
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    static final Pattern ID = Pattern.compile("[a-z0-9._-]{2,40}");
    static final int MIN_PASSWORD = 10;
    /** bcrypt looks at the first 72 bytes only; Spring refuses longer passwords rather than cut them. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_TEXT = 200;
    /** People who act for a unit: without one, nothing they do could be attributed. */
    static final Set<Role> NEED_UNIT = EnumSet.of(Role.CLERK, Role.UNIT_STAFF, Role.UNIT_HEAD);

    private final UserStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Predicate<String> knownElsewhere;

    /**
     * @param knownElsewhere whether an id already belongs to a user from configuration (or the demo set-up):
     *                       such an id cannot be given to a second person
     */
    public UserAccounts(UserStore store, PasswordEncoder encoder, Clock clock, Predicate<String> knownElsewhere) {
        this.store = store;
        this.encoder = encoder;
        this.clock = clock;
        this.knownElsewhere = knownElsewhere;
    }

    public List<StoredUser> list() {
        return store.all();
    }

    public StoredUser add(NewUser request, String by) {
        String id = request.id() == null ? "" : request.id();
        if (!ID.matcher(id).matches()) {
            throw new RuleBroken("invalid-user-id",
                    "A user id has 2 to 40 characters among a-z, 0-9, '.', '_' and '-'.");
        }
        String name = text("name", request.name());
        if (name == null) {
            throw new RuleBroken("name-required", "Give the person's full name.");
        }
        Role role = role(request.role());
        String unit = text("unit", request.unit());
        if (unit == null && NEED_UNIT.contains(role)) {
            throw new RuleBroken("unit-required", "A user with the role " + role + " acts for a unit: give the unit.");
        }
        String hash = hash(request.password());
        if (knownElsewhere.test(id)) {
            throw new StateConflict("user-exists", "The user id '" + id + "' is already taken.");
        }
        StoredUser user = new StoredUser(id, name, unit, role, hash, true, clock.instant(), by, null, null);
        if (!store.insert(user)) {
            throw new StateConflict("user-exists", "The user id '" + id + "' is already taken.",
                    "/api/admin/users/" + id);
        }
        log.info("User {} ({}) added by {}", id, role, by);
        return user;
    }

    public StoredUser changePassword(String id, String password, String by) {
        StoredUser user = stored(id);
        StoredUser changed = user.withPassword(hash(password), clock.instant(), by);
        store.replace(changed);
        log.info("Password of user {} changed by {}", id, by);
        return changed;
    }

    public StoredUser setEnabled(String id, boolean enabled, String by) {
        StoredUser user = stored(id);
        if (user.enabled() == enabled) {
            return user; // asking twice changes nothing
        }
        if (!enabled && id.equals(by)) {
            throw new StateConflict("cannot-disable-yourself",
                    "You cannot disable your own user; another administrator can.");
        }
        StoredUser changed = user.withEnabled(enabled, clock.instant(), by);
        store.replace(changed);
        log.info("User {} {} by {}", id, enabled ? "enabled" : "disabled", by);
        return changed;
    }

    private StoredUser stored(String id) {
        return store.find(id).orElseThrow(() -> knownElsewhere.test(id)
                ? new StateConflict("configured-user",
                        "The user '" + id + "' comes from Docket's configuration; change it there.")
                : new NotFound("No user with id '" + id + "'."));
    }

    private String hash(String raw) {
        String password = NfcPasswordEncoder.normalized(raw); // the rules count letters, however they were typed
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new RuleBroken("weak-password", "A password has at least " + MIN_PASSWORD + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new RuleBroken("password-too-long",
                    "A password has at most " + MAX_PASSWORD_BYTES + " bytes (about 70 letters without tone marks).");
        }
        return encoder.encode(password);
    }

    private static Role role(String text) {
        String valid = Arrays.stream(Role.values()).filter(r -> r != Role.SYSTEM).map(Role::name)
                .collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            throw new RuleBroken("invalid-role", "Give a role: one of " + valid + ".");
        }
        try {
            Role role = Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
            if (role != Role.SYSTEM) {
                return role;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new RuleBroken("invalid-role", "There is no role '" + text.strip() + "'; the roles are " + valid + ".");
    }

    private static String text(String field, String value) {
        if (value != null && value.codePoints().anyMatch(Character::isISOControl)) {
            throw new RuleBroken("control-characters", "The " + field + " contains control characters.");
        }
        String clean = Text.clean(value);
        if (clean != null && clean.length() > MAX_TEXT) {
            throw new RuleBroken("too-long", "The " + field + " has at most " + MAX_TEXT + " characters.");
        }
        return clean;
    }
}
