package vn.docket.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What bcrypt costs is a setting: new passwords are hashed at it, and hashes made at another cost still sign in. */
class PasswordCostTest {

    @Test
    void passwords_are_hashed_at_cost_ten_unless_the_setting_says_otherwise() {
        int cost = new SecuritySettings(List.of(), false, null).passwordCost();
        assertThat(cost).isEqualTo(10);
        assertThat(new NfcPasswordEncoder(cost).encode("mật khẩu dài đủ")).startsWith("$2a$10$");
        assertThat(new NfcPasswordEncoder(new SecuritySettings(List.of(), false, 12).passwordCost())
                .encode("mật khẩu dài đủ")).startsWith("$2a$12$");
    }

    @Test
    void a_hash_made_at_the_earlier_cost_still_signs_in_after_the_cost_changed() {
        String kept = new NfcPasswordEncoder(10).encode("mật khẩu cũ");
        NfcPasswordEncoder now = new NfcPasswordEncoder(4);
        assertThat(now.matches("mật khẩu cũ", kept)).isTrue();
        assertThat(now.matches("mật khẩu mới", kept)).isFalse();
    }

    @Test
    void a_cost_outside_what_bcrypt_allows_is_refused_naming_the_setting() {
        for (int cost : new int[] {3, 32}) {
            assertThatThrownBy(() -> new SecuritySettings(List.of(), false, cost))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("docket.security.password-cost must be between 4 and 31 (bcrypt's bounds), not " + cost);
        }
    }
}
