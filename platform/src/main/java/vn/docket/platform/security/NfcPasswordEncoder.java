package vn.docket.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt over the password in Unicode NFC. "Mật khẩu" typed on one keyboard arrives composed and on
 * another (macOS, some Vietnamese input methods) decomposed: different bytes for the same letters.
 * Normalising both when the password is set and when it is checked lets either keyboard sign in.
 *
 * <p>A bcrypt check costs tens of milliseconds of CPU, on purpose, and HTTP Basic sends the password with
 * every request: an integration calling Docket got under 20 requests a second. So a check that succeeded is
 * remembered for a few minutes, in this process's memory only, as an HMAC (under a key made at start-up) of
 * the stored hash and the password, never the password itself. The stored hash is part of it, so a changed
 * password is checked afresh; a disabled user is refused before any password check. Failures are never
 * remembered: every wrong password costs a full bcrypt.
 */
public final class NfcPasswordEncoder implements PasswordEncoder {

    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    private final PasswordEncoder bcrypt;
    private final SecretKeySpec key;
    private final Map<String, Long> verifiedAt = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    /** @param cost bcrypt's cost for the hashes made here ({@link SecuritySettings#passwordCost()}) */
    public NfcPasswordEncoder(int cost) {
        this(new BCryptPasswordEncoder(cost));
    }

    NfcPasswordEncoder(PasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public static String normalized(CharSequence raw) {
        return raw == null ? null : Normalizer.normalize(raw, Normalizer.Form.NFC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(normalized(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        String password = normalized(rawPassword);
        if (password == null || encodedPassword == null) {
            return bcrypt.matches(password, encodedPassword);
        }
        String proof = proof(encodedPassword, password);
        long now = System.nanoTime();
        synchronized (verifiedAt) {
            Long at = verifiedAt.get(proof);
            if (at != null && now - at < REMEMBERED_FOR.toNanos()) {
                return true;
            }
        }
        boolean ok = bcrypt.matches(password, encodedPassword);
        if (ok) {
            synchronized (verifiedAt) {
                verifiedAt.put(proof, now);
            }
        }
        return ok;
    }

    private String proof(String encodedPassword, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
