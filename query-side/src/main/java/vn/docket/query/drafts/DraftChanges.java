package vn.docket.query.drafts;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two versions of a draft, as a reader compares them: paragraphs aligned (Myers' diff over
 * whole paragraphs), and inside a paragraph that was edited rather than replaced, the words removed and added.
 */
final class DraftChanges {

    /** An edited paragraph keeps at least this share of its words; below it, one was removed and another added. */
    static final double SAME_PARAGRAPH = 0.4;
    /** Beyond this many pairs in one changed stretch, paragraphs are paired in order instead of by likeness. */
    static final int MAX_PAIRINGS = 2_500;

    enum Kind { SAME, ADDED, REMOVED, CHANGED }

    enum Op { SAME, REMOVED, ADDED }

    record Segment(Op op, String text) {
    }

    /** {@code text} for SAME/ADDED/REMOVED; {@code before}, {@code after} and {@code segments} for CHANGED. */
    record Paragraph(Kind kind, String text, String before, String after, List<Segment> segments) {
    }

    record Figures(int paragraphsAdded, int paragraphsRemoved, int paragraphsChanged, int paragraphsUnchanged,
                   int wordsChanged) {
    }

    record Changes(int from, int to, Figures figures, List<Paragraph> paragraphs) {
    }

    private DraftChanges() {
    }

    static Changes between(int from, List<String> before, int to, List<String> after) {
        List<Paragraph> out = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int start = delta.getSource().getPosition();
            while (at < start) {
                out.add(new Paragraph(Kind.SAME, before.get(at++), null, null, null));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            if (delta.getType() == DeltaType.CHANGE) {
                pair(removed, added, out);
            } else {
                removed.forEach(p -> out.add(new Paragraph(Kind.REMOVED, p, null, null, null)));
                added.forEach(p -> out.add(new Paragraph(Kind.ADDED, p, null, null, null)));
            }
            at = start + removed.size();
        }
        while (at < before.size()) {
            out.add(new Paragraph(Kind.SAME, before.get(at++), null, null, null));
        }
        return new Changes(from, to, figures(out), out);
    }

    /**
     * Pairs each removed paragraph with the first added one, in order, that keeps enough of its words; what stays
     * unpaired was removed or added whole.
     */
    private static void pair(List<String> removed, List<String> added, List<Paragraph> out) {
        boolean byLikeness = (long) removed.size() * added.size() <= MAX_PAIRINGS;
        int next = 0;
        for (String old : removed) {
            int match = -1;
            List<Segment> segments = null;
            for (int j = next; j < added.size() && match < 0; j++) {
                List<Segment> words = words(old, added.get(j));
                if (!byLikeness || likeness(words, old, added.get(j)) >= SAME_PARAGRAPH) {
                    match = j;
                    segments = words;
                }
                if (!byLikeness) {
                    break;
                }
            }
            if (match < 0) {
                out.add(new Paragraph(Kind.REMOVED, old, null, null, null));
                continue;
            }
            for (int j = next; j < match; j++) {
                out.add(new Paragraph(Kind.ADDED, added.get(j), null, null, null));
            }
            out.add(new Paragraph(Kind.CHANGED, null, old, added.get(match), segments));
            next = match + 1;
        }
        for (int j = next; j < added.size(); j++) {
            out.add(new Paragraph(Kind.ADDED, added.get(j), null, null, null));
        }
    }

    /**
     * The words of the old paragraph and the new, as runs kept, removed and added. A punctuation mark is compared as a
     * token of its own, so "năm." becoming "năm;" shows the mark changed and the word kept. Each run keeps the spacing
     * its version had inside it; between runs a reader puts a space, except before a closing mark (see changes.js).
     */
    static List<Segment> words(String before, String after) {
        List<Token> a = tokens(before);
        List<Token> b = tokens(after);
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(texts(a), texts(b)).getDeltas()) {
            int start = delta.getSource().getPosition();
            if (at < start) {
                segments.add(new Segment(Op.SAME, joined(a, at, start)));
            }
            if (delta.getSource().size() > 0) {
                segments.add(new Segment(Op.REMOVED, joined(a, start, start + delta.getSource().size())));
            }
            if (delta.getTarget().size() > 0) {
                int from = delta.getTarget().getPosition();
                segments.add(new Segment(Op.ADDED, joined(b, from, from + delta.getTarget().size())));
            }
            at = start + delta.getSource().size();
        }
        if (at < a.size()) {
            segments.add(new Segment(Op.SAME, joined(a, at, a.size())));
        }
        return segments;
    }

    private static double likeness(List<Segment> segments, String before, String after) {
        int kept = segments.stream().filter(s -> s.op() == Op.SAME).mapToInt(s -> tokens(s.text()).size()).sum();
        int total = tokens(before).size() + tokens(after).size();
        return total == 0 ? 1 : 2.0 * kept / total;
    }

    private static Figures figures(List<Paragraph> paragraphs) {
        int added = 0;
        int removed = 0;
        int changed = 0;
        int same = 0;
        int words = 0;
        for (Paragraph p : paragraphs) {
            switch (p.kind()) {
                case SAME -> same++;
                case ADDED -> {
                    added++;
                    words += wordCount(p.text());
                }
                case REMOVED -> {
                    removed++;
                    words += wordCount(p.text());
                }
                case CHANGED -> {
                    changed++;
                    words += p.segments().stream().filter(s -> s.op() != Op.SAME).mapToInt(s -> wordCount(s.text())).sum();
                }
            }
        }
        return new Figures(added, removed, changed, same, words);
    }

    /** Words as a reader counts them (as the hand-in counts them): a lone dash or bullet is not one. */
    private static int wordCount(String text) {
        return (int) split(text).stream().filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).count();
    }

    private static List<String> split(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    /** A word or a punctuation mark, and whether a space came before it. */
    private record Token(String text, boolean spaced) {
    }

    /**
     * A word keeps the marks inside it ("30/12/2026", "1.000.000", "05/2026/NQ-HĐND"); any other mark is
     * a token of its own.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}]+(?:[./,:'’\\-–][\\p{L}\\p{M}\\p{N}]+)*|[^\\s\\p{L}\\p{M}\\p{N}]");

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int end = 0;
        while (m.find()) {
            out.add(new Token(m.group(), m.start() > end));
            end = m.end();
        }
        return out;
    }

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    private static String joined(List<Token> tokens, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from && tokens.get(i).spaced()) {
                out.append(' ');
            }
            out.append(tokens.get(i).text());
        }
        return out.toString();
    }
}
