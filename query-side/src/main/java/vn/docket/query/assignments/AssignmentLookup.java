package vn.docket.query.assignments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.docket.query.support.ReadModels;

/**
 * Other queries (a notice's items) show assignments as the list does; this is the one way to read them.
 *
 * <p>It keeps the rows it read last ({@link #ROWS_KEPT}, the least recently shown go first), each with the sequence
 * of the last event it shows, and shows a kept row again while the {@link AssignmentIndex} has applied no later
 * event of that assignment: the index applies every event the read model does (AssignmentIndexTest), and on every
 * node, so the sequence says when a row is out of date without asking the database. A page of 50 the list showed
 * before then costs no read: in a flight recording over HTTP the read of the page's documents (a round trip, the
 * embedded server finding and encoding them, the driver decoding them) was about a quarter of a list request's CPU
 * time (bench/README.md, "Rows kept in memory").
 */
@Component
public class AssignmentLookup {

    /** How long a page waits for the read model to write what the index already has (see {@link #inOrder}). */
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(2);
    /** Only an entry the index changed this recently is waited for; an older gap is not about to close. */
    static final Duration RECENT = Duration.ofSeconds(10);
    /** How many rows are kept: two hundred pages of 50. */
    static final int ROWS_KEPT = 10_000;

    /** A row as read, the sequence of the last event the read model had applied to it, and when it was last shown. */
    private static final class Kept {
        final long seq;
        final AssignmentRecord row;
        /** A {@link #pages} count: the higher, the more recently shown. */
        volatile long shown;

        Kept(long seq, AssignmentRecord row, long shown) {
            this.seq = seq;
            this.row = row;
            this.shown = shown;
        }
    }

    private final MongoCollection<Document> assignments;
    private final AssignmentIndex index;
    private final Clock clock;
    /**
     * By id. Read without a lock: with one lock around an access-ordered map, taken for each of a page's 50 rows, a
     * request thread that lost its core while holding it held back every other list request (a flight recording of
     * the slowest requests, bench/README.md). The order
     * of showing is a count per row instead, and the least recently shown are let go in a batch ({@link #letGo}).
     */
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
    /** Pages (and single lookups) shown so far; each stamps the rows it shows. */
    private final AtomicLong pages = new AtomicLong();
    private final int rowsKept;

    @Autowired
    AssignmentLookup(MongoDatabase database, AssignmentIndex index, Clock clock) {
        this(database, index, clock, ROWS_KEPT);
    }

    AssignmentLookup(MongoDatabase database, AssignmentIndex index, Clock clock, int rowsKept) {
        this.assignments = database.getCollection(AssignmentListProjection.COLLECTION);
        this.index = index;
        this.clock = clock;
        this.rowsKept = rowsKept;
    }

    public Map<String, AssignmentView> byIds(List<String> ids) {
        LocalDate today = LocalDate.now(clock);
        Map<String, AssignmentRecord> rows = new HashMap<>();
        List<String> unread = keptRows(ids, rows);
        if (!unread.isEmpty()) {
            ReadModels.byIds(assignments, unread).values().forEach(d -> rows.put(d.getString("_id"), keep(d)));
        }
        Map<String, AssignmentView> found = new HashMap<>();
        rows.forEach((id, row) -> found.put(id, view(row, today)));
        return found;
    }

    /**
     * The documents of the ids the index chose, in the index's order. The index (memory) and the read model
     * (the list projection's writes) follow the event store separately, so for a moment the index may know an
     * event the read model has not written yet. Such a page waits up to {@link #READ_MODEL_WAIT} for it; what is
     * still missing then is left out of the page (the total still counts it), and a document still older than
     * the index is shown as the read model has it. The next request sees both in step. A kept row is never such
     * a document: it is as new as the index's entry, or newer.
     */
    List<AssignmentView> inOrder(List<String> ids) {
        LocalDate today = LocalDate.now(clock);
        Map<String, AssignmentRecord> rows = new HashMap<>();
        List<String> unread = keptRows(ids, rows);
        if (!unread.isEmpty()) {
            ReadModels.inOrder(assignments, unread, this::behind, READ_MODEL_WAIT)
                    .forEach(d -> rows.put(d.getString("_id"), keep(d)));
        }
        return ids.stream().map(rows::get).filter(Objects::nonNull).map(row -> view(row, today)).toList();
    }

    /** The row as shown, with the number its notice was given after registration, if it was. */
    AssignmentView view(AssignmentRecord row, LocalDate today) {
        return AssignmentView.from(row, today, index.noticeNumber(row.source() == null ? null : row.source().noticeId()));
    }

    /** Puts the kept rows of {@code ids} that are up to date with the index in {@code rows}; returns the other ids. */
    private List<String> keptRows(List<String> ids, Map<String, AssignmentRecord> rows) {
        List<String> unread = new ArrayList<>();
        long page = pages.incrementAndGet();
        for (String id : ids) {
            Kept k = kept.get(id);
            long indexed = index.get(id).map(AssignmentIndex.Entry::seq).orElse(Long.MAX_VALUE);
            if (k != null && k.seq >= indexed) {
                k.shown = page;
                rows.put(id, k.row);
            } else {
                unread.add(id);
            }
        }
        return unread;
    }

    /**
     * The row of {@code d}, kept if it is as new as the index's entry (one older is shown once, as read, and read
     * again next time); a later row already kept stays.
     */
    private AssignmentRecord keep(Document d) {
        AssignmentRecord row = AssignmentRecord.read(d);
        long seq = ReadModels.sequence(d);
        if (seq >= 0 && index.get(row.id()).filter(a -> seq >= a.seq()).isPresent()) {
            kept.merge(row.id(), new Kept(seq, row, pages.get()), (before, now) -> now.seq >= before.seq ? now : before);
            if (kept.size() > rowsKept) {
                letGo();
            }
        }
        return row;
    }

    /**
     * Lets the least recently shown rows go, an eighth of {@link #rowsKept} more than needed, so that the pass over the
     * kept rows is made once per so many rows read rather than for each. Rows shown by the same page go together.
     */
    private synchronized void letGo() {
        int excess = kept.size() - rowsKept;
        if (excess <= 0) {
            return;
        }
        long[] shown = kept.values().stream().mapToLong(k -> k.shown).sorted().toArray();
        long last = shown[Math.min(shown.length, excess + rowsKept / 8) - 1];
        kept.values().removeIf(k -> k.shown <= last);
    }

    /** Whether {@code d} (null: none yet) is older than the index's entry for {@code id}, which it changed lately. */
    private boolean behind(String id, Document d) {
        long recent = System.currentTimeMillis() - RECENT.toMillis();
        long seq = d == null ? -1 : ReadModels.sequence(d);
        return index.get(id).filter(a -> a.indexedAt() > recent && seq < a.seq()).isPresent();
    }
}
