package vn.docket.command.notice.reading;

import java.text.Normalizer;

/**
 * Folds Vietnamese text to lowercase letters without diacritics, one char for one char, so that a
 * match found in the folded text has the same offsets in the original. Folding makes matching
 * indifferent to case and to the two tone-mark placements in use ("hóa"/"hoá", "ủy"/"uỷ").
 * Only for names and fixed phrases: folding merges words such as "cần" and "căn".
 */
final class Fold {

    private Fold() {
    }

    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(foldChar(text.charAt(i)));
        }
        return out.toString();
    }

    static char foldChar(char c) {
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        switch (c) {
            case 'đ', 'Đ':
                return 'd';
            case '–', '—', '‑', '−':
                return '-';
            case '“', '”', '„':
                return '"';
            case '‘', '’':
                return '\'';
            default:
                break;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        if (Character.getType(base) == Character.NON_SPACING_MARK) {
            return ' ';
        }
        return Character.toLowerCase(base);
    }
}
