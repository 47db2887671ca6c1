package vn.docket.command.notice.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts back the spaces web copies lose between words ("Bộ Kếhoạch và Đầu tư", "thờihạn 07 ngày",
 * "tháng8 năm 2026"). The known syllables are data: every word of the directory files and of
 * {@code words.json}, whose list {@code syllables} adds the common words of official letters.
 * A Vietnamese syllable has a single group of vowels, so a word with two groups of vowels and a
 * diacritic (foreign words and codes have none) is two words run together when it splits one way
 * only into known syllables.
 */
final class Syllables {

    private static final List<String> FILES = List.of("/notice/words.json", "/notice/units.json", "/notice/country.json", "/notice/places.json");
    /** Onset, one vowel group, final consonants: the shape of a syllable, on folded letters. */
    private static final Pattern SHAPE = Pattern.compile("^[b-df-hj-np-tv-xz]{0,3}[aeiouy]{1,3}[b-df-hj-np-tv-xz]{0,2}$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern LETTERS_DIGITS = Pattern.compile("^(\\p{L}+)(\\p{N}+)$|^(\\p{N}+)(\\p{L}+)$");
    private static final Set<String> KNOWN = load();

    private Syllables() {
    }

    /** {@code line} with the spaces put back between words run together. */
    static String mend(String line) {
        Matcher m = WORD.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mendWord(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String mendWord(String word) {
        Matcher mixed = LETTERS_DIGITS.matcher(word);
        if (mixed.matches()) {
            // "tháng8", "07ngày": a number stuck to a word; codes ("QĐ12", "km2") are no known word.
            String letters = mixed.group(1) != null ? mixed.group(1) : mixed.group(4);
            if (letters.length() >= 2 && isKnown(letters)) {
                return mixed.group(1) != null ? mixed.group(1) + " " + mixed.group(2) : mixed.group(3) + " " + mixed.group(4);
            }
            return word;
        }
        if (word.length() < 4 || vowelGroups(word) < 2 || word.chars().allMatch(c -> c < 0x80) || isKnown(word)
                || word.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)) {
            return word;
        }
        List<Integer> cuts = onlySplit(word.toLowerCase(Locale.ROOT));
        if (cuts == null) {
            return word;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int cut : cuts) {
            out.append(word, from, cut).append(' ');
            from = cut;
        }
        return out.append(word.substring(from)).toString();
    }

    /** Where {@code lower} splits into known syllables, if it does in exactly one way; else null. */
    private static List<Integer> onlySplit(String lower) {
        List<List<Integer>> found = new ArrayList<>();
        split(lower, 0, new ArrayList<>(), found);
        return found.size() == 1 ? found.get(0) : null;
    }

    private static void split(String lower, int from, List<Integer> cuts, List<List<Integer>> found) {
        if (found.size() > 1) {
            return;
        }
        for (int to = from + 1; to <= lower.length(); to++) {
            if (!KNOWN.contains(lower.substring(from, to))) {
                continue;
            }
            if (to == lower.length()) {
                if (!cuts.isEmpty()) {
                    found.add(List.copyOf(cuts));
                }
            } else {
                cuts.add(to);
                split(lower, to, cuts, found);
                cuts.remove(cuts.size() - 1);
            }
        }
    }

    private static boolean isKnown(String word) {
        return KNOWN.contains(word.toLowerCase(Locale.ROOT));
    }

    private static int vowelGroups(String word) {
        int groups = 0;
        boolean inVowels = false;
        for (int i = 0; i < word.length(); i++) {
            boolean vowel = "aeiouy".indexOf(Fold.foldChar(word.charAt(i))) >= 0;
            if (vowel && !inVowels) {
                groups++;
            }
            inVowels = vowel;
        }
        return groups;
    }

    private static Set<String> load() {
        Set<String> known = new HashSet<>();
        for (String file : FILES) {
            try (InputStream in = Syllables.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file.substring(1) + " is missing from the classpath");
                }
                Matcher m = WORD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    String word = m.group().toLowerCase(Locale.ROOT);
                    if (SHAPE.matcher(Fold.fold(word)).matches() && word.chars().noneMatch(Character::isDigit)) {
                        known.add(word);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(known);
    }
}
