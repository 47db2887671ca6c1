package vn.docket.platform.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.security.CurrentActor;
import vn.docket.platform.web.NotAllowed;
import vn.docket.platform.web.NotFound;

/** Users kept in Docket's database, managed by an administrator. Answers never carry a password hash. */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Administration")
class UserAdminController {

    private final UserAccounts accounts;
    private final UserStore store;

    UserAdminController(UserAccounts accounts, UserStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    /** A stored user as an administrator sees it: everything but the hash. */
    record UserView(String id, String name, String unit, Role role, boolean enabled, Instant createdAt,
                    String createdBy, Instant changedAt, String changedBy) {
        static UserView of(StoredUser u) {
            return new UserView(u.id(), u.name(), u.unit(), u.role(), u.enabled(), u.createdAt(), u.createdBy(),
                    u.changedAt(), u.changedBy());
        }
    }

    record PasswordChange(String password) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    @GetMapping
    @Operation(summary = "Users kept in Docket's database (configured users are in the configuration)")
    List<UserView> list() {
        admin();
        return accounts.list().stream().map(UserView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user kept in Docket's database")
    UserView one(@PathVariable String id) {
        admin();
        return store.find(id).map(UserView::of).orElseThrow(() -> new NotFound("No user with id '" + id + "'."));
    }

    @PostMapping
    @Operation(summary = "Add a user: id [a-z0-9._-]{2,40}, a password of at least 10 characters, a unit for "
            + "clerks and unit staff")
    ResponseEntity<UserView> add(@RequestBody NewUser request) {
        Actor admin = admin();
        StoredUser user = accounts.add(request, admin.id());
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.id())).body(UserView.of(user));
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Set a new password for a user")
    UserView password(@PathVariable String id, @RequestBody PasswordChange change) {
        Actor admin = admin();
        return UserView.of(accounts.changePassword(id, change.password(), admin.id()));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a user: they can no longer sign in; what they did stays on record")
    UserView disable(@PathVariable String id) {
        Actor admin = admin();
        return UserView.of(accounts.setEnabled(id, false, admin.id()));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Let a disabled user sign in again")
    UserView enable(@PathVariable String id) {
        Actor admin = admin();
        return UserView.of(accounts.setEnabled(id, true, admin.id()));
    }

    private static Actor admin() {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.ADMIN) {
            throw new NotAllowed("admins-only", "Only an administrator may manage users.");
        }
        return actor;
    }
}
