package vn.docket.query.assignments;

import java.util.Arrays;
import vn.docket.events.AssignmentStatus;

/**
 * Entries in the list's order with what most filters test laid out beside them as arrays of plain values: a pass
 * that tests only these reads the arrays from end to end and no entry ({@link ListFilter}; at 50,000 assignments,
 * reading each entry from memory was most of a pass's time). Never changed once made: a change makes new ones
 * ({@link AssignmentIndex} keeps its whole order and each unit's so).
 */
record IndexColumns(AssignmentIndex.Entry[] entries, AssignmentStatus[] status, long[] deadlineDay, long[] handedInDay,
                    int[] slot, String[] leadUnit) {

    static IndexColumns of(AssignmentIndex.Entry[] entries) {
        IndexColumns columns = sized(entries.length);
        for (int i = 0; i < entries.length; i++) {
            columns.set(i, entries[i]);
        }
        return columns;
    }

    private static IndexColumns sized(int n) {
        return new IndexColumns(new AssignmentIndex.Entry[n], new AssignmentStatus[n], new long[n], new long[n], new int[n],
                new String[n]);
    }

    int size() {
        return entries.length;
    }

    private void set(int i, AssignmentIndex.Entry entry) {
        entries[i] = entry;
        status[i] = entry.status();
        deadlineDay[i] = entry.deadlineDay();
        handedInDay[i] = entry.handedInDay();
        slot[i] = entry.slot();
        leadUnit[i] = entry.leadUnit();
    }

    /** Copies {@code length} places from {@code from}'s {@code at} to this one's {@code to}, in every column. */
    private void copy(IndexColumns from, int at, int to, int length) {
        System.arraycopy(from.entries, at, entries, to, length);
        System.arraycopy(from.status, at, status, to, length);
        System.arraycopy(from.deadlineDay, at, deadlineDay, to, length);
        System.arraycopy(from.handedInDay, at, handedInDay, to, length);
        System.arraycopy(from.slot, at, slot, to, length);
        System.arraycopy(from.leadUnit, at, leadUnit, to, length);
    }

    /**
     * New columns in the list's order with {@code before} (if any) taken out and {@code entry} (if any) put in: one
     * copy and binary searches, where a rebuild sorted every entry again (at 50,000 assignments a page read after
     * each command cost 5x one read without it, bench/index.sh). Readers keep the columns they hold; the next get
     * these.
     */
    IndexColumns replaced(AssignmentIndex.Entry before, AssignmentIndex.Entry entry) {
        int n = size();
        int from = before == null ? -1 : Arrays.binarySearch(entries, before, AssignmentIndex.ORDER);
        if (entry == null) {
            IndexColumns without = sized(n - 1);
            without.copy(this, 0, 0, from);
            without.copy(this, from + 1, from, n - from - 1);
            return without;
        }
        int found = Arrays.binarySearch(entries, entry, AssignmentIndex.ORDER);
        int to = found >= 0 ? found : -found - 1; // among these columns, before still in them
        if (from < 0) {
            IndexColumns with = sized(n + 1);
            with.copy(this, 0, 0, to);
            with.copy(this, to, to + 1, n - to);
            with.set(to, entry);
            return with;
        }
        if (to > from) {
            to--; // before's place is gone
        }
        IndexColumns moved = sized(n);
        moved.copy(this, 0, 0, n);
        if (to > from) {
            moved.copy(this, from + 1, from, to - from);
        } else if (to < from) {
            moved.copy(this, to, to + 1, from - to);
        }
        moved.set(to, entry);
        return moved;
    }
}
