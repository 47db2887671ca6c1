package vn.docket.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.docket.events.Role;

/**
 * Users configured for HTTP Basic sign-in. Passwords are stored only as bcrypt hashes.
 *
 * @param users        configured users
 * @param demoUsers    when true, the demo users (password "demo") are added and printed at start-up
 * @param passwordCost bcrypt's cost (log2 of its rounds) for the passwords set from now on; a stored hash keeps the
 *                     cost it was made with. 10 unless set: about 70 ms of CPU a hash here. The tests set 4 (the least
 *                     bcrypt allows): they sign in thousands of times and are not about the cost of guessing
 */
@ConfigurationProperties(prefix = "docket.security")
public record SecuritySettings(List<UserEntry> users, boolean demoUsers, Integer passwordCost) {

    private static final int DEFAULT_PASSWORD_COST = 10;

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
        passwordCost = passwordCost == null ? DEFAULT_PASSWORD_COST : passwordCost;
        if (passwordCost < 4 || passwordCost > 31) {
            throw new IllegalArgumentException("docket.security.password-cost must be between 4 and 31 (bcrypt's"
                    + " bounds), not " + passwordCost);
        }
    }

    public record UserEntry(String id, String name, String unit, Role role, String passwordHash) {
    }
}
