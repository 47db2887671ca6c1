package vn.docket.command.notice.reading;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import vn.docket.command.notice.reading.Tokens.Token;

import static vn.docket.command.notice.reading.Tokens.wordAt;

/**
 * Where the name of a unit ends in running text: at the verb that says what the unit does
 * ("giao Sở Ngoại vụ chủ trì"), at a level word ("... huyện"), or after a city suffix; not inside a
 * phrase of a name that holds such a verb ("Ban Quản lý dự án đầu tư xây dựng"). The words are data
 * in {@code /notice/words.json}: {@code verbsAfterUnit}, {@code namePhrases}, {@code levelWords},
 * {@code citySuffixes}.
 */
final class NameEnds {

    /**
     * Lowercase words that end a unit name in running text: the verb that follows the unit
     * ("giao Sở Ngoại vụ chủ trì"). Unit names use these words capitalised ("Phòng Quản lý đô thị").
     */
    private static final Set<String> VERBS = Words.list("verbsAfterUnit").stream().map(Words::spelling).collect(Collectors.toUnmodifiableSet());
    /** The longest verb: how much of the text after a name is put in {@link Words#spelling} to compare. */
    private static final int LONGEST_VERB = VERBS.stream().mapToInt(String::length).max().orElse(0);
    /** Phrases of unit names that hold a word of {@link #VERBS} ("đầu tư xây dựng"): there the name goes on. */
    private static final List<String> NAME_PHRASES = Words.list("namePhrases");
    /** Words naming a level of government; an unlisted unit's name ends with one ("... huyện"). */
    private static final Set<String> LEVEL_WORDS = Set.copyOf(Words.list("levelWords"));
    /** "thành phố", "TP" after a city unit's name ("Phòng Kinh tế TP"), as token keys, longest first. */
    static final List<List<String>> CITY_SUFFIXES = Words.list("citySuffixes").stream().map(Tokens::key).toList();

    /** What an actor must do ("phải", "có trách nhiệm"), longest first. */
    static final List<String> DUTY_WORDS = Words.list("dutyWords");
    /** Words that open a passive clause saying which bodies of a class are meant ("được phân công ..."). */
    private static final List<String> QUALIFIER_OPENERS = Words.list("qualifierOpeners");
    /** How many tokens a qualifying clause may run before its duty word. */
    private static final int LONGEST_QUALIFIER = 16;
    /** How much text after a token is put in {@link Words#spelling} to compare with a duty word or an opener. */
    private static final int LONGEST_PHRASE = 40;

    private NameEnds() {
    }

    /**
     * Where a group's qualifying clause ends, or -1: "UBND cấp xã mới được thành lập hoặc được mở rộng
     * có trách nhiệm ...", "các thành viên được phân công về địa bàn các thôn phải ...". A passive
     * clause at token {@code i} followed, in the same clause, by a duty word says which bodies are
     * meant; the name goes on to the duty word. Without one, "được" is the sentence's verb
     * ("các xã được hỗ trợ kinh phí").
     */
    static int qualifierEnd(String text, List<Token> tokens, int i) {
        if (!startsWithAny(text, tokens, i, QUALIFIER_OPENERS)) {
            return -1;
        }
        for (int k = i + 1; k < tokens.size() && k <= i + LONGEST_QUALIFIER; k++) {
            if (!tokens.get(k).isWord() && !tokens.get(k).key().equals(Tokens.AND)) {
                return -1;
            }
            if (startsWithAny(text, tokens, k, DUTY_WORDS)) {
                return k;
            }
        }
        return -1;
    }

    /** True when the words from token {@code i} start with one of {@code phrases}, as whole words in the same spelling. */
    private static boolean startsWithAny(String text, List<Token> tokens, int i, List<String> phrases) {
        if (i >= tokens.size() || !tokens.get(i).isWord()) {
            return false;
        }
        int start = tokens.get(i).start();
        String rest = Words.spelling(text.substring(start, Math.min(text.length(), start + LONGEST_PHRASE)));
        for (String phrase : phrases) {
            if (rest.startsWith(phrase) && (rest.length() == phrase.length() || !Character.isLetter(rest.charAt(phrase.length())))) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code word} names a level of government ("huyện", "thành phố"), in any case. */
    static boolean isLevelWord(String word) {
        return LEVEL_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A known name must end at a word boundary: "Phòng Y tế" must not match inside "Phòng Y tế dự phòng". */
    static boolean knownNameEndsAt(String text, List<Token> tokens, int end, Unit unit) {
        if (end >= tokens.size()) {
            return true;
        }
        Token next = tokens.get(end);
        if (!next.isWord()) {
            return true;
        }
        // "Sở Tài chính tỉnh" is the directory's Sở Tài chính; but "Trung tâm Phát triển quỹ đất tỉnh"
        // is another body than the city's "Trung tâm Phát triển quỹ đất thành phố".
        boolean cityUnit = Fold.fold(unit.name()).endsWith(" thanh pho");
        if (CITY_SUFFIXES.stream().anyMatch(suffix -> suffix.get(0).equals(next.key())) || (next.key().equals("tinh") && !cityUnit)) {
            return true;
        }
        // The sentence must go on with what the unit does ("phòng GD-ĐT chủ trì"). Any other word
        // may continue a longer name the directory does not know ("Ban Quản lý dự án giao thông
        // tỉnh"): better an unknown unit the clerk checks than a wrong one nobody notices.
        return verbAt(text, tokens, end);
    }

    /** True when token {@code i} is a level word ("huyện", the "phố" of "thành phố"). */
    static boolean levelAt(String text, List<Token> tokens, int i) {
        String word = wordAt(text, tokens, i).toLowerCase(Locale.ROOT);
        if (LEVEL_WORDS.contains(word)) {
            return true;
        }
        return (word.equals("phố") || word.equals("xã"))
                && LEVEL_WORDS.contains((wordAt(text, tokens, i - 1) + " " + word).toLowerCase(Locale.ROOT));
    }

    /** True when word {@code i} is a lowercase verb of {@code verbsAfterUnit}, in either placement of its tone mark. */
    static boolean verbAt(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.isWord() || !Character.isLowerCase(text.codePointAt(t.start())) || continuesName(text, t.start())) {
            return false;
        }
        String rest = Words.spelling(text.substring(t.start(), Math.min(text.length(), t.start() + LONGEST_VERB + 1)));
        for (String verb : VERBS) {
            if (rest.startsWith(verb) && (rest.length() == verb.length() || !Character.isLetter(rest.charAt(verb.length())))) {
                return true;
            }
        }
        return false;
    }

    /** True when the words at {@code at} go on a phrase of a unit's name ("Ban Quản lý dự án đầu tư xây dựng tỉnh"). */
    private static boolean continuesName(String text, int at) {
        String before = text.substring(Math.max(0, at - 60), at).toLowerCase(Locale.ROOT);
        String rest = text.substring(at).toLowerCase(Locale.ROOT);
        for (String phrase : NAME_PHRASES) {
            for (int cut = phrase.indexOf(' '); cut > 0; cut = phrase.indexOf(' ', cut + 1)) {
                String tail = phrase.substring(cut + 1);
                if (before.endsWith(phrase.substring(0, cut + 1)) && rest.startsWith(tail)
                        && (rest.length() == tail.length() || !Character.isLetter(rest.charAt(tail.length())))) {
                    return true;
                }
            }
        }
        return false;
    }
}
