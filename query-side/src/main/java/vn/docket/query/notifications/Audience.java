package vn.docket.query.notifications;

import java.text.Normalizer;
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
}
