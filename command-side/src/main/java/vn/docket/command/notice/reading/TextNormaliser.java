package vn.docket.command.notice.reading;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns extracted text into NFC paragraphs, one per line, and mends the line breaks that office
 * conversions leave in the middle of sentences.
 */
final class TextNormaliser {

    /**
     * Misspellings seen in real notices that are not Vietnamese words at all, so correcting them
     * cannot change a correct text; keywords and titles then read as intended.
     */
    private static final Map<Pattern, String> TYPOS = Map.of(
            Pattern.compile("(?iuU)\\bnhệm vụ"), "nhiệm vụ",
            Pattern.compile("(?iuU)\\bnhiêm vụ"), "nhiệm vụ");

    private static final Pattern LIST_MARKER = Pattern.compile(
            "^(\\d{1,2}(\\.\\d{1,2})*[.)]|[IVXLC]{1,6}[.)]|[a-zđ]\\)|[-+•*–—])(\\s|$).*");
    private static final Pattern COLUMNS = Pattern.compile("\\s*\\|\\s*| {4,}");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.:;!?]$");

    private TextNormaliser() {
    }

    /**
     * @param visualLines true when lines are visual lines of a page (PDF), where a full-width
     *                    line continues on the next one even if that starts with a capital.
     */
    static String normalise(String raw, boolean visualLines) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace("\uFEFF", "")
                .replaceAll("[\u200B\u200C\u200D\u00AD]", "")
                .replace('\u00A0', ' ')
                .replace('\t', ' ')
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u2028', '\n')
                .replace('\u2029', '\n')
                .replace('\f', '\n');
        // Combining marks NFC could not attach are debris of broken conversions; drop them so
        // every char stays one letter (Fold relies on that).
        text = text.replaceAll("\\p{Mn}", "");
        for (Map.Entry<Pattern, String> typo : TYPOS.entrySet()) {
            text = typo.getKey().matcher(text).replaceAll(typo.getValue());
        }
        // Web copies lose spaces between words ("Bộ Kếhoạch và Đầu tư"): put them back before anything reads words.
        text = Syllables.mend(text);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            // Cells of a header table side by side ("BỘ X | CỘNG HÒA ...", or columns kept apart by
            // spaces) are separate lines: the issuer is one cell, the national motto another.
            for (String cell : COLUMNS.split(line.strip())) {
                String trimmed = cell.replaceAll(" {2,}", " ").strip();
                if (!trimmed.isEmpty()) {
                    lines.add(trimmed);
                }
            }
        }
        return String.join("\n", joinBrokenLines(lines, visualLines));
    }

    private static List<String> joinBrokenLines(List<String> lines, boolean visualLines) {
        // A text file saved from a page layout (a .docx or .pdf copied as text) breaks its sentences at
        // the page width like a PDF does: read its lines as visual lines too.
        int fullWidth = visualLines || hardWrapped(lines) ? typicalFullWidth(lines) : Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (!out.isEmpty()) {
                String previous = out.get(out.size() - 1);
                if (continues(previous, line, fullWidth)) {
                    out.set(out.size() - 1, previous + " " + line);
                    continue;
                }
            }
            out.add(line);
        }
        return out;
    }

    /** A sentence broken by a line break: the previous line does not end it, and this line
     * starts in lowercase (or the previous line filled the page width). */
    private static boolean continues(String previous, String line, int fullWidth) {
        if (SENTENCE_END.matcher(previous).matches() || LIST_MARKER.matcher(line).matches()) {
            return false;
        }
        if (Character.isLowerCase(line.codePointAt(0))) {
            return true;
        }
        return previous.length() >= fullWidth && !isAllCaps(previous) && !isAllCaps(line);
    }

    /** True when several sentences run on into a next line that starts in lowercase: the lines are a page's. */
    private static boolean hardWrapped(List<String> lines) {
        int broken = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (continues(lines.get(i - 1), lines.get(i), Integer.MAX_VALUE)) {
                broken++;
            }
        }
        return broken >= 3;
    }

    /** No lowercase letter: a heading in capitals, or a line with no letter at all (a number, a rule). */
    static boolean isAllCaps(String line) {
        return line.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    private static int typicalFullWidth(List<String> lines) {
        int[] lengths = lines.stream().mapToInt(String::length).sorted().toArray();
        if (lengths.length < 5) {
            return Integer.MAX_VALUE;
        }
        return (int) (lengths[(int) (lengths.length * 0.9)] * 0.8);
    }
}
