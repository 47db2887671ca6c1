package vn.docket.command.notice.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.docket.command.notice.reading.Tokens.Token;

import static vn.docket.command.notice.reading.Tokens.slice;

/**
 * Shorthand lists of units that write the head word once: "các Bộ: Tài chính, Kế hoạch và Đầu tư"
 * names Bộ Tài chính and Bộ Kế hoạch và Đầu tư, "các Bộ Tư pháp, Tài nguyên và Môi trường, Nội vụ"
 * three ministries. Each name is checked with the {@link MentionScanner} it belongs to.
 */
final class ShorthandLists {

    private final MentionScanner scanner;

    ShorthandLists(MentionScanner scanner) {
        this.scanner = scanner;
    }

    /** Where a shorthand list that starts at word {@code i} ("các") ends, or 0 when none does. */
    int end(String text, List<Token> tokens, int i) {
        int end = shorthandListEnd(text, tokens, i);
        return end > 0 ? end : bareList(text, tokens, i).end();
    }

    /** The units a shorthand list names, each by its canonical name when the directory knows it. */
    List<String> members(UnitMention mention) {
        if (mention.kind() != UnitMention.Kind.LIST) {
            return List.of(mention.display());
        }
        String written = mention.written();
        int colon = written.indexOf(':');
        if (colon < 0) {
            // "các Bộ Tư pháp, Nội vụ và Tài chính": the head word runs straight into the first name.
            return bareList(written, Tokens.of(written), 0).names();
        }
        String head = written.substring(0, colon).strip().replaceFirst("(?iu)^các\\s+", "");
        head = head.substring(0, 1).toUpperCase(Locale.ROOT) + head.substring(1);
        List<String> out = new ArrayList<>();
        for (String part : written.substring(colon + 1).split(",")) {
            String name = head + " " + part.strip();
            if (!part.isBlank()) {
                out.add(scanner.resolve(name).map(Unit::name).orElse(name));
            }
        }
        return out;
    }

    /** Where "các <head word>: A, B, C" ends, or 0 when the words at {@code i} are not such a list. */
    private int shorthandListEnd(String text, List<Token> tokens, int i) {
        if (i + 1 >= tokens.size()) {
            return 0;
        }
        String head = MentionScanner.headOf(text.substring(tokens.get(i + 1).start()));
        if (head == null) {
            return 0;
        }
        int colon = i + 1 + Tokens.key(head).size();
        if (colon >= tokens.size() - 1 || !tokens.get(colon).key().equals(":")) {
            return 0;
        }
        int k = colon + 1;
        while (k < tokens.size()) {
            String key = tokens.get(k).key();
            if (key.equals(";") || key.equals(".") || key.equals("(") || key.equals(")") || key.equals(":") || NameEnds.verbAt(text, tokens, k)) {
                break;
            }
            k++;
        }
        return k > colon + 1 ? k : 0;
    }

    /** A shorthand list without a colon: where it ends in the tokens, and the units it names. */
    private record BareList(int end, List<String> names) {
    }

    /**
     * "các Bộ Tư pháp, Tài nguyên và Môi trường, Nội vụ": the head word written once, then names after
     * commas (or a last "và"), each a known unit once the head word is put before it. No list (end 0)
     * unless it names two or more.
     */
    private BareList bareList(String text, List<Token> tokens, int i) {
        BareList none = new BareList(0, List.of());
        if (i + 1 >= tokens.size()) {
            return none;
        }
        String head = MentionScanner.headOf(text.substring(tokens.get(i + 1).start()));
        if (head == null) {
            return none;
        }
        int k = i + 1 + Tokens.key(head).size();
        String writtenHead = slice(text, tokens, i + 1, k);
        writtenHead = writtenHead.substring(0, 1).toUpperCase(Locale.ROOT) + writtenHead.substring(1);
        List<String> names = new ArrayList<>();
        int end = 0;
        while (k < tokens.size() && tokens.get(k).isWord()) {
            String candidate = writtenHead + " " + text.substring(tokens.get(k).start());
            List<UnitMention> first = scanner.scan(candidate);
            if (first.isEmpty() || first.get(0).kind() != UnitMention.Kind.KNOWN || !candidate.startsWith(first.get(0).written())) {
                break;
            }
            int at = tokens.get(k).start() + first.get(0).written().length() - writtenHead.length() - 1;
            while (k < tokens.size() && tokens.get(k).end() <= at) {
                k++;
            }
            names.add(first.get(0).display());
            end = k;
            if (k >= tokens.size() || !(tokens.get(k).key().equals(",") || tokens.get(k).key().equals(Tokens.AND))) {
                break;
            }
            k++;
        }
        return names.size() >= 2 ? new BareList(end, List.copyOf(names)) : none;
    }
}
