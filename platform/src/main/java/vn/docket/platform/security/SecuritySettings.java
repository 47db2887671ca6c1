package vn.docket.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.docket.events.Role;

/**
 * Users configured for HTTP Basic sign-in. Passwords are stored only as bcrypt hashes.
 *
 * @param users     configured users
 * @param demoUsers when true, the demo users (password "demo") are added and printed at start-up
 */
@ConfigurationProperties(prefix = "docket.security")
public record SecuritySettings(List<UserEntry> users, boolean demoUsers) {

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record UserEntry(String id, String name, String unit, Role role, String passwordHash) {
    }
}
