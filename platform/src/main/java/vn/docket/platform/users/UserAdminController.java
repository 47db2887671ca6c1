package vn.docket.platform.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.Actor;
import vn.docket.events.Role;
import vn.docket.platform.Text;
import vn.docket.platform.UnitAliases;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.security.CurrentActor;

/**
 * Users and their authority, managed by an administrator; every change is recorded as an event (see
 * {@link UserAccounts}). Answers never carry a password hash.
 */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Administration")
class UserAdminController {

    private final UserAccounts accounts;
    private final ApprovalLevels levels;
    /** A unit typed as "TC-KH" is kept under the directory's name, or the person would see none of its tasks. */
    private final UnitAliases units;

    UserAdminController(UserAccounts accounts, ApprovalLevels levels, ObjectProvider<UnitAliases> units) {
        this.accounts = accounts;
        this.levels = levels;
        this.units = units.getIfAvailable(() -> unit -> List.of());
    }

    /** A user as an administrator sees them: everything but the hash. */
    record UserView(String id, String name, String unit, Role role, boolean enabled, List<String> levels,
                    Instant createdAt, String createdBy, Instant changedAt, String changedBy, Instant roleSince,
                    String roleGrantedBy) {
        static UserView of(StoredUser u) {
            return new UserView(u.id(), u.name(), u.unit(), u.role(), u.enabled(), u.levels(), u.createdAt(),
                    u.createdBy(), u.changedAt(), u.changedBy(), u.roleSince(), u.roleGrantedBy());
        }
    }

    record PasswordChange(String password) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    record RoleChange(String role) {
    }

    record UnitChange(String unit) {
    }

    record LevelChange(String level) {
    }

    @GetMapping
    @Operation(summary = "Every user: configured, demo and added ones")
    List<UserView> list() {
        admin();
        return accounts.list().stream().map(UserView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user")
    UserView one(@PathVariable String id) {
        admin();
        return UserView.of(accounts.get(id));
    }

    @PostMapping
    @Operation(summary = "Add a user: id [a-z0-9._-]{2,40}, a password of at least 10 characters, a unit for "
            + "clerks and unit staff")
    ResponseEntity<UserView> add(@RequestBody NewUser request) {
        NewUser named = new NewUser(request.id(), request.name(), units.nameOf(request.unit()), request.role(),
                request.password());
        StoredUser user = accounts.add(named, "admin", admin());
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.id())).body(UserView.of(user));
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Set a new password for a user")
    UserView password(@PathVariable String id, @RequestBody PasswordChange change) {
        return UserView.of(accounts.changePassword(id, change.password(), admin()));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable a user: they can no longer sign in; what they did stays on record")
    UserView disable(@PathVariable String id) {
        return UserView.of(accounts.setEnabled(id, false, admin()));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Let a disabled user sign in again")
    UserView enable(@PathVariable String id) {
        return UserView.of(accounts.setEnabled(id, true, admin()));
    }

    @PostMapping("/{id}/role")
    @Operation(summary = "Give a user another role")
    UserView role(@PathVariable String id, @RequestBody RoleChange change) {
        return UserView.of(accounts.changeRole(id, change.role(), admin()));
    }

    @PostMapping("/{id}/unit")
    @Operation(summary = "Let a user act for another unit (none: null)")
    UserView unit(@PathVariable String id, @RequestBody UnitChange change) {
        return UserView.of(accounts.changeUnit(id, units.nameOf(change.unit()), admin()));
    }

    @PostMapping("/{id}/levels")
    @Operation(summary = "Grant a user an approval level")
    UserView grant(@PathVariable String id, @RequestBody LevelChange change) {
        Actor admin = admin();
        // A level no route names ("Chủ tịch UBND", typed short) would be recorded as authority that allows nothing.
        // Withdrawing stays open for any granted level, also one the configuration has dropped since.
        if (!Text.isBlank(change.level()) && !levels.isKnown(change.level())) {
            throw new RuleBroken("unknown-level", "'" + Text.clean(change.level()) + "' is not a configured approval"
                    + " level; choose one of " + levels.levels().stream().map(ApprovalLevels.Level::name).toList() + ".");
        }
        return UserView.of(accounts.grantLevel(id, change.level(), admin));
    }

    @PostMapping("/{id}/levels/withdraw")
    @Operation(summary = "Withdraw an approval level granted to a user")
    UserView withdraw(@PathVariable String id, @RequestBody LevelChange change) {
        return UserView.of(accounts.withdrawLevel(id, change.level(), admin()));
    }

    @GetMapping("/{id}/tokens")
    @Operation(summary = "A user's personal access tokens (never the tokens themselves)")
    List<AccessTokens.TokenView> tokens(@PathVariable String id) {
        admin();
        return accounts.tokens(id);
    }

    @PostMapping("/{id}/tokens/{tokenId}/revoke")
    @Operation(summary = "Revoke a user's token (a lost laptop, a person leaving): refused from the next request on")
    ResponseEntity<Void> revokeToken(@PathVariable String id, @PathVariable String tokenId) {
        accounts.revokeToken(id, tokenId, admin());
        return ResponseEntity.noContent().build();
    }

    private static Actor admin() {
        return CurrentActor.admin("manage users");
    }
}
