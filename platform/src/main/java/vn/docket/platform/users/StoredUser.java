package vn.docket.platform.users;

import java.time.Instant;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.security.DocketUser;

/**
 * A person an administrator added to Docket's own database (collection {@code users}). Only the bcrypt
 * hash of the password is kept; {@link #toString()} leaves even that out so it cannot reach a log.
 */
public record StoredUser(String id, String name, String unit, Role role, String passwordHash, boolean enabled,
                         Instant createdAt, String createdBy, Instant changedAt, String changedBy) {

    public Actor actor() {
        return new Actor(id, name, unit, role);
    }

    DocketUser toDocketUser() {
        return new DocketUser(actor(), passwordHash);
    }

    StoredUser withPassword(String hash, Instant at, String by) {
        return new StoredUser(id, name, unit, role, hash, enabled, createdAt, createdBy, at, by);
    }

    StoredUser withEnabled(boolean on, Instant at, String by) {
        return new StoredUser(id, name, unit, role, passwordHash, on, createdAt, createdBy, at, by);
    }

    @Override
    public String toString() {
        return "StoredUser[" + id + ", " + role + (enabled ? "" : ", disabled") + "]";
    }
}
