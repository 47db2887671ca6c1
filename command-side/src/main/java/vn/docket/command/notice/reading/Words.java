package vn.docket.command.notice.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The word lists the reader works with ({@code /notice/words.json}): data, so that a new kind of
 * body or a new verb is a line in a file, not a change to the code.
 */
final class Words {

    private static final JsonNode WORDS = bundled("words.json");

    private Words() {
    }

    /** A list of the file, longest entry first, so that "phó chủ tịch" is tried before "chủ tịch". */
    static List<String> list(String name) {
        List<String> out = new ArrayList<>();
        WORDS.path(name).forEach(w -> out.add(w.asText()));
        if (out.isEmpty()) {
            throw new IllegalStateException("notice/words.json has no list '" + name + "'");
        }
        out.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(out);
    }

    /** A table of the file ("councils": abbreviation to full name), in the file's order. */
    static Map<String, String> pairs(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        WORDS.path(name).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        if (out.isEmpty()) {
            throw new IllegalStateException("notice/words.json has no table '" + name + "'");
        }
        return Collections.unmodifiableMap(out);
    }

    /** A tone mark on the second vowel of "oa", "oe", "uy" ending a syllable ("toả", "hoà", "thuỷ"), decomposed. */
    private static final Pattern NEW_TONE_PLACEMENT = Pattern.compile("([oOuU])([aAeEyY])([\\u0300\\u0301\\u0303\\u0309\\u0323])(?![\\p{L}\\p{M}])");

    /**
     * A word or phrase in one spelling for comparing: lowercase NFC, with the tone mark of a final
     * "oa", "oe", "uy" on its first vowel ("giải toả" as "giải tỏa", "thuỷ" as "thủy"), the two
     * placements in use. Unlike {@link Fold} it keeps every other mark ("cần" is not "căn"), and
     * the length of the text, so that offsets found in it hold in the original.
     */
    static String spelling(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return Normalizer.normalize(NEW_TONE_PLACEMENT.matcher(decomposed).replaceAll("$1$3$2"), Normalizer.Form.NFC);
    }

    /**
     * A regex for "trình" as the verb that sends work up ("trình UBND tỉnh"), not as part of a word of
     * the list {@code notSubmitting} ("giải trình", "quá trình", "tờ trình", "trình bày"). {@code folded}:
     * for text whose diacritics {@link Fold} removed. {@code verbs}: "trình" or an alternation holding it, the
     * other verbs kept from the same compounds ("qua báo cáo", "tiền gửi").
     */
    static String submitting(boolean folded, String verbs) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (String compound : list("notSubmitting")) {
            String[] words = (folded ? Fold.fold(compound) : compound).split(" ");
            String verb = folded ? "trinh" : "trình";
            if (words.length == 2 && words[1].equals(verb)) {
                before.add(words[0]);
            } else if (words.length == 2 && words[0].equals(verb)) {
                after.add(words[1]);
            } else {
                throw new IllegalStateException("notice/words.json: '" + compound + "' in notSubmitting is not two words around 'trình'");
            }
        }
        return "(?<!(?:" + String.join("|", before) + ") )(?:" + verbs + ")"
                + "(?!\\s+(?:" + String.join("|", after) + ")(?![\\p{L}]))";
    }

    /** A data file shipped with the reader, under {@code /notice/}. */
    static JsonNode bundled(String file) {
        try (InputStream in = Words.class.getResourceAsStream("/notice/" + file)) {
            if (in == null) {
                throw new IllegalStateException("notice/" + file + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
