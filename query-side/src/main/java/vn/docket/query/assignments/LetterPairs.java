package vn.docket.query.assignments;

/**
 * A 64-bit signature of the letter pairs in a text: one bit (of 64, by a hash) for each two adjacent characters
 * that are not white space. A word contained in a text has all its pairs in the text, so its bits are all in the
 * text's signature; the search tests that with one AND and reads the text (String.contains) only when it holds,
 * which at 50,000 assignments skips most of them. The converse does not hold (pairs from elsewhere in the text,
 * or another pair on the same bit), so a signature only ever rules out: the search still reads the text.
 */
final class LetterPairs {

    private LetterPairs() {
    }

    /**
     * The signature of {@code text}. Pairs with white space are left out: the search splits what is typed at white
     * space, so no word it looks for holds one, and leaving them out keeps the signature's bits for pairs a word can have.
     */
    static long of(String text) {
        long bits = 0;
        for (int i = 1; i < text.length(); i++) {
            char first = text.charAt(i - 1);
            char second = text.charAt(i);
            if (!space(first) && !space(second)) {
                bits |= 1L << ((first * 31 + second) * 0x9E3779B9 >>> 26);
            }
        }
        return bits;
    }

    /** Whether every pair of {@code word}'s signature may be in the text of {@code text}'s signature. */
    static boolean mayContain(long text, long word) {
        return (text & word) == word;
    }

    /** White space as the search's split ("\\s+") sees it. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
