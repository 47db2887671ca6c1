package vn.docket.platform.security;

import java.text.Normalizer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over the password in Unicode NFC. "Mật khẩu" typed on one keyboard arrives composed and on
 * another (macOS, some Vietnamese input methods) decomposed: different bytes for the same letters.
 * Normalising both when the password is set and when it is checked lets either keyboard sign in.
 */
public final class NfcPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder();

    public static String normalized(CharSequence raw) {
        return raw == null ? null : Normalizer.normalize(raw, Normalizer.Form.NFC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(normalized(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bcrypt.matches(normalized(rawPassword), encodedPassword);
    }
}
