package vn.docket.platform.users;

import java.time.Instant;
import java.util.List;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.security.DocketUser;

/**
 * A user as the {@code users} collection keeps them: the state their events left, plus the bcrypt hash of
 * their password, which no event carries. {@link #toString()} leaves the hash out so it cannot reach a log.
 *
 * @param levels        approval levels granted to this person on top of what their role allows
 * @param roleSince     when they got their current role
 * @param roleGrantedBy who gave it to them (a name)
 * @param version       the sequence number of the last of their events this state reflects; -1 for none
 */
public record StoredUser(String id, String name, String unit, Role role, String passwordHash, boolean enabled,
                         List<String> levels, Instant createdAt, String createdBy, Instant changedAt,
                         String changedBy, Instant roleSince, String roleGrantedBy, long version) {

    public StoredUser {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public Actor actor() {
        return new Actor(id, name, unit, role);
    }

    DocketUser toDocketUser() {
        return new DocketUser(actor(), passwordHash);
    }

    @Override
    public String toString() {
        return "StoredUser[" + id + ", " + role + (enabled ? "" : ", disabled") + "]";
    }
}
