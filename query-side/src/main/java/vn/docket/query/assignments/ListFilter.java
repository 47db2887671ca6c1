package vn.docket.query.assignments;

import static vn.docket.query.assignments.Timeliness.NO_DAY;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import vn.docket.events.AssignmentStatus;

/**
 * The list's filters as one test of a place in the index's {@link IndexColumns}: the status, the deadline,
 * the timeliness class and the search (by the entry's slot in the words' bit set) are read from the columns, and only
 * an entry that passes them is read for the rest (units, notice, visibility, waiting work). At 50,000 assignments, reading
 * every entry from memory was most of a pass's time (bench/index.sh). Immutable: each narrowing returns another.
 */
final class ListFilter {

    private static final int EVERY_STATUS = (1 << AssignmentStatus.values().length) - 1;
    private static final int OPEN = open(AssignmentStatus.values());

    /** Lets every assignment through. */
    static final ListFilter ALL = new ListFilter(EVERY_STATUS, NO_DAY, Long.MAX_VALUE, null, 0, null, null, null);

    /** One bit per status, by ordinal: the statuses that pass. */
    private final int statuses;
    /** Deadlines that pass, epoch days, both inclusive; an assignment without one passes only while from is NO_DAY. */
    private final long from;
    private final long to;
    private final Timeliness timeliness;
    private final long today;
    /** The words searched for, folded, without white space; null for no search. */
    private final List<String> searched;
    /** The entries holding them, by slot ({@link AssignmentIndex#holdingAll}), once the index has looked them up. */
    private final long[] found;
    /** What the columns cannot tell, tested on the entry; null for nothing more. */
    private final Predicate<AssignmentIndex.Entry> rest;

    private ListFilter(int statuses, long from, long to, Timeliness timeliness, long today, List<String> searched,
                       long[] found, Predicate<AssignmentIndex.Entry> rest) {
        this.statuses = statuses;
        this.from = from;
        this.to = to;
        this.timeliness = timeliness;
        this.today = today;
        this.searched = searched;
        this.found = found;
        this.rest = rest;
    }

    ListFilter status(AssignmentStatus status) {
        return new ListFilter(statuses & 1 << status.ordinal(), from, to, timeliness, today, searched, found, rest);
    }

    /** Not finished and not cancelled ({@link AssignmentStatus#isOpen}). */
    ListFilter open() {
        return new ListFilter(statuses & OPEN, from, to, timeliness, today, searched, found, rest);
    }

    /** @param today as an epoch day */
    ListFilter timeliness(Timeliness timeliness, long today) {
        return new ListFilter(statuses, from, to, timeliness, today, searched, found, rest);
    }

    /** A deadline on or after {@code day} (epoch day); none does not pass. */
    ListFilter deadlineFrom(long day) {
        return new ListFilter(statuses, Math.max(from, day), to, timeliness, today, searched, found, rest);
    }

    /** A deadline on or before {@code day} (epoch day); none does not pass. */
    ListFilter deadlineTo(long day) {
        return new ListFilter(statuses, Math.max(from, NO_DAY + 1), Math.min(to, day), timeliness, today, searched, found, rest);
    }

    /** Only the entries whose search words hold each of {@code words} (folded, without white space). */
    ListFilter search(List<String> words) {
        List<String> all = searched == null ? words : Stream.concat(searched.stream(), words.stream()).toList();
        return new ListFilter(statuses, from, to, timeliness, today, all, null, rest);
    }

    /** The words searched for; null for none. */
    List<String> searched() {
        return searched;
    }

    /** With the entries holding the words searched for, as {@link AssignmentIndex#holdingAll} found them. */
    ListFilter found(long[] slots) {
        return new ListFilter(statuses, from, to, timeliness, today, searched, slots, rest);
    }

    ListFilter and(Predicate<AssignmentIndex.Entry> test) {
        return new ListFilter(statuses, from, to, timeliness, today, searched, found,
                rest == null ? test : rest.and(test));
    }

    /** Whether the entry at {@code i} of {@code columns} passes; a search must have been looked up ({@link #found}). */
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
        if (searched != null) {
            int slot = columns.slot()[i];
            // An entry met after the lookup is past its end: not found this time.
            if (slot >>> 6 >= found.length || (found[slot >>> 6] & 1L << slot) == 0) {
                return false;
            }
        }
        return rest == null || rest.test(columns.entries()[i]);
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
