package vn.docket.platform.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import vn.docket.events.AccessTokenIssued;
import vn.docket.events.AccessTokenRevoked;
import vn.docket.events.ApprovalLevelGranted;
import vn.docket.events.ApprovalLevelWithdrawn;
import vn.docket.events.PasswordReset;
import vn.docket.events.Role;
import vn.docket.events.UserDisabled;
import vn.docket.events.UserEnabled;
import vn.docket.events.UserEvent;
import vn.docket.events.UserRegistered;
import vn.docket.events.UserRoleChanged;
import vn.docket.events.UserUnitChanged;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;

/**
 * One person's authority, rebuilt from their events (the aggregate of a user). The decisions check the
 * rules and return the events to record; {@link #apply} only assigns fields. It is a plain class rather
 * than an Axon aggregate because the command line ({@code docket users ...}) records the same events
 * without starting Docket, and the platform module, which both use, knows no command side.
 */
final class UserAccount {

    private String id;
    private String name;
    private String unit;
    private Role role;
    private boolean enabled;
    private final Set<String> levels = new TreeSet<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private Instant roleSince;
    private String roleGrantedBy;
    /** The sequence number of the last event applied; -1 before the first. */
    private long version = -1;

    static String aggregateId(String userId) {
        return "user:" + userId;
    }

    boolean registered() {
        return id != null;
    }

    // ---- decisions ----

    List<UserEvent> register(String userId, String name, String unit, Role role, String origin) {
        if (registered()) {
            throw new StateConflict("user-exists", "The user id '" + userId + "' is already taken.",
                    "/api/admin/users/" + userId);
        }
        requireUnit(role, unit);
        return List.of(new UserRegistered(userId, name, unit, role, origin));
    }

    /** @param enabledAdmins how many enabled administrators there are now, this one included */
    List<UserEvent> changeRole(Role to, long enabledAdmins) {
        requireRegistered();
        if (to == role) {
            return List.of(); // asking twice changes nothing
        }
        requireUnit(to, unit);
        keepAnAdmin(enabledAdmins);
        return List.of(new UserRoleChanged(id, role, to));
    }

    List<UserEvent> changeUnit(String to) {
        requireRegistered();
        if (Objects.equals(to, unit)) {
            return List.of();
        }
        requireUnit(role, to);
        return List.of(new UserUnitChanged(id, unit, to));
    }

    List<UserEvent> disable(String by, long enabledAdmins) {
        requireRegistered();
        if (!enabled) {
            return List.of();
        }
        if (id.equals(by)) {
            throw new StateConflict("cannot-disable-yourself",
                    "You cannot disable your own user; another administrator can.");
        }
        keepAnAdmin(enabledAdmins);
        List<UserEvent> decided = new ArrayList<>(revokeAllTokens());
        decided.add(new UserDisabled(id));
        return decided;
    }

    /**
     * Enabling gives back no token: disabling revoked them all. Tokens a disabled user still holds were issued
     * before that rule (or raced the disabling), so they are revoked here rather than signing in again.
     */
    List<UserEvent> enable() {
        requireRegistered();
        if (enabled) {
            return List.of();
        }
        List<UserEvent> decided = new ArrayList<>(revokeAllTokens());
        decided.add(new UserEnabled(id));
        return decided;
    }

    List<UserEvent> resetPassword() {
        requireRegistered();
        return List.of(new PasswordReset(id));
    }

    List<UserEvent> grantLevel(String level) {
        requireRegistered();
        return levels.contains(level) ? List.of() : List.of(new ApprovalLevelGranted(id, level));
    }

    List<UserEvent> withdrawLevel(String level) {
        requireRegistered();
        if (!levels.contains(level)) {
            throw new RuleBroken("level-not-granted", "The level '" + level + "' was never granted to " + id + ".");
        }
        return List.of(new ApprovalLevelWithdrawn(id, level));
    }

    List<UserEvent> issueToken(String tokenId, String label) {
        requireRegistered();
        if (!enabled) {
            throw new StateConflict("user-disabled", "The user " + id + " is disabled and gets no token.");
        }
        return List.of(new AccessTokenIssued(id, tokenId, label));
    }

    List<UserEvent> revokeToken(String tokenId) {
        requireRegistered();
        if (!tokens.containsKey(tokenId)) {
            throw new NotFound("No token '" + tokenId + "' of user " + id + ".");
        }
        return List.of(new AccessTokenRevoked(id, tokenId));
    }

    /**
     * A disabled person's tokens die with the disabling, for good: whoever disables someone whose token leaked
     * expects it gone, not asleep until they are enabled again. Recorded as revocations, so the audit log shows them.
     */
    private List<UserEvent> revokeAllTokens() {
        return tokens.keySet().stream().map(tokenId -> (UserEvent) new AccessTokenRevoked(id, tokenId)).toList();
    }

    private void requireRegistered() {
        if (!registered()) {
            throw new NotFound("No such user.");
        }
    }

    private static void requireUnit(Role role, String unit) {
        if (unit == null && role.actsForUnit()) {
            throw new RuleBroken("unit-required", "A user with the role " + role + " acts for a unit: give the unit.");
        }
    }

    /** Nobody could manage users any more: the last enabled administrator stays one. */
    private void keepAnAdmin(long enabledAdmins) {
        if (role == Role.ADMIN && enabled && enabledAdmins <= 1) {
            throw new StateConflict("last-admin",
                    "This is the last enabled administrator; make another administrator first.");
        }
    }

    // ---- state ----

    /** Assigns what the event says; {@code at} and {@code by} are when and by whom it was recorded. */
    void apply(UserEvent event, long sequence, Instant at, String by) {
        version = sequence;
        if (event instanceof UserRegistered e) {
            id = e.userId();
            name = e.name();
            unit = e.unit();
            role = e.role();
            enabled = true;
            roleSince = at;
            roleGrantedBy = by;
        } else if (event instanceof UserRoleChanged e) {
            role = e.to();
            roleSince = at;
            roleGrantedBy = by;
        } else if (event instanceof UserUnitChanged e) {
            unit = e.to();
        } else if (event instanceof ApprovalLevelGranted e) {
            levels.add(e.level());
        } else if (event instanceof ApprovalLevelWithdrawn e) {
            levels.remove(e.level());
        } else if (event instanceof UserDisabled) {
            enabled = false;
        } else if (event instanceof UserEnabled) {
            enabled = true;
        } else if (event instanceof AccessTokenIssued e) {
            tokens.put(e.tokenId(), e.label());
        } else if (event instanceof AccessTokenRevoked e) {
            tokens.remove(e.tokenId());
        }
        // PasswordReset changes nothing here: the hash is kept with the user (UserStore), not in the event.
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String unit() {
        return unit;
    }

    Role role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }

    List<String> levels() {
        return new ArrayList<>(levels);
    }

    Instant roleSince() {
        return roleSince;
    }

    String roleGrantedBy() {
        return roleGrantedBy;
    }

    boolean holdsToken(String tokenId) {
        return tokens.containsKey(tokenId);
    }

    long version() {
        return version;
    }
}
