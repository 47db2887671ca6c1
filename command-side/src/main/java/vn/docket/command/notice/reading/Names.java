package vn.docket.command.notice.reading;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Vietnamese personal names: a known family name (notice/words.json) followed by one to four capitalised words. */
final class Names {

    private static final Set<String> FAMILY_NAMES = Set.copyOf(Words.list("familyNames"));

    /** Capitalised words that follow a name but are titles, not part of it. */
    private static final Set<String> NOT_NAME = Set.copyOf(Words.list("notNames"));

    private static final Pattern CANDIDATE = Pattern.compile("(?u)(?<!\\p{L})\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,4}(?!\\p{L})");

    private Names() {
    }

    /** The first personal name in a text. */
    static Optional<String> first(String text) {
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String[] words = m.group().split("\\s+");
            if (!FAMILY_NAMES.contains(words[0]) || words[0].length() == m.group().length()) {
                continue;
            }
            StringBuilder name = new StringBuilder(words[0]);
            for (int i = 1; i < words.length && !NOT_NAME.contains(words[i]); i++) {
                name.append(' ').append(words[i]);
            }
            if (name.indexOf(" ") > 0) {
                return Optional.of(name.toString());
            }
        }
        return Optional.empty();
    }

    /** True when a whole line is a personal name (a signature line). */
    static boolean isName(String line) {
        String stripped = line.strip();
        return CANDIDATE.matcher(stripped).matches() && first(stripped).map(stripped::equals).orElse(false);
    }
}
