package vn.docket.query.assignments;

import static vn.docket.query.assignments.Timeliness.NO_DAY;
import static vn.docket.query.assignments.Timeliness.day;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.DocumentIssued;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.ExtensionRejected;
import vn.docket.events.ExtensionRequestLapsed;
import vn.docket.events.ExtensionRequested;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.NoticeNumberCorrected;
import vn.docket.events.NoticeNumbered;
import vn.docket.events.ReminderSent;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.platform.Text;
import vn.docket.platform.UnitAliases;
import vn.docket.platform.web.Problems;

/**
 * The assignment list's index, held in memory on every query node: per assignment only what the list's
 * filters, its sort and the visibility rule read, kept in the list's order (deadline, none last; then
 * assigned-on; then id). A list request walks it once (under a millisecond at 50,000 assignments for the filters
 * its {@link IndexColumns} answer) and reads only the page's documents from the {@code assignments} read model by
 * id, because the embedded database scans the whole collection for any other query.
 *
 * <p>Its processing group keeps its position in memory (a token store of its own), so every node reads the
 * whole event store at start and then follows it; it writes nothing to the database, so it takes no part in
 * segment sharing, rebuilds or dead letters ({@link AssignmentIndexConfiguration}). Until it has caught up with
 * the store, list requests wait for it ({@link #awaitCaughtUp}).
 */
@Component
@ProcessingGroup(AssignmentIndex.NAME)
public class AssignmentIndex {

    public static final String NAME = "assignment-index";
    /** From how many assignments read at start a node settles its heap before it says it has caught up. */
    static final int SETTLE_FROM = 10_000;

    /**
     * What the index knows of one assignment. {@code seq} is the last event of the assignment applied, so a
     * batch delivered again changes nothing; {@code indexedAt} (wall clock) tells a page how fresh it is.
     * {@code words} are what the search finds it by, {@code slot} its place in {@link SearchWords}: the order in which
     * the index met it, for good. The dates are epoch days ({@link Timeliness#day}, {@link Timeliness#NO_DAY} for none):
     * a pass classifies every entry, and three dates of their own per entry were three more objects to read (and 3.6 MB
     * at 50,000 assignments).
     */
    record Entry(String id, long seq, AssignmentStatus status, String leadUnit, List<String> coordinatingUnits,
                 String parentId, String notice, long deadlineDay, long assignedDay, long handedInDay,
                 List<String> approvalRoute, List<String> approvedLevels, boolean extensionPending, String title,
                 String words, int slot, long indexedAt) {

        boolean involves(String unit) {
            return unit.equals(leadUnit) || coordinatingUnits.contains(unit);
        }

        /** The units it involves, each once. */
        List<String> units() {
            return Stream.concat(Stream.of(leadUnit), coordinatingUnits.stream()).filter(Objects::nonNull).distinct().toList();
        }

        /** @param today as an epoch day */
        Timeliness timeliness(long today) {
            return Timeliness.classify(status, deadlineDay, handedInDay, today);
        }

        LocalDate deadline() {
            return date(deadlineDay);
        }

        LocalDate assignedOn() {
            return date(assignedDay);
        }

        LocalDate handedInOn() {
            return date(handedInDay);
        }

        private static LocalDate date(long day) {
            return day == Timeliness.NO_DAY ? null : LocalDate.ofEpochDay(day);
        }

        String awaitingLevel() {
            return AssignmentView.awaitingLevel(status, approvalRoute, approvedLevels);
        }

        // Copies that name only what an event changes; the list of every field stands here alone.

        Entry withStatus(AssignmentStatus status) {
            return new Entry(id, seq, status, leadUnit, coordinatingUnits, parentId, notice, deadlineDay, assignedDay,
                    handedInDay, approvalRoute, approvedLevels, extensionPending, title, words, slot, indexedAt);
        }

        Entry withDeadlineDay(long deadlineDay) {
            return new Entry(id, seq, status, leadUnit, coordinatingUnits, parentId, notice, deadlineDay, assignedDay,
                    handedInDay, approvalRoute, approvedLevels, extensionPending, title, words, slot, indexedAt);
        }

        Entry withHandedInDay(long handedInDay) {
            return new Entry(id, seq, status, leadUnit, coordinatingUnits, parentId, notice, deadlineDay, assignedDay,
                    handedInDay, approvalRoute, approvedLevels, extensionPending, title, words, slot, indexedAt);
        }

        Entry withApprovedLevels(List<String> approvedLevels) {
            return new Entry(id, seq, status, leadUnit, coordinatingUnits, parentId, notice, deadlineDay, assignedDay,
                    handedInDay, approvalRoute, approvedLevels, extensionPending, title, words, slot, indexedAt);
        }

        Entry withExtensionPending(boolean extensionPending) {
            return new Entry(id, seq, status, leadUnit, coordinatingUnits, parentId, notice, deadlineDay, assignedDay,
                    handedInDay, approvalRoute, approvedLevels, extensionPending, title, words, slot, indexedAt);
        }

        /** @param words the search words that name the new lead unit */
        Entry withLeadUnit(String leadUnit, String words) {
            return new Entry(id, seq, status, leadUnit, coordinatingUnits, parentId, notice, deadlineDay, assignedDay,
                    handedInDay, approvalRoute, approvedLevels, extensionPending, title, words, slot, indexedAt);
        }

        /** @param words the search words that name the notice's number */
        Entry withNotice(String notice, String words) {
            return new Entry(id, seq, status, leadUnit, coordinatingUnits, parentId, notice, deadlineDay, assignedDay,
                    handedInDay, approvalRoute, approvedLevels, extensionPending, title, words, slot, indexedAt);
        }

        /** After the assignment's event {@code seq}, applied at {@code indexedAt}. */
        Entry applied(long seq, long indexedAt) {
            return new Entry(id, seq, status, leadUnit, coordinatingUnits, parentId, notice, deadlineDay, assignedDay,
                    handedInDay, approvalRoute, approvedLevels, extensionPending, title, words, slot, indexedAt);
        }
    }

    /** The page's ids in the list's order, and how many assignments matched in all. */
    record Hits(List<String> ids, long total) {
    }

    /** The list's order: by deadline (none last), then assigned-on, then id. */
    static final Comparator<Entry> ORDER = Comparator
            .comparingLong((Entry e) -> e.deadlineDay() == Timeliness.NO_DAY ? Long.MAX_VALUE : e.deadlineDay())
            .thenComparingLong(Entry::assignedDay) // NO_DAY is the smallest: none first
            .thenComparing(Entry::id);

    private final Map<String, Entry> byId = new HashMap<>();
    /**
     * One instance of each unit name, notice number and route or level list: every event read from the store carries
     * its own copies, and 50,000 entries would otherwise hold 50,000 copies of the same few. A shared instance also
     * answers {@code equals} at its first check (the same object), which the dashboard's per-unit counts and a unit's
     * list do for every entry. Used under the write lock.
     */
    private final Map<Object, Object> shared = new HashMap<>();
    /**
     * The number a notice was given after registration (NoticeNumbered: registered without one) or corrected to
     * (NoticeNumberCorrected), by the notice's id. Its assignments cite the notice by id and keep the number it had when
     * they were assigned, if any: the list filters and searches by this one, and the pages show it ({@link #noticeNumber}).
     */
    private final Map<String, String> numberedLater = new ConcurrentHashMap<>();
    /** The assignments citing each notice, for a number given or corrected later; under the write lock. */
    private final Map<String, List<String>> citing = new HashMap<>();
    /** The search's words, by the entries' {@code slot}; under the lock. */
    private final SearchWords searchWords = new SearchWords();
    /** One writer (the index's processor), many readers (requests). */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * The entries in the list's order, sorted by the first pass and from then on kept in order by each change
     * (null until a pass needs it, so that reading the store at start sorts nothing): walking arrays is
     * several times faster than walking a tree, and a pass holds no lock while it filters. A change copies the
     * columns (about 1.8 MB at 50,000 assignments): changes are rare beside reads.
     */
    private volatile IndexColumns inOrder;
    /**
     * Per unit, the entries it leads or coordinates, in the list's order: a unit's page walks its own entries, not all
     * 50,000 (a filter that reads every entry reads 50,000 objects from memory; the unfiltered page reads none of them
     * but the page's). Made for a unit by the first page that asks for it, only for a unit that has assignments (so a
     * request cannot fill it with names), and from then on kept in order by each change, as {@link #inOrder} is.
     */
    private final Map<String, IndexColumns> byUnit = new ConcurrentHashMap<>();

    /** Whether the index's processor has reached the head of the event store (asked until it says yes once). */
    private final BooleanSupplier processorCaughtUp;
    private final Duration catchUpWait;
    private volatile boolean caughtUp;
    /** Held while one caller settles the heap and sets {@link #caughtUp}: the others wait rather than settle again. */
    private final Object catchingUp = new Object();
    private final UnitAliases aliases;
    private final int settleFrom;
    private final Runnable settleHeap;

    @Autowired
    AssignmentIndex(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<UnitAliases> aliases,
                    @Value("${docket.assignment-index.catch-up-wait:20s}") Duration catchUpWait) {
        // The unit directory that knows the short names is the command side's: a query node started on its own
        // (QuerySideApplication) finds units by their full names only.
        this(() -> processing.getObject().eventProcessor(NAME, StreamingEventProcessor.class)
                .map(p -> !p.processingStatus().isEmpty()
                        && p.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp))
                .orElse(false), catchUpWait, aliases.getIfAvailable(UnitAliases::none), SETTLE_FROM, System::gc);
    }

    /** An index whose units have no other names than their own, and that never settles the heap. */
    AssignmentIndex(BooleanSupplier processorCaughtUp, Duration catchUpWait) {
        this(processorCaughtUp, catchUpWait, unit -> List.of());
    }

    /** An index that never settles the heap. */
    AssignmentIndex(BooleanSupplier processorCaughtUp, Duration catchUpWait, UnitAliases aliases) {
        this(processorCaughtUp, catchUpWait, aliases, Integer.MAX_VALUE, () -> { });
    }

    /** @param settleHeap run once on catching up with at least {@code settleFrom} assignments ({@link #caughtUp}) */
    AssignmentIndex(BooleanSupplier processorCaughtUp, Duration catchUpWait, UnitAliases aliases, int settleFrom,
                    Runnable settleHeap) {
        this.processorCaughtUp = processorCaughtUp;
        this.catchUpWait = catchUpWait;
        this.aliases = aliases;
        this.settleFrom = settleFrom;
        this.settleHeap = settleHeap;
    }

    @EventHandler
    void on(TaskAssigned e, @SequenceNumber long seq) {
        String id = e.assignmentId().toString();
        String noticeId = e.source() == null || e.source().noticeId() == null ? null : e.source().noticeId().toString();
        lock.writeLock().lock();
        try {
            if (!byId.containsKey(id)) {
                String notice = e.source() == null ? null : e.source().notice();
                if (noticeId != null) {
                    notice = numberedLater.getOrDefault(noticeId, notice);
                    citing.computeIfAbsent(noticeId, n -> new ArrayList<>()).add(id);
                }
                String words = words(e.title(), e.leadUnit(), e.coordinatingUnits(), notice);
                put(null, new Entry(id, seq, AssignmentStatus.ASSIGNED, shared(e.leadUnit()), shared(e.coordinatingUnits()),
                        e.parentId() == null ? null : e.parentId().toString(), shared(notice), day(e.deadline()),
                        day(e.effectiveDate()), NO_DAY, shared(e.approvalRoute()), List.of(), false, e.title(), words,
                        byId.size(), System.currentTimeMillis()));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The notice's assignments take its number: found by it and showing it. */
    @EventHandler
    void on(NoticeNumbered e) {
        renumber(e.noticeId().toString(), e.number());
    }

    /** As a number given later: the old one no longer finds them. */
    @EventHandler
    void on(NoticeNumberCorrected e) {
        renumber(e.noticeId().toString(), e.number());
    }

    private void renumber(String noticeId, String number) {
        lock.writeLock().lock();
        try {
            numberedLater.put(noticeId, number);
            for (String id : citing.getOrDefault(noticeId, List.of())) {
                Entry before = byId.get(id);
                if (before != null) {
                    put(before, before.withNotice(shared(number),
                            words(before.title(), before.leadUnit(), before.coordinatingUnits(), number)));
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The number the notice {@code noticeId} was given or corrected to after registration; null for any other. */
    public String noticeNumber(String noticeId) {
        return noticeId == null ? null : numberedLater.get(noticeId);
    }

    @EventHandler
    void on(DraftSubmitted e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, a -> a.withStatus(AssignmentStatus.DRAFT_SUBMITTED)
                .withHandedInDay(day(e.effectiveDate())).withApprovedLevels(List.of()));
    }

    @EventHandler
    void on(RevisionRequested e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, a -> a.withStatus(AssignmentStatus.REVISION_REQUESTED)
                .withDeadlineDay(e.dueDate() != null ? day(e.dueDate()) : a.deadlineDay()).withHandedInDay(NO_DAY));
    }

    /** Either verdict sends the draft back to the unit, to revise or to finalise. */
    @EventHandler
    void on(MeetingConcluded e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq,
                a -> a.withStatus(AssignmentStatus.REVISION_REQUESTED).withHandedInDay(NO_DAY));
    }

    @EventHandler
    void on(DraftApproved e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, a -> {
            List<String> approved = new ArrayList<>(a.approvedLevels());
            approved.add(e.level());
            return a.withStatus(e.finalApproval() ? AssignmentStatus.APPROVED : a.status())
                    .withApprovedLevels(shared(approved));
        });
    }

    @EventHandler
    void on(DocumentIssued e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, a -> a.withStatus(AssignmentStatus.ISSUED));
    }

    /** Any extension settles a pending request, whether a leader approved it or a clerk extended directly. */
    @EventHandler
    void on(DeadlineExtended e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq,
                a -> a.withDeadlineDay(day(e.newDeadline())).withExtensionPending(false));
    }

    @EventHandler
    void on(ExtensionRequested e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, a -> a.withExtensionPending(true));
    }

    @EventHandler
    void on(ExtensionRejected e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, a -> a.withExtensionPending(false));
    }

    @EventHandler
    void on(ExtensionRequestLapsed e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, a -> a.withExtensionPending(false));
    }

    @EventHandler
    void on(TaskReassigned e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, a -> a.withLeadUnit(shared(e.newLeadUnit()),
                words(a.title(), e.newLeadUnit(), a.coordinatingUnits(), a.notice())));
    }

    @EventHandler
    void on(TaskCancelled e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, a -> a.withStatus(AssignmentStatus.CANCELLED));
    }

    /**
     * Neither a reminder nor a missed deadline changes what the list filters or sorts by, but both change the row
     * the list shows: the entry's {@code seq} moves with every event the list's read model applies, so that a row
     * {@link AssignmentLookup} keeps is known to be out of date by its sequence alone (AssignmentIndexTest checks
     * the two projections handle the same events).
     */
    @EventHandler
    void on(ReminderSent e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, UnaryOperator.identity());
    }

    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, UnaryOperator.identity());
    }

    private String shared(String value) {
        return value == null ? null : (String) shared.computeIfAbsent(value, v -> v);
    }

    /** An immutable copy, shared with every entry holding an equal list. */
    private List<String> shared(List<String> values) {
        List<String> copy = values.stream().map(this::shared).toList();
        @SuppressWarnings("unchecked")
        List<String> one = (List<String>) shared.computeIfAbsent(copy, v -> v);
        return one;
    }

    /**
     * The words a search finds an assignment by, folded as the query is: title, units with the other names the
     * directory knows them by ("QLĐT"), notice number.
     */
    private String words(String title, String leadUnit, List<String> coordinatingUnits, String notice) {
        StringJoiner words = new StringJoiner(" ");
        words.add(title);
        for (String unit : Stream.concat(Stream.of(leadUnit), coordinatingUnits.stream()).toList()) {
            words.add(unit);
            aliases.of(unit).forEach(words::add);
        }
        words.add(notice == null ? "" : notice);
        return Text.folded(words.toString());
    }

    /** Applies a later event of a known assignment; an event already applied (a batch delivered again) is skipped. */
    private void change(String id, long seq, UnaryOperator<Entry> change) {
        lock.writeLock().lock();
        try {
            Entry before = byId.get(id);
            if (before == null || seq <= before.seq()) {
                return;
            }
            put(before, change.apply(before).applied(seq, System.currentTimeMillis()));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Puts {@code entry} in the place of {@code before} (null for a new assignment); under the write lock. */
    private void put(Entry before, Entry entry) {
        byId.put(entry.id(), entry);
        if (before == null) {
            searchWords.add(entry.slot(), entry.words());
        } else if (!before.words().equals(entry.words())) {
            searchWords.remove(before.slot(), before.words());
            searchWords.add(entry.slot(), entry.words());
        }
        IndexColumns entries = inOrder;
        if (entries != null) {
            inOrder = entries.replaced(before, entry);
        }
        if (!byUnit.isEmpty()) {
            List<String> from = before == null ? List.of() : before.units();
            List<String> to = entry.units();
            for (String unit : from) {
                if (!to.contains(unit)) {
                    byUnit.computeIfPresent(unit, (u, own) -> own.replaced(before, null));
                }
            }
            for (String unit : to) {
                byUnit.computeIfPresent(unit, (u, own) -> own.replaced(from.contains(unit) ? before : null, entry));
            }
        }
    }

    /** Every entry in the list's order, as columns, for counts over all of them (the dashboard). */
    IndexColumns inOrder() {
        IndexColumns entries = inOrder;
        if (entries == null) {
            lock.readLock().lock();
            try {
                entries = inOrder;
                if (entries == null) {
                    Entry[] sorted = byId.values().toArray(new Entry[0]);
                    Arrays.sort(sorted, ORDER);
                    entries = IndexColumns.of(sorted);
                    inOrder = entries;
                }
            } finally {
                lock.readLock().unlock();
            }
        }
        return entries;
    }

    /** The entries {@code unit} leads or coordinates, in the list's order. */
    IndexColumns inOrder(String unit) {
        IndexColumns own = byUnit.get(unit);
        if (own == null) {
            lock.readLock().lock();
            try {
                own = IndexColumns.of(Arrays.stream(inOrder().entries()).filter(e -> e.involves(unit)).toArray(Entry[]::new));
                if (own.size() > 0) {
                    byUnit.putIfAbsent(unit, own);
                }
            } finally {
                lock.readLock().unlock();
            }
        }
        return own;
    }

    /** The assignments that pass the filter, in the list's order: skip, then at most limit ids; and the total. */
    Hits find(ListFilter filter, long skip, int limit) {
        return find(inOrder(), filter, skip, limit);
    }

    /**
     * The same among the entries {@code walked} ({@link #inOrder()}, {@link #inOrder(String)}, {@link #seenBy}): the
     * filter must let through only such entries, as the list's unit and visibility filters do; this only spares the
     * pass the others.
     */
    Hits find(IndexColumns walked, ListFilter filter, long skip, int limit) {
        if (filter == ListFilter.ALL) {
            // Nothing to test (the unfiltered list, a unit's page): the page is a slice of the walk, the total its size.
            int from = (int) Math.min(skip, walked.size());
            int to = (int) Math.min((long) from + limit, walked.size());
            List<String> ids = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                ids.add(walked.entries()[i].id());
            }
            return new Hits(ids, walked.size());
        }
        ListFilter resolved = filter.searched() == null ? filter : filter.found(holdingAll(filter.searched()));
        List<String> ids = new ArrayList<>(Math.min(limit, 256));
        long total = 0;
        for (int i = 0; i < walked.size(); i++) {
            if (resolved.test(walked, i)) {
                if (total >= skip && ids.size() < limit) {
                    ids.add(walked.entries()[i].id());
                }
                total++;
            }
        }
        return new Hits(ids, total);
    }

    /**
     * The entries whose search words hold every word of {@code typed} (folded, without white space), as a bit set by
     * their {@code slot}. An entry the index meets after this is not in it, whatever its words.
     */
    long[] holdingAll(List<String> typed) {
        lock.readLock().lock();
        try {
            return searchWords.holdingAll(typed, byId.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * What {@code unit}'s staff may see, in the list's order: the entries it leads or coordinates and those it feeds
     * ({@code fed}, from {@link #fedBy}), so that their list and dashboard walk these and not all 50,000.
     */
    IndexColumns seenBy(String unit, Set<String> fed) {
        IndexColumns own = inOrder(unit);
        List<Entry> fedOnly = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (String id : fed) {
                Entry entry = byId.get(id);
                if (entry != null && !entry.involves(unit)) {
                    fedOnly.add(entry);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        if (fedOnly.isEmpty()) {
            return own;
        }
        Entry[] seen = Arrays.copyOf(own.entries(), own.size() + fedOnly.size());
        for (int i = 0; i < fedOnly.size(); i++) {
            seen[own.size() + i] = fedOnly.get(i);
        }
        Arrays.sort(seen, ORDER);
        return IndexColumns.of(seen);
    }

    /**
     * The assignments whose sub-assignments {@code unit} leads: its staff see them too (a unit's contributions feed
     * them). Read from the unit's own entries, not from all of them.
     */
    Set<String> fedBy(String unit) {
        Set<String> fed = new HashSet<>();
        for (Entry entry : inOrder(unit).entries()) {
            if (entry.parentId() != null && unit.equals(entry.leadUnit())) {
                fed.add(entry.parentId());
            }
        }
        return fed;
    }

    Optional<Entry> get(String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Whether the index has read the event store up to its head once since this node started. From then on it
     * follows the store as the other projections do.
     *
     * <p>On catching up with {@link #SETTLE_FROM} assignments or more, it first asks for a full collection, once:
     * what the node made while reading the store is young, and the collector copies it at every young collection
     * until it is 15 collections old, pausing every request each time during the node's first minute or two
     * (figures in bench/README.md, "A warm node"). A full collection moves it to the old generation at once, and
     * before anything is told that the node has caught up: readiness (the health indicator asks here) and the lists
     * waiting for it. {@code -XX:+DisableExplicitGC} turns it off.
     */
    public boolean caughtUp() {
        if (!caughtUp) {
            synchronized (catchingUp) {
                if (!caughtUp && processorCaughtUp.getAsBoolean()) {
                    if (size() >= settleFrom) {
                        settleHeap.run();
                    }
                    caughtUp = true;
                }
            }
        }
        return caughtUp;
    }

    /**
     * Waits (at most docket.assignment-index.catch-up-wait) for the index to catch up after start-up; past that,
     * answers 503 list-catching-up rather than a list that would leave assignments out.
     */
    public void awaitCaughtUp() {
        long until = System.nanoTime() + catchUpWait.toNanos();
        while (!caughtUp()) {
            if (System.nanoTime() > until) {
                ErrorResponseException refused = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                        Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "list-catching-up", "This Docket node has"
                                + " just started and is still reading the assignments; try again in a few seconds."), null);
                refused.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
                throw refused;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the assignment index", e);
            }
        }
    }
}
