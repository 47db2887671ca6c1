package vn.docket.command.draftfiles;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import vn.docket.platform.web.PercentEncoding;

/**
 * A part's header lines ("Name: value", the name in any case, the first line of a name counting, a line that starts
 * with a space or a tab continuing the one before) and what the hand-in reads from them. Where commons-fileupload
 * read these before, this reads them alike ({@code MultipartPartsFuzzTest}) but in three places where the library was
 * wrong: {@code filename*} (RFC 6266, RFC 5987) wins over {@code filename} in either order (the library took the
 * last one), a backslash escapes a quote or a backslash in a quoted string (the library kept the backslash, so the
 * name was then refused for it) and an ext-value that does not decode as UTF-8 or ISO-8859-1 is not used (the library
 * gave a name of replacement characters). The disposition's type is the word before the first {@code ;} (the library
took any that started with {@code form-data}). RFC 2047 encoded-words ({@code =?UTF-8?B?...?=}), which the library decoded
 * and RFC 7578 says not to send, are taken as they are.
 */
final class PartHeaders {

    private final Map<String, String> headers;
    /** The Content-Disposition's parameters, read once. */
    private Map<String, String> disposition;

    private PartHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    /** The header lines of a part, up to the first empty line (the block ends with one). */
    static PartHeaders parse(String block) {
        Map<String, String> headers = new HashMap<>();
        int start = 0;
        int end;
        while ((end = block.indexOf("\r\n", start)) > start) {
            String line = block.substring(start, end);
            start = end + 2;
            while (start < block.length() && (block.charAt(start) == ' ' || block.charAt(start) == '\t')) {
                int from = start;
                while (block.charAt(from) == ' ' || block.charAt(from) == '\t') {
                    from++;
                }
                end = block.indexOf("\r\n", from);
                line = line + ' ' + block.substring(from, end);
                start = end + 2;
            }
            int colon = line.indexOf(':');
            if (colon >= 0) { // a line without one is not a header: left out
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ENGLISH), line.substring(colon + 1).trim());
            }
        }
        return new PartHeaders(headers);
    }

    private Map<String, String> disposition() {
        if (disposition == null) {
            String value = get("Content-Disposition");
            disposition = value == null ? Map.of() : parameters(value, ';');
        }
        return disposition;
    }

    /** The header's value, whatever the case of its name; null if the part has none. */
    String get(String name) {
        return headers.get(name.toLowerCase(Locale.ENGLISH));
    }

    /** The {@code name} of a {@code form-data} part; null for any other, or one without a name. */
    String fieldName() {
        if (!"form-data".equals(type(get("Content-Disposition")))) {
            return null;
        }
        String name = value(disposition(), "name");
        return name == null ? null : name.trim();
    }

    /**
     * The file name of a {@code form-data} or {@code attachment} part: null if it names none, empty if it names one
     * with no value or one that cannot be decoded (the hand-in then refuses the name).
     */
    String fileName() {
        String type = type(get("Content-Disposition"));
        if (!"form-data".equals(type) && !"attachment".equals(type)) {
            return null;
        }
        Map<String, String> parameters = disposition();
        if (!parameters.containsKey("filename") && !parameters.containsKey("filename*")) {
            return null;
        }
        String extended = parameters.get("filename*");
        String name = extended == null ? null : extValue(extended);
        if (name == null) {
            name = browserEscapesUndone(parameters.get("filename"));
        }
        return name == null ? "" : name.trim();
    }

    /**
     * A browser sends a file's name as it is, but for three characters the HTML standard has it write as
     * {@code %22}, {@code %0D} and {@code %0A} (a {@code "}, a carriage return and a line feed): read back, so that
     * {@code Báo cáo "Đề án".docx} keeps its quotes (and a name with a line break is refused for it). A name that
     * really holds {@code %22} cannot be told apart; it is far rarer than quotes in a title.
     */
    private static String browserEscapesUndone(String name) {
        return name == null || name.indexOf('%') < 0 ? name
                : name.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
    }

    /** The {@code boundary} a {@code multipart/...} Content-Type names, as bytes; null if none. */
    static byte[] boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        int comma = contentType.indexOf(',');
        // Parameters are split at whichever of the two comes first, as the library did (some clients used commas).
        char separator = comma >= 0 && (semicolon < 0 || comma < semicolon) ? ',' : ';';
        String boundary = value(parameters(contentType, separator), "boundary");
        return boundary == null ? null : boundary.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String type(String disposition) {
        if (disposition == null) {
            return null;
        }
        int semicolon = disposition.indexOf(';');
        return (semicolon < 0 ? disposition : disposition.substring(0, semicolon)).strip().toLowerCase(Locale.ENGLISH);
    }

    /** A parameter's value: its RFC 5987 form ({@code name*}) if that decodes, else its plain one; null if neither. */
    private static String value(Map<String, String> parameters, String name) {
        String extended = parameters.get(name + "*");
        String decoded = extended == null ? null : extValue(extended);
        return decoded != null ? decoded : parameters.get(name);
    }

    /**
     * {@code name=value} pairs, names lower-cased, the last of a name counting; a name alone has a null value. A value
     * runs to the next separator outside double quotes; a quoted one loses its quotes and its escapes.
     */
    static Map<String, String> parameters(String text, char separator) {
        Map<String, String> parameters = new HashMap<>();
        int length = text.length();
        int at = 0;
        while (at < length) {
            int start = at;
            while (at < length && text.charAt(at) != '=' && text.charAt(at) != separator) {
                at++;
            }
            String name = text.substring(start, at).strip();
            String value = null;
            if (at < length && text.charAt(at) == '=') {
                start = ++at;
                boolean quoted = false;
                boolean escaped = false;
                while (at < length && (quoted || text.charAt(at) != separator)) {
                    char c = text.charAt(at++);
                    if (c == '"' && !escaped) {
                        quoted = !quoted;
                    }
                    escaped = !escaped && c == '\\';
                }
                value = unquoted(text.substring(start, at).strip());
            }
            at++; // the separator, or past the end
            if (!name.isEmpty()) {
                parameters.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        return parameters;
    }

    /**
     * Without its quotes, {@code \"} and {@code \\} read as the character escaped; another backslash stays, as old
     * browsers sent a full Windows path unescaped. Null if nothing is left.
     */
    private static String unquoted(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            String inner = value.substring(1, value.length() - 1);
            StringBuilder out = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length() && (inner.charAt(i + 1) == '"' || inner.charAt(i + 1) == '\\')) {
                    c = inner.charAt(++i);
                }
                out.append(c);
            }
            value = out.toString();
        }
        return value.isEmpty() ? null : value;
    }

    /** An RFC 5987 ext-value ({@code UTF-8''D%E1%BB%B1}, or ISO-8859-1), decoded; null if it is not one. */
    private static String extValue(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset = switch (value.substring(0, first).strip().toUpperCase(Locale.ROOT)) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "ISO-8859-1" -> StandardCharsets.ISO_8859_1;
            default -> null;
        };
        if (charset == null) {
            return null;
        }
        // Only visible ASCII may be sent as it is.
        byte[] bytes = value.chars().skip(second + 1).allMatch(c -> c > 0x20 && c < 0x7f)
                ? PercentEncoding.decode(value, second + 1) : null;
        if (bytes == null) {
            return null;
        }
        try {
            return charset.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
