package vn.docket.platform.web;

import java.io.ByteArrayOutputStream;

/** %XX escapes, as URLs (RFC 3986) and the file names of uploads (RFC 5987) carry them. */
public final class PercentEncoding {

    private PercentEncoding() {
    }

    /**
     * The bytes {@code text} stands for from {@code from} on, or null at a '%' not followed by two hexadecimal
     * digits. Any other character is taken as one byte: whether it may stand there is the caller's rule.
     */
    public static byte[] decode(String text, int from) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
