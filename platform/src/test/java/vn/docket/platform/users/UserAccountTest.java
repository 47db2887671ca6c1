package vn.docket.platform.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docket.events.AccessTokenIssued;
import vn.docket.events.AccessTokenRevoked;
import vn.docket.events.ApprovalLevelGranted;
import vn.docket.events.ApprovalLevelWithdrawn;
import vn.docket.events.Role;
import vn.docket.events.UserDisabled;
import vn.docket.events.UserEvent;
import vn.docket.events.UserRegistered;
import vn.docket.events.UserRoleChanged;
import vn.docket.events.UserUnitChanged;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;

/** A user's authority as their events leave it, and the rules each change must keep: given events, when, then. */
class UserAccountTest {

    static final String OFFICE = "Văn phòng HĐND và UBND thành phố";
    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    static UserAccount given(UserEvent... history) {
        UserAccount account = new UserAccount();
        for (int i = 0; i < history.length; i++) {
            account.apply(history[i], i, T0.plusSeconds(i), "Quản trị hệ thống");
        }
        return account;
    }

    static UserRegistered admin(String id) {
        return new UserRegistered(id, "Quản trị " + id, null, Role.ADMIN, "admin");
    }

    static String ruleOf(Runnable decision) {
        try {
            decision.run();
        } catch (RuleBroken e) {
            return e.rule();
        } catch (StateConflict e) {
            return e.rule();
        }
        throw new AssertionError("the decision was not refused");
    }

    @Test
    void registering_records_who_the_person_is_and_a_taken_id_is_refused() {
        assertThat(given().register("lan", "Nguyễn Thị Lan", OFFICE, Role.CLERK, "admin"))
                .containsExactly(new UserRegistered("lan", "Nguyễn Thị Lan", OFFICE, Role.CLERK, "admin"));
        UserAccount lan = given(new UserRegistered("lan", "Nguyễn Thị Lan", OFFICE, Role.CLERK, "admin"));
        assertThat(ruleOf(() -> lan.register("lan", "Another", OFFICE, Role.CLERK, "admin"))).isEqualTo("user-exists");
    }

    @Test
    void a_clerk_or_unit_staff_without_a_unit_is_refused() {
        assertThat(ruleOf(() -> given().register("lan", "Lan", null, Role.UNIT_STAFF, "admin")))
                .isEqualTo("unit-required");
        UserAccount auditor = given(new UserRegistered("mai", "Vũ Thị Mai", null, Role.AUDITOR, "admin"));
        assertThat(ruleOf(() -> auditor.changeRole(Role.CLERK, 2))).isEqualTo("unit-required");
    }

    @Test
    void an_unknown_role_is_refused_naming_the_roles() {
        assertThatThrownBy(() -> UserAccounts.role("INSPECTOR")).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("CLERK").extracting(e -> ((RuleBroken) e).rule()).isEqualTo("invalid-role");
        assertThat(ruleOf(() -> UserAccounts.role("SYSTEM"))).isEqualTo("invalid-role");
    }

    @Test
    void the_last_enabled_admin_can_be_neither_disabled_nor_demoted() {
        UserAccount root = given(admin("root"));
        assertThat(ruleOf(() -> root.disable("other", 1))).isEqualTo("last-admin");
        assertThat(ruleOf(() -> root.changeRole(Role.AUDITOR, 1))).isEqualTo("last-admin");
        assertThat(root.disable("other", 2)).containsExactly(new UserDisabled("root"));
        assertThat(root.changeRole(Role.AUDITOR, 2)).containsExactly(new UserRoleChanged("root", Role.ADMIN, Role.AUDITOR));
    }

    @Test
    void an_admin_cannot_disable_themselves() {
        assertThat(ruleOf(() -> given(admin("root")).disable("root", 3))).isEqualTo("cannot-disable-yourself");
    }

    @Test
    void asking_for_what_already_holds_records_nothing() {
        UserAccount lan = given(new UserRegistered("lan", "Lan", OFFICE, Role.CLERK, "admin"),
                new ApprovalLevelGranted("lan", "Ban Thường vụ Thành ủy"));
        assertThat(lan.changeRole(Role.CLERK, 1)).isEmpty();
        assertThat(lan.changeUnit(OFFICE)).isEmpty();
        assertThat(lan.enable()).isEmpty();
        assertThat(lan.grantLevel("Ban Thường vụ Thành ủy")).isEmpty();
    }

    @Test
    void a_level_is_withdrawn_only_when_granted() {
        UserAccount pct = given(new UserRegistered("pct", "Phạm Văn Đức", "Lãnh đạo UBND thành phố", Role.VICE_CHAIR, "demo"),
                new ApprovalLevelGranted("pct", "Chủ tịch UBND thành phố"));
        assertThat(pct.withdrawLevel("Chủ tịch UBND thành phố"))
                .containsExactly(new ApprovalLevelWithdrawn("pct", "Chủ tịch UBND thành phố"));
        assertThat(ruleOf(() -> pct.withdrawLevel("HĐND tỉnh"))).isEqualTo("level-not-granted");
    }

    @Test
    void the_role_remembers_since_when_and_by_whom() {
        UserAccount pct = new UserAccount();
        pct.apply(new UserRegistered("pct", "Phạm Văn Đức", "Lãnh đạo UBND thành phố", Role.VICE_CHAIR, "demo"), 0, T0, "Docket");
        pct.apply(new UserUnitChanged("pct", "Lãnh đạo UBND thành phố", "Lãnh đạo UBND tỉnh"), 1, T0.plusSeconds(60), "Docket");
        pct.apply(new UserRoleChanged("pct", Role.VICE_CHAIR, Role.CHAIR), 2, T0.plusSeconds(3600), "Quản trị hệ thống");
        assertThat(pct.role()).isEqualTo(Role.CHAIR);
        assertThat(pct.roleSince()).isEqualTo(T0.plusSeconds(3600));
        assertThat(pct.roleGrantedBy()).isEqualTo("Quản trị hệ thống");
        assertThat(pct.version()).isEqualTo(2);
    }

    @Test
    void a_disabled_user_gets_no_token_and_only_an_issued_token_can_be_revoked() {
        UserAccount lan = given(new UserRegistered("lan", "Lan", OFFICE, Role.CLERK, "admin"),
                new AccessTokenIssued("lan", "t1", "báo cáo tháng"));
        assertThat(lan.revokeToken("t1")).containsExactly(new AccessTokenRevoked("lan", "t1"));
        assertThatThrownBy(() -> lan.revokeToken("t2")).isInstanceOf(NotFound.class);
        UserAccount gone = given(new UserRegistered("lan", "Lan", OFFICE, Role.CLERK, "admin"), new UserDisabled("lan"));
        assertThat(ruleOf(() -> gone.issueToken("t3", "x"))).isEqualTo("user-disabled");
    }

    @Test
    void a_user_nobody_registered_cannot_be_changed() {
        assertThatThrownBy(() -> given().disable("root", 2)).isInstanceOf(NotFound.class);
        assertThat(List.of(given().registered())).containsExactly(false);
    }
}
