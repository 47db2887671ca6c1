package vn.docket.command.notice.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The provinces and centrally-run cities (the 34 since 1 July 2025 and the 63 before), from
 * {@code notice/places.json}: to tell "UBND tỉnh Lai Châu" (a place) from "Chủ tịch UBND tỉnh
 * Đặng Văn Minh" (a person), and to find which province a text that says only "UBND tỉnh" is about.
 */
final class Places {

    /** A province or city as the reader writes it: "tỉnh Lai Châu", "thành phố Hồ Chí Minh"; {@code aliases}: other spellings. */
    record Province(String name, String level, List<String> aliases) {
        String withLevel() {
            return level + " " + name;
        }
    }

    private record Spelling(String folded, Province province) {
    }

    /** Every spelling, longest first, so that "Thừa Thiên Huế" is tried before "Huế". */
    private static final List<Spelling> SPELLINGS = load();

    private Places() {
    }

    /** The province a name written at {@code text}'s start names ("Lai Châu, ngày ...", "TP.HCM vừa ..."). */
    static Optional<Province> at(String text) {
        return spellingAt(text).map(Spelling::province);
    }

    /** How many characters of {@code text}'s start name a province (0 when none does). */
    static int lengthAt(String text) {
        return spellingAt(text).map(s -> s.folded().length()).orElse(0);
    }

    /** Every province and city, of either map, once. */
    static List<Province> all() {
        return SPELLINGS.stream().map(Spelling::province).distinct().toList();
    }

    private static Optional<Spelling> spellingAt(String text) {
        if (text.isEmpty() || !Character.isUpperCase(text.charAt(0))) {
            return Optional.empty();
        }
        String folded = Fold.fold(text);
        for (Spelling s : SPELLINGS) {
            if (folded.startsWith(s.folded())
                    && (folded.length() == s.folded().length() || !Character.isLetterOrDigit(folded.charAt(s.folded().length())))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The province a text is about: the one it names most often after "tỉnh" / "thành phố", or
     * else the one it names most often at all; empty when it names none.
     */
    static Optional<Province> mostNamed(String text) {
        Map<Province, Integer> afterLevel = new LinkedHashMap<>();
        Map<Province, Integer> anywhere = new LinkedHashMap<>();
        Matcher word = Pattern.compile("(?U)(?<![\\p{L}\\d])\\p{Lu}").matcher(text);
        while (word.find()) {
            int start = word.start();
            Optional<Province> p = at(text.substring(start, Math.min(text.length(), start + 40)));
            if (p.isEmpty()) {
                continue;
            }
            anywhere.merge(p.get(), 1, Integer::sum);
            String before = Fold.fold(text.substring(Math.max(0, start - 12), start));
            if (before.matches("(?s).*\\b(tinh|thanh pho|tp\\.?) ?$")) {
                afterLevel.merge(p.get(), 1, Integer::sum);
            }
        }
        Map<Province, Integer> counts = afterLevel.isEmpty() ? anywhere : afterLevel;
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private static List<Spelling> load() {
        List<Spelling> out = new ArrayList<>();
        for (JsonNode row : Words.bundled("places.json").path("provinces")) {
            List<String> aliases = new ArrayList<>();
            row.path("aliases").forEach(a -> aliases.add(a.asText()));
            Province province = new Province(row.path("name").asText(), row.path("level").asText(), List.copyOf(aliases));
            out.add(new Spelling(Fold.fold(province.name()), province));
            aliases.forEach(a -> out.add(new Spelling(Fold.fold(a), province)));
        }
        out.sort(Comparator.comparingInt((Spelling s) -> s.folded().length()).reversed());
        return List.copyOf(out);
    }
}
