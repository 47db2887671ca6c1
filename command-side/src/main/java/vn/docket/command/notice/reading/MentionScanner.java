package vn.docket.command.notice.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.docket.command.notice.reading.Tokens.Token;

import static vn.docket.command.notice.reading.Tokens.slice;
import static vn.docket.command.notice.reading.Tokens.wordAt;

/**
 * Finds the units a text names, given the units and generic phrases of a {@link UnitDirectory}.
 * Matching folds case and diacritics, treats "-", "–", "&" and "và" alike, and ignores a trailing
 * "thành phố"/"TP" or "tỉnh Y" ("Sở Tài chính tỉnh Lai Châu"). Where a name ends is {@link NameEnds};
 * lists that write the head word once ("các Bộ: Tài chính, Nội vụ") are {@link ShorthandLists}.
 */
final class MentionScanner {

    /** Words that begin the name of a body or an office-holder; a mention starting with one is a unit, known or not. */
    private static final List<String> HEADS = Words.list("heads");
    /** Phrases that begin with a head word but name no body ("Trường hợp có sai lệch thì ..."). */
    private static final List<String> NOT_HEADS = Words.list("notHeads");
    /** Titles of the head of a body ("giám đốc", "chủ tịch"), longest first; the item reader's too. */
    static final List<String> OFFICE_HOLDERS = Words.list("officeHolders");
    /** Kinds of bodies and people a group "các ..." names besides the head words ("các địa phương", "các thành viên"). */
    private static final List<String> KINDS = Words.list("groupKinds");
    /** Words after a group of bodies that say whose they are ("các sở, ban, ngành thuộc tỉnh"): the group goes on. */
    private static final List<String> QUALIFIERS = Words.list("groupQualifiers");

    /** Phrases that start with a verb of {@link NameEnds} but go on a group of bodies ("các ngành có liên quan"), as token keys. */
    private static final List<List<String>> RELATED = Words.list("relatedPhrases").stream().map(Tokens::key).toList();
    /**
     * The full names of the councils ("ủy ban nhân dân"), which name many bodies when "các" follows
     * ("Ủy ban nhân dân các xã"); their abbreviations are head words and need no list.
     */
    private static final List<String> COUNCILS = Words.pairs("councils").values().stream()
            .map(name -> name.toLowerCase(Locale.ROOT).replace("uỷ", "ủy")).toList();
    /** "UBND huyện Bình Xuyên", "UBND xã Quất Lưu": a local body of a named place, known by its pattern. */
    private static final List<Pattern> LOCAL_BODIES = Words.list("localBodies").stream()
            .map(p -> Pattern.compile("(?uU)^(?:" + p + ")\\s+\\p{Lu}")).toList();

    private record Entry(List<String> key, Unit unit) {
    }

    private record Generic(List<String> key, String phrase) {
    }

    private final List<Entry> entries;
    private final List<Generic> generics;
    private final ShorthandLists lists = new ShorthandLists(this);

    MentionScanner(List<Unit> units, List<String> genericPhrases) {
        List<Entry> e = new ArrayList<>();
        for (Unit unit : units) {
            List<String> names = new ArrayList<>(unit.aliases());
            names.add(0, unit.name());
            String head = headOf(unit.name());
            for (String name : names) {
                List<String> key = withoutCitySuffix(Tokens.key(name));
                e.add(new Entry(key, unit));
                // "QLĐT" is also written "phòng QLĐT": an abbreviation takes its unit's head word.
                if (head != null && headOf(name) == null) {
                    List<String> prefixed = new ArrayList<>(Tokens.key(head));
                    prefixed.addAll(key);
                    e.add(new Entry(prefixed, unit));
                }
            }
        }
        e.sort(Comparator.comparingInt((Entry x) -> x.key().size()).reversed());
        this.entries = List.copyOf(e);
        List<Generic> g = new ArrayList<>();
        for (String phrase : genericPhrases) {
            g.add(new Generic(Tokens.of(phrase).stream().map(Token::key).toList(), phrase));
        }
        g.sort(Comparator.comparingInt((Generic x) -> x.key().size()).reversed());
        this.generics = List.copyOf(g);
    }

    Optional<Unit> resolve(String mention) {
        if (mention == null || mention.isBlank()) {
            return Optional.empty();
        }
        List<Token> tokens = Tokens.of(mention.strip());
        Optional<Unit> found = resolveWhole(mention.strip(), tokens);
        if (found.isEmpty() && headOf(mention.strip()) == null) {
            // "Tài chính - Kế hoạch" in a list such as "các phòng: Tài chính - Kế hoạch, Kinh tế".
            List<Token> withHead = new ArrayList<>();
            withHead.add(new Token("phong", 0, 0));
            withHead.addAll(tokens);
            found = resolveWhole(mention.strip(), withHead);
        }
        return found;
    }

    List<String> members(UnitMention mention) {
        return lists.members(mention);
    }

    boolean isGeneric(String mention) {
        List<Token> tokens = Tokens.of(mention.strip());
        int end = matchGeneric(tokens, 0);
        return (end > 0 && end == tokens.size()) || mention.strip().toLowerCase(Locale.ROOT).startsWith("các ");
    }

    /** {@code tokens} are words of {@code text} (a "phòng" put before them has no place in it). */
    private Optional<Unit> resolveWhole(String text, List<Token> tokens) {
        for (Entry entry : entries) {
            int end = match(entry.key(), tokens, 0);
            if (end < 0) {
                continue;
            }
            end = skipProvince(text, tokens, skipCitySuffix(tokens, end));
            while (end < tokens.size() && !tokens.get(end).isWord()) {
                end++;
            }
            if (end == tokens.size()) {
                return Optional.of(entry.unit());
            }
        }
        return Optional.empty();
    }

    List<UnitMention> scan(String text) {
        List<Token> tokens = Tokens.of(text);
        List<UnitMention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Optional<Found> found = tokens.get(i).isWord() ? mentionAt(text, tokens, i) : Optional.empty();
            if (found.isPresent()) {
                mentions.add(found.get().mention());
                i = found.get().end();
            } else if (!tokens.get(i).isWord() || wordAt(text, tokens, i).equalsIgnoreCase("cùng") || wordAt(text, tokens, i).equalsIgnoreCase("với")) {
                i++;
            } else {
                while (i < tokens.size() && !isSeparator(tokens.get(i))) {
                    i++;
                }
            }
        }
        return mentions;
    }

    /** A mention that starts at a token, and the token after it. */
    private record Found(UnitMention mention, int end) {
    }

    /** The mention that starts at word {@code i}, tried from the surest reading to the loosest. */
    private Optional<Found> mentionAt(String text, List<Token> tokens, int i) {
        return genericAt(text, tokens, i)
                .or(() -> knownAt(text, tokens, i))
                .or(() -> listAt(text, tokens, i))
                .or(() -> groupAt(text, tokens, i))
                .or(() -> committeeOfManyAt(text, tokens, i))
                .or(() -> unlistedAt(text, tokens, i));
    }

    /** A generic phrase of the directory ("các cơ quan liên quan"). */
    private Optional<Found> genericAt(String text, List<Token> tokens, int i) {
        int end = matchGeneric(tokens, i);
        if (end < 0) {
            return Optional.empty();
        }
        end = skipRelated(tokens, end);
        // "các sở, ban, ngành thuộc tỉnh", "các sở, ngành tỉnh": whose they are is part of the
        // group, and so is one more kind of body ("các cơ quan, đơn vị, địa phương").
        if (qualifierAt(text, tokens, end) || anotherKindAt(text, tokens, end)) {
            end = chunkEnd(text, tokens, end - 1, true);
        }
        // "các đơn vị được giao nhiệm vụ tại Mục 2 phải ...": which of them, as for any group (see chunkEnd).
        end = Math.max(end, NameEnds.qualifierEnd(text, tokens, end));
        return found(text, tokens, i, end, null, UnitMention.Kind.GENERIC);
    }

    /** The longest name of the directory that starts here and ends where a name may end. */
    private Optional<Found> knownAt(String text, List<Token> tokens, int i) {
        Entry best = null;
        int bestEnd = -1;
        for (Entry entry : entries) {
            int e = match(entry.key(), tokens, i);
            if (e > bestEnd) {
                best = entry;
                bestEnd = e;
            }
        }
        if (best == null || !NameEnds.knownNameEndsAt(text, tokens, bestEnd, best.unit())) {
            return Optional.empty();
        }
        int end = skipProvince(text, tokens, skipCitySuffix(tokens, bestEnd));
        return found(text, tokens, i, end, best.unit(), UnitMention.Kind.KNOWN);
    }

    /** "các Bộ: Tài chính, Kế hoạch và Đầu tư", "các Sở Tư pháp, Nội vụ" name each body: see members(). */
    private Optional<Found> listAt(String text, List<Token> tokens, int i) {
        if (!wordAt(text, tokens, i).equalsIgnoreCase("các")) {
            return Optional.empty();
        }
        int end = lists.end(text, tokens, i);
        return end > 0 ? found(text, tokens, i, end, null, UnitMention.Kind.LIST) : Optional.empty();
    }

    /**
     * "các cơ quan", "các thành viên", "các bên thống nhất": a group of bodies or people, or one word
     * that does what follows; "các công trình xây dựng", "các nhiệm vụ thực hiện" are things.
     */
    private Optional<Found> groupAt(String text, List<Token> tokens, int i) {
        boolean group = wordAt(text, tokens, i).equalsIgnoreCase("các") && (headAt(text, tokens, i + 1) || kindAt(text, tokens, i + 1)
                || (i + 2 < tokens.size() && tokens.get(i + 1).isWord() && NameEnds.verbAt(text, tokens, i + 2)));
        return group ? found(text, tokens, i, chunkEnd(text, tokens, i, true), null, UnitMention.Kind.GENERIC) : Optional.empty();
    }

    /** "UBND các phường", "UBND các xã, thị trấn", "Chủ tịch UBND các xã": many bodies, or their heads, not one unit. */
    private Optional<Found> committeeOfManyAt(String text, List<Token> tokens, int i) {
        return headAt(text, tokens, i) && isCommitteeOfMany(text, tokens, i)
                ? found(text, tokens, i, chunkEnd(text, tokens, i + 1, true), null, UnitMention.Kind.GENERIC)
                : Optional.empty();
    }

    /**
     * A name the directory does not list, from its head word to the verb: a local body by its pattern,
     * the head of a body the directory knows, or unknown.
     */
    private Optional<Found> unlistedAt(String text, List<Token> tokens, int i) {
        if (!headAt(text, tokens, i)) {
            return Optional.empty();
        }
        int end = chunkEnd(text, tokens, i, false);
        String written = slice(text, tokens, i, end);
        boolean known = isLocalBody(written) || heldOffice(written);
        return known ? found(text, tokens, i, end, new Unit(written, List.of()), UnitMention.Kind.KNOWN)
                : found(text, tokens, i, end, null, UnitMention.Kind.UNKNOWN);
    }

    private static boolean isLocalBody(String written) {
        return LOCAL_BODIES.stream().anyMatch(p -> p.matcher(written).find());
    }

    /**
     * "Giám đốc Sở Tài chính", "Chủ tịch UBND huyện Bình Xuyên": the head of a body the directory
     * knows is a person the clerk can name, not a unit missing from the directory.
     */
    private boolean heldOffice(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        for (String holder : OFFICE_HOLDERS) {
            if (lower.startsWith(holder + " ")) {
                String body = written.substring(holder.length()).strip();
                return resolve(body).isPresent() || isLocalBody(body);
            }
        }
        return false;
    }

    private static Optional<Found> found(String text, List<Token> tokens, int from, int end, Unit unit, UnitMention.Kind kind) {
        return Optional.of(new Found(new UnitMention(slice(text, tokens, from, end), unit, kind), end));
    }

    List<UnitMention> leading(String text) {
        List<UnitMention> all = scan(text);
        List<UnitMention> leading = new ArrayList<>();
        int at = 0;
        for (UnitMention mention : all) {
            int start = text.indexOf(mention.written(), at);
            if (start < 0 || !onlySeparators(text.substring(at, start))) {
                break;
            }
            leading.add(mention);
            at = start + mention.written().length();
        }
        return leading;
    }

    int leadingEnd(String text) {
        int at = 0;
        for (UnitMention mention : leading(text)) {
            at = text.indexOf(mention.written(), at) + mention.written().length();
        }
        return at;
    }

    private static boolean onlySeparators(String between) {
        return between.replaceAll("(?iuU)\\b(và|cùng|với)\\b|[\\s,;&(:-]", "").isEmpty();
    }

    // --- matching ---

    private static int match(List<String> key, List<Token> tokens, int from) {
        int k = from;
        for (String part : key) {
            // Commas inside a name ("Sở Văn hóa, Thể thao và Du lịch") are not part of the key.
            while (k < tokens.size() && tokens.get(k).key().equals(",")) {
                k++;
            }
            if (k >= tokens.size() || !tokens.get(k).key().equals(part)) {
                return -1;
            }
            k++;
        }
        return k == from ? -1 : k;
    }

    private int matchGeneric(List<Token> tokens, int from) {
        for (Generic g : generics) {
            int k = from + g.key().size();
            if (keysAt(tokens, from, g.key()) && (k >= tokens.size() || !tokens.get(k).isWord() || !"lien".equals(tokens.get(k).key()))) {
                return k;
            }
        }
        return -1;
    }

    /** "các ngành có liên quan", "các cơ quan có liên quan": "có" is no verb there, the group goes on. */
    private static int skipRelated(List<Token> tokens, int i) {
        for (List<String> phrase : RELATED) {
            if (keysAt(tokens, i, phrase)) {
                return i + phrase.size();
            }
        }
        return i;
    }

    private static boolean keysAt(List<Token> tokens, int i, List<String> key) {
        if (i + key.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < key.size(); k++) {
            if (!tokens.get(i + k).key().equals(key.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static int skipCitySuffix(List<Token> tokens, int end) {
        for (List<String> suffix : NameEnds.CITY_SUFFIXES) {
            if (keysAt(tokens, end, suffix)) {
                int after = end + suffix.size();
                // "TP.": the full stop of an abbreviation belongs to it.
                return suffix.size() == 1 && after < tokens.size() && tokens.get(after).key().equals(".") ? after + 1 : after;
            }
        }
        return end;
    }

    /** After a department's name, "tỉnh Lai Châu" says whose it is: "Sở Tài chính tỉnh Lai Châu" is Sở Tài chính. */
    private static int skipProvince(String text, List<Token> tokens, int end) {
        if (end + 1 >= tokens.size() || !tokens.get(end).key().equals("tinh")) {
            return end;
        }
        int length = Places.lengthAt(text.substring(tokens.get(end + 1).start()));
        if (length == 0) {
            return end;
        }
        int stop = tokens.get(end + 1).start() + length;
        int k = end + 1;
        while (k < tokens.size() && tokens.get(k).start() < stop) {
            k++;
        }
        return k;
    }

    private static List<String> withoutCitySuffix(List<String> key) {
        int n = key.size();
        for (List<String> suffix : NameEnds.CITY_SUFFIXES) {
            if (n > suffix.size() && key.subList(n - suffix.size(), n).equals(suffix)) {
                return List.copyOf(key.subList(0, n - suffix.size()));
            }
        }
        return key;
    }

    /**
     * Where an unlisted unit or a "các ..." phrase ends. A generic phrase runs on over commas
     * ("các cơ quan, đơn vị"), a unit name over "và" ("Sở Khoa học và Công nghệ"); both stop
     * where the next words start another unit.
     */
    private int chunkEnd(String text, List<Token> tokens, int from, boolean generic) {
        int i = from + 1;
        while (i < tokens.size()) {
            String k = tokens.get(i).key();
            if (k.equals(";") || k.equals("(") || k.equals(")") || k.equals(":") || k.equals(".")) {
                break;
            }
            int related = skipRelated(tokens, i);
            if (related > i) {
                i = related;
                continue;
            }
            if (NameEnds.verbAt(text, tokens, i)) {
                int qualified = NameEnds.qualifierEnd(text, tokens, i);
                return qualified > i ? qualified : i;
            }
            if (!generic && i > from + 1 && NameEnds.levelAt(text, tokens, i) && i + 1 < tokens.size()
                    && tokens.get(i + 1).isWord() && Character.isLowerCase(text.codePointAt(tokens.get(i + 1).start()))
                    && !NameEnds.isLevelWord(wordAt(text, tokens, i + 1))) {
                i++;
                break;
            }
            boolean comma = k.equals(",");
            if (comma || k.equals(Tokens.AND)) {
                if (comma && !generic) {
                    break;
                }
                String next = wordAt(text, tokens, i + 1);
                // In a group ("các Bộ, cơ quan, địa phương khác") a lowercase word after a comma names one
                // more kind of body, even one that can head a name ("cơ quan", "ban"); a capital starts a unit.
                boolean nextStartsUnit = next.isEmpty() || next.equals("các") || matchGeneric(tokens, i + 1) > 0
                        || (headAt(text, tokens, i + 1) && !(generic && comma && Character.isLowerCase(next.codePointAt(0))))
                        || (comma && Character.isUpperCase(next.codePointAt(0)));
                if (nextStartsUnit) {
                    break;
                }
            }
            i++;
        }
        return i;
    }

    /** True when the words at {@code i} name a kind of body or of people ("địa phương", "thành viên"). */
    private static boolean kindAt(String text, List<Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).isWord() && startsWithWords(text.substring(tokens.get(i).start()).toLowerCase(Locale.ROOT), KINDS);
    }

    /** True when the words at {@code i} say whose a group of bodies is ("thuộc tỉnh", "cấp huyện", "tỉnh", "khác"); a capital starts a name. */
    private static boolean qualifierAt(String text, List<Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).isWord() && startsWithWords(text.substring(tokens.get(i).start()), QUALIFIERS);
    }

    /** True when {@code text} starts with one of {@code phrases} as whole words. */
    private static boolean startsWithWords(String text, List<String> phrases) {
        for (String phrase : phrases) {
            if (text.startsWith(phrase) && (text.length() == phrase.length() || !Character.isLetter(text.charAt(phrase.length())))) {
                return true;
            }
        }
        return false;
    }

    /** True when a comma at {@code i} is followed by a lowercase noun, not a verb nor "các": one more kind of body. */
    private boolean anotherKindAt(String text, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i).key().equals(",") || !tokens.get(i + 1).isWord()) {
            return false;
        }
        String next = wordAt(text, tokens, i + 1);
        return Character.isLowerCase(next.codePointAt(0)) && !next.equals("các") && !NameEnds.verbAt(text, tokens, i + 1)
                && matchGeneric(tokens, i + 1) < 0;
    }

    /**
     * "UBND các phường, xã", "Thủ trưởng các cơ quan, đơn vị": the bodies, or their heads, of a group;
     * so is the head of a body written before it ("Chủ tịch UBND các xã", "Chủ tịch Ủy ban nhân dân các huyện").
     */
    private static boolean isCommitteeOfMany(String text, List<Token> tokens, int i) {
        String rest = text.substring(tokens.get(i).start()).toLowerCase(Locale.ROOT).replace("uỷ", "ủy");
        if (opensMany(rest)) {
            return true;
        }
        String head = headOf(rest);
        return head != null && opensMany(rest.substring(head.length()).stripLeading());
    }

    /** True when {@code lower} starts with a council's full name or a head word, and then "các". */
    private static boolean opensMany(String lower) {
        String head = headOf(lower);
        return COUNCILS.stream().anyMatch(council -> lower.startsWith(council + " các "))
                || (head != null && lower.startsWith(head + " các "));
    }

    private static boolean isSeparator(Token t) {
        return switch (t.key()) {
            case ",", ";", "(", ")", ":", "." -> true;
            default -> false;
        };
    }

    private static boolean headAt(String text, List<Token> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isWord()) {
            return false;
        }
        String rest = text.substring(tokens.get(i).start());
        return headOf(rest) != null;
    }

    /** The head word a name starts with, compared with diacritics ("sở" is a unit, "số" is not). */
    static String headOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("uỷ", "ủy").replace("toà", "tòa");
        if (startsWithWords(lower, NOT_HEADS)) {
            return null;
        }
        for (String head : HEADS) {
            if (lower.startsWith(head) && (lower.length() == head.length() || !Character.isLetterOrDigit(lower.charAt(head.length())))) {
                return head;
            }
        }
        return null;
    }
}
