package vn.docket.query.assignments;

import static vn.docket.query.assignments.Timeliness.NO_DAY;

import java.util.function.Predicate;
import vn.docket.events.AssignmentStatus;

/**
 * The list's filters as one test of a place in the index's {@link IndexColumns}: the status, the deadline,
 * the timeliness class and the search's letter pairs are read from the columns, and only an entry that passes them is
 * read for the rest (units, notice, the search's words, visibility, waiting work). At 50,000 assignments, reading
 * every entry from memory was most of a pass's time (bench/index.sh). Immutable: each narrowing returns another.
 */
final class ListFilter {

    private static final int EVERY_STATUS = (1 << AssignmentStatus.values().length) - 1;
    private static final int OPEN = open(AssignmentStatus.values());

    /** Lets every assignment through. */
    static final ListFilter ALL = new ListFilter(EVERY_STATUS, NO_DAY, Long.MAX_VALUE, null, 0, 0, null);

    /** One bit per status, by ordinal: the statuses that pass. */
    private final int statuses;
    /** Deadlines that pass, epoch days, both inclusive; an assignment without one passes only while from is NO_DAY. */
    private final long from;
    private final long to;
    private final Timeliness timeliness;
    private final long today;
    /** The letter pairs of the words searched for ({@link LetterPairs}), 0 for no search. */
    private final long pairs;
    /** What the columns cannot tell, tested on the entry; null for nothing more. */
    private final Predicate<AssignmentIndex.Entry> rest;

    private ListFilter(int statuses, long from, long to, Timeliness timeliness, long today, long pairs,
                       Predicate<AssignmentIndex.Entry> rest) {
        this.statuses = statuses;
        this.from = from;
        this.to = to;
        this.timeliness = timeliness;
        this.today = today;
        this.pairs = pairs;
        this.rest = rest;
    }

    ListFilter status(AssignmentStatus status) {
        return new ListFilter(statuses & 1 << status.ordinal(), from, to, timeliness, today, pairs, rest);
    }

    /** Not finished and not cancelled ({@link AssignmentStatus#isOpen}). */
    ListFilter open() {
        return new ListFilter(statuses & OPEN, from, to, timeliness, today, pairs, rest);
    }

    /** @param today as an epoch day */
    ListFilter timeliness(Timeliness timeliness, long today) {
        return new ListFilter(statuses, from, to, timeliness, today, pairs, rest);
    }

    /** A deadline on or after {@code day} (epoch day); none does not pass. */
    ListFilter deadlineFrom(long day) {
        return new ListFilter(statuses, Math.max(from, day), to, timeliness, today, pairs, rest);
    }

    /** A deadline on or before {@code day} (epoch day); none does not pass. */
    ListFilter deadlineTo(long day) {
        return new ListFilter(statuses, Math.max(from, NO_DAY + 1), Math.min(to, day), timeliness, today, pairs, rest);
    }

    /** Rules out the entries whose words lack a pair of these ({@link LetterPairs#of}); the words still need reading. */
    ListFilter letterPairs(long pairs) {
        return new ListFilter(statuses, from, to, timeliness, today, this.pairs | pairs, rest);
    }

    ListFilter and(Predicate<AssignmentIndex.Entry> test) {
        return new ListFilter(statuses, from, to, timeliness, today, pairs, rest == null ? test : rest.and(test));
    }

    /** Whether the entry at {@code i} of {@code columns} passes. */
    boolean test(IndexColumns columns, int i) {
        AssignmentStatus status = columns.status()[i];
        if ((statuses & 1 << status.ordinal()) == 0) {
            return false;
        }
        long deadline = columns.deadlineDay()[i];
        if (deadline < from || deadline > to) {
            return false;
        }
        if (timeliness != null
                && Timeliness.classify(status, deadline, columns.handedInDay()[i], today) != timeliness) {
            return false;
        }
        return LetterPairs.mayContain(columns.wordPairs()[i], pairs) && (rest == null || rest.test(columns.entries()[i]));
    }

    private static int open(AssignmentStatus[] statuses) {
        int bits = 0;
        for (AssignmentStatus status : statuses) {
            if (status.isOpen()) {
                bits |= 1 << status.ordinal();
            }
        }
        return bits;
    }
}
