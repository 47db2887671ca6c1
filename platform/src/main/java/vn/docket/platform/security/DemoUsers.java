package vn.docket.platform.security;

import java.util.List;
import vn.docket.events.Role;

/** The people of the demo set-up; every one signs in with the password "demo". */
public final class DemoUsers {

    public static final String PASSWORD = "demo";

    private DemoUsers() {
    }

    /** The demo person with this user id, as recorded on what they do. */
    public static vn.docket.events.Actor actor(String id) {
        return all().stream().filter(u -> u.id().equals(id)).findFirst()
                .map(u -> new vn.docket.events.Actor(u.id(), u.name(), u.unit(), u.role()))
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + id));
    }

    /** The demo user ids, for the sign-in page's hint. */
    public static List<String> ids() {
        return all().stream().map(SecuritySettings.UserEntry::id).toList();
    }

    /** The demo people, recorded as users at the first start of the demo set-up. */
    public static List<SecuritySettings.UserEntry> all() {
        return List.of(
                user("clerk", "Nguyễn Thị Lan", "Văn phòng HĐND và UBND thành phố", Role.CLERK),
                user("tckh", "Trần Văn Minh", "Phòng Tài chính - Kế hoạch", Role.UNIT_STAFF),
                user("qldt", "Lê Thị Hoa", "Phòng Quản lý đô thị", Role.UNIT_STAFF),
                user("pct", "Phạm Văn Đức", "Lãnh đạo UBND thành phố", Role.VICE_CHAIR),
                user("chair", "Hoàng Văn Nam", "Lãnh đạo UBND thành phố", Role.CHAIR),
                user("auditor", "Vũ Thị Mai", "Thanh tra thành phố", Role.AUDITOR),
                user("admin", "Quản trị hệ thống", null, Role.ADMIN));
    }

    private static SecuritySettings.UserEntry user(String id, String name, String unit, Role role) {
        return new SecuritySettings.UserEntry(id, name, unit, role, null);
    }
}
