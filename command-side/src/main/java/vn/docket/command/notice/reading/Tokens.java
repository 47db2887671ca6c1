package vn.docket.command.notice.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into folded word tokens and single-char punctuation tokens, each keeping its
 * offsets in the original. "và", "-", "–" and "&" all become the token "&": notices join the parts
 * of one unit name with any of them ("Tài chính - Kế hoạch", "Văn hóa và Thông tin", "GD&ĐT").
 */
final class Tokens {

    static final String AND = "&";

    record Token(String key, int start, int end) {
        boolean isWord() {
            return Character.isLetterOrDigit(key.charAt(0));
        }
    }

    private Tokens() {
    }

    static List<Token> of(String text) {
        String folded = Fold.fold(text);
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < folded.length() && Character.isLetterOrDigit(folded.charAt(i))) {
                    i++;
                }
                String word = folded.substring(start, i);
                tokens.add(new Token(word.equals("va") ? AND : word, start, i));
            } else {
                if (c == '-' || c == '&') {
                    tokens.add(new Token(AND, i, i + 1));
                } else if (!Character.isWhitespace(c)) {
                    tokens.add(new Token(String.valueOf(c), i, i + 1));
                }
                i++;
            }
        }
        return tokens;
    }

    /** The words of a name as a matching key: punctuation other than the joiner dropped. */
    static List<String> key(String name) {
        List<String> key = new ArrayList<>();
        for (Token t : of(name)) {
            if (t.isWord() || t.key().equals(AND)) {
                key.add(t.key());
            }
        }
        return key;
    }

    /** The text of tokens {@code from} to {@code toExclusive}, as written. */
    static String slice(String text, List<Token> tokens, int from, int toExclusive) {
        return text.substring(tokens.get(from).start(), tokens.get(toExclusive - 1).end());
    }

    /** The word of token {@code i} as written, or "" outside the tokens. */
    static String wordAt(String text, List<Token> tokens, int i) {
        if (i < 0 || i >= tokens.size()) {
            return "";
        }
        Token t = tokens.get(i);
        return text.substring(t.start(), t.end());
    }
}
