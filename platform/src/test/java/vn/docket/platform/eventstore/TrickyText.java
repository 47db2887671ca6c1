package vn.docket.platform.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Text that tends to come out of storage different from how it went in: combining marks, Vietnamese typed
 * decomposed (NFD), emoji and other characters outside the BMP, U+FFFD, byte-order marks, noncharacters,
 * NUL, and halves of surrogate pairs alone (which JSON can carry as escapes, and UTF-8 cannot).
 */
public final class TrickyText {

    private static final List<String> FIXED = List.of(
            "Báo cáo quý II", "Ba\u0301o ca\u0301o quy\u0301 II", "Vie\u0302\u0323t Nam", "e\u0301\u0301\u0301 a\u0323\u0309",
            "\uD83D\uDE00 emoji", "gia đình \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD834\uDD1E G clef",
            "\uDBFF\uDFFF last code point", "\uFFFD replacement", "\uFEFF bom", "\uFFFE\uFFFF noncharacters",
            "nul \u0000 inside", "\u202Eright to left\u202C", "line\u2028separator", "tab\tnew\nline", "quote \" back \\ slash",
            "$set {\"a\": 1} .dot", "lone \uD800 title", "low \uDC00 alone", "ends high \uD83D", "\uDE00 starts low",
            "reversed \uDE00\uD83D pair", "two highs \uD83D\uD83D\uDE00");

    /** Code points to build random text from, each group one kind of trouble. */
    private static final int[][] POOLS = {
            {'a', 'Z', ' ', '-', '"', '\\', '/', '#', '$', '.'},
            {'đ', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'ạ', 'ả', 'ế', 'ồ', 'ữ', 'ỵ'},
            {0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B},
            {0x1F600, 0x1F468, 0x200D, 0x1F1FB, 0x1F1F3, 0x1D11E, 0x10FFFF, 0x20000},
            {0xFFFD, 0xFEFF, 0xFFFE, 0xFFFF, 0x0000, 0x200B, 0x2028, 0x202E},
            {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00},
    };

    private TrickyText() {
    }

    /** The fixed cases, then random mixtures (same seed, same texts) up to {@code count}. */
    public static List<String> samples(int count) {
        List<String> texts = new ArrayList<>(FIXED);
        Random random = new Random(18);
        while (texts.size() < count) {
            StringBuilder text = new StringBuilder();
            for (int i = 1 + random.nextInt(12); i > 0; i--) {
                int[] pool = POOLS[random.nextInt(POOLS.length)];
                text.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** The text as the inside of a JSON string, everything outside printable ASCII escaped as \\uXXXX. */
    public static String escaped(String text) {
        StringBuilder json = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                json.append(c);
            } else {
                json.append(String.format("\\u%04x", (int) c));
            }
        }
        return json.toString();
    }
}
