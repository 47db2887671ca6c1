package vn.docket.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the one hash Docket writes down: stored files are named by it, tokens are kept
 * only as it, the event chain and backups are checked with it. Every Java runtime has SHA-256, so its
 * absence is not a case the callers handle.
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** A fresh digest, for content that arrives piece by piece; {@link #finish} gives its hex. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] content) {
        return HEX.formatHex(digest().digest(content));
    }

    /** Of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code text} is a SHA-256 written in hex, either case, as a client may name one. */
    public static boolean isHex(String text) {
        return text != null && text.matches("(?i)[0-9a-f]{64}");
    }

    /** The hex of what was fed to {@code digest}, which starts over. */
    public static String finish(MessageDigest digest) {
        return HEX.formatHex(digest.digest());
    }
}
