package vn.docket.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class NfcPasswordEncoderTest {

    /** bcrypt at its lowest cost, counting the checks it really makes. */
    static final class CountingBcrypt implements PasswordEncoder {
        final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    final CountingBcrypt bcrypt = new CountingBcrypt();
    final NfcPasswordEncoder encoder = new NfcPasswordEncoder(bcrypt);

    @Test
    void a_password_typed_composed_or_decomposed_is_the_same_password() {
        String stored = encoder.encode("Mật khẩu 2021");
        assertThat(encoder.matches(Normalizer.normalize("Mật khẩu 2021", Normalizer.Form.NFD), stored)).isTrue();
    }

    @Test
    void a_password_checked_once_is_not_run_through_bcrypt_again_on_the_next_request() {
        String stored = encoder.encode("demo-password");
        assertThat(encoder.matches("demo-password", stored)).isTrue();
        assertThat(encoder.matches("demo-password", stored)).isTrue();
        assertThat(encoder.matches("demo-password", stored)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void a_wrong_password_is_never_remembered_and_costs_a_full_check_every_time() {
        String stored = encoder.encode("demo-password");
        assertThat(encoder.matches("guess", stored)).isFalse();
        assertThat(encoder.matches("guess", stored)).isFalse();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void after_a_password_change_the_old_password_is_checked_against_the_new_hash_and_refused() {
        String before = encoder.encode("old-password");
        assertThat(encoder.matches("old-password", before)).isTrue();
        String after = encoder.encode("new-password");
        assertThat(encoder.matches("old-password", after)).isFalse();
        assertThat(encoder.matches("new-password", after)).isTrue();
        assertThat(bcrypt.checks).hasValue(3);
    }
}
