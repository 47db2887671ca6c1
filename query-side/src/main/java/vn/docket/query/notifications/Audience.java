package vn.docket.query.notifications;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import vn.docket.events.Role;

/** Who a notification is for: everyone acting for a unit, or everyone in a role. Stored as plain strings. */
final class Audience {

    private Audience() {
    }

    static String unit(String unit) {
        return "unit:" + Normalizer.normalize(unit, Normalizer.Form.NFC);
    }

    static String role(Role role) {
        return "role:" + role.name();
    }

    /** The chair and vice-chairs as {@link Role#isLeader()} says, sorted: the order notifications were always stored in. */
    static final List<String> LEADERS = Arrays.stream(Role.values()).filter(Role::isLeader).map(Audience::role).sorted().toList();
}
