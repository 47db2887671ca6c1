package vn.docket.platform;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Vietnamese text arrives composed or decomposed depending on the keyboard and the file it came from;
 * Docket stores and compares everything in NFC, trimmed, so that "Phòng" typed two ways is one unit.
 */
public final class Text {

    private static final DateTimeFormatter OFFICE_DATE = DateTimeFormatter.ofPattern("d/M/yyyy");

    private Text() {
    }

    /** A date as the office writes it in a message, a warning or a refusal: 25/4/2021. */
    public static String date(LocalDate day) {
        return OFFICE_DATE.format(day);
    }

    /**
     * NFC, trimmed, runs of white space folded to one space; null or blank becomes null. Blank is nothing to see:
     * spaces of any kind and invisible format characters (a zero-width space, a byte-order mark) pasted alone.
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("[\\s\\u00A0]+", " ").strip();
        return n.codePoints().allMatch(Text::invisible) ? null : n;
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** Each entry cleaned; blank entries dropped; a null list becomes empty. */
    public static List<String> clean(List<String> list) {
        return list == null ? List.of() : list.stream().map(Text::clean).filter(Objects::nonNull).toList();
    }

    /** Lower case without tone marks, so that "ke hoach" finds "Kế hoạch" and "lan" finds "Nguyễn Thị Lan". */
    public static String folded(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isBlank(String s) {
        return clean(s) == null;
    }
}
