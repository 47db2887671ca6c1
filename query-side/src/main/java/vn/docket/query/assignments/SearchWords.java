package vn.docket.query.assignments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list's search as an inverted index: each distinct word of the assignments' search words (their folded
 * {@code words}, split at white space as what is typed is) with the index places ({@code slot}) of the assignments
 * that hold it, and each pair of adjacent letters with the words that hold it. A word typed is found in a word of the
 * vocabulary that contains it ("hoach" in "hoach", "311/tb" in "311/tb-ubnd"); since it holds no white space, that
 * is exactly where {@code words.contains(typed)} finds it, so the search finds what a scan of every assignment's
 * words finds ({@code ListSearchTest}).
 *
 * <p>Why: the scan read every assignment's words that might hold the words typed, and a common word is held by
 * thousands (at 50,000 assignments "kế hoạch chuyển đổi" is in 4,904 of them: 7.2-7.8 ms of CPU a request over HTTP,
 * against 3.1-3.4 at 1,000; bench/README.md, "The search by a vocabulary"). Here a typed word reads the vocabulary's
 * words sharing its rarest letter pair, then the places of those that contain it, a few nanoseconds each, into a bit
 * set the list's pass tests by place.
 *
 * <p>Not thread-safe: {@link AssignmentIndex} changes it under its write lock and reads it under its read lock. A
 * word no assignment holds any longer stays in the vocabulary with no places: it finds nothing.
 */
final class SearchWords {

    /** A word of the vocabulary and the places holding it, in ascending order. */
    private static final class Word {
        final String text;
        int[] slots = new int[2];
        int size;

        Word(String text) {
            this.text = text;
        }

        void add(int slot) {
            int at = Arrays.binarySearch(slots, 0, size, slot);
            if (at >= 0) {
                return;
            }
            at = -at - 1;
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
            }
            System.arraycopy(slots, at, slots, at + 1, size - at);
            slots[at] = slot;
            size++;
        }

        void remove(int slot) {
            int at = Arrays.binarySearch(slots, 0, size, slot);
            if (at >= 0) {
                System.arraycopy(slots, at + 1, slots, at, size - at - 1);
                size--;
            }
        }
    }

    private final Map<String, Word> vocabulary = new HashMap<>();
    /** By a pair of adjacent letters ({@link #pair}), the words of the vocabulary holding it, each once. */
    private final Map<Integer, List<Word>> byPair = new HashMap<>();

    /** The place {@code slot} holds the words of {@code words} (folded search words). */
    void add(int slot, String words) {
        for (String text : distinct(words)) {
            Word word = vocabulary.get(text);
            if (word == null) {
                word = new Word(text);
                vocabulary.put(text, word);
                for (int pair : pairs(text)) {
                    byPair.computeIfAbsent(pair, p -> new ArrayList<>()).add(word);
                }
            }
            word.add(slot);
        }
    }

    /** The place {@code slot} no longer holds the words of {@code words}. */
    void remove(int slot, String words) {
        for (String text : distinct(words)) {
            Word word = vocabulary.get(text);
            if (word != null) {
                word.remove(slot);
            }
        }
    }

    /**
     * The places holding every word typed (folded, not empty, without white space), as a bit set by place: bit
     * {@code slot % 64} of {@code [slot / 64]}; {@code slots} is the number of places there are.
     *
     * <p>It runs under the index's read lock, which holds the index's writer back: each word is looked up once, the
     * longer words first (a word of one letter reads the whole vocabulary, a longer one the words sharing its rarest
     * pair), and once no place is left the words after are not looked up. A query of a thousand one-letter words
     * otherwise held the lock for half a second (review of 07/12/2026).
     */
    long[] holdingAll(List<String> typed, int slots) {
        List<String> words = typed.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        long[] found = null;
        for (String text : words) {
            if (found != null && none(found)) {
                break;
            }
            long[] holding = new long[(slots + 63) / 64];
            for (Word word : candidates(text)) {
                if (word.size > 0 && word.text.contains(text)) {
                    for (int i = 0; i < word.size; i++) {
                        int slot = word.slots[i];
                        holding[slot >>> 6] |= 1L << slot;
                    }
                }
            }
            if (found == null) {
                found = holding;
            } else {
                for (int i = 0; i < found.length; i++) {
                    found[i] &= holding[i];
                }
            }
        }
        return found == null ? new long[(slots + 63) / 64] : found;
    }

    private static boolean none(long[] bits) {
        for (long b : bits) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The words of the vocabulary that may contain {@code text}: those holding its rarest pair; all for one letter. */
    private Iterable<Word> candidates(String text) {
        if (text.length() < 2) {
            return vocabulary.values();
        }
        List<Word> rarest = null;
        for (int pair : pairs(text)) {
            List<Word> holding = byPair.get(pair);
            if (holding == null) {
                return List.of();
            }
            if (rarest == null || holding.size() < rarest.size()) {
                rarest = holding;
            }
        }
        return rarest;
    }

    private static Set<Integer> pairs(String text) {
        Set<Integer> pairs = new LinkedHashSet<>();
        for (int i = 1; i < text.length(); i++) {
            pairs.add(pair(text.charAt(i - 1), text.charAt(i)));
        }
        return pairs;
    }

    private static int pair(char first, char second) {
        return first << 16 | second;
    }

    /** The words of {@code words}, split at white space as the search splits what is typed ("\\s+"), each once. */
    private static Set<String> distinct(String words) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String text : words.split("\\s+")) {
            if (!text.isEmpty()) {
                distinct.add(text);
            }
        }
        return distinct;
    }
}
