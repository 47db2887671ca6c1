package vn.docket.query.revisioncycles;

import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;
import vn.docket.query.assignments.AssignmentIndex;

/**
 * Every assignment's revision rounds, held in memory on every query node: the one place that counts rounds, their
 * turnaround and their points. The statistics group and sum every assignment from here (for whoever sees everything,
 * from {@link Totals} per lead unit and kind, kept as events arrive); the embedded database
 * answers any filter on the {@code revision_cycles} read model by reading all of it, one document with its points'
 * texts per assignment. The points themselves stay in that read model ({@link RevisionCycleProjection}).
 *
 * <p>It belongs to the assignment index's processing group, whose position is kept in memory: every node reads the
 * whole event store once at start and then follows it. An event delivered again is skipped by its sequence number.
 * The title is the event's own string, which the assignment index holds too, so it costs no memory of its own; an
 * assignment sent back also keeps its title's Vietnamese collation key (a few hundred bytes), made once here: the
 * statistics rank the assignments sent back by title, and making the keys on every visit was most of its time.
 */
@Component
@ProcessingGroup(AssignmentIndex.NAME)
public class RevisionIndex {

    /**
     * One round: the version sent back, the days it was asked for and came back (null while out), and its points;
     * {@code closedUnanswered}: the points the final approval closed with no answer, counted in the last round as the
     * answers are.
     */
    record Round(int version, LocalDate requestedOn, LocalDate resubmittedOn, int points, int reopened, int takenIn,
                 int explained, int closedUnanswered) {

        Long turnaroundDays() {
            return resubmittedOn == null ? null : ChronoUnit.DAYS.between(requestedOn, resubmittedOn);
        }

        /** Closed by the draft that answers it; a round closed already stays as it was. */
        Round resubmitted(LocalDate on) {
            return resubmittedOn != null ? this
                    : new Round(version, requestedOn, on, points, reopened, takenIn, explained, closedUnanswered);
        }

        /** With more of its points answered. */
        Round answered(int moreTakenIn, int moreExplained) {
            return new Round(version, requestedOn, resubmittedOn, points, reopened, takenIn + moreTakenIn,
                    explained + moreExplained, closedUnanswered);
        }

        /** With the points the final approval closed with no answer. */
        Round closing(int unanswered) {
            return new Round(version, requestedOn, resubmittedOn, points, reopened, takenIn, explained,
                    closedUnanswered + unanswered);
        }
    }

    /**
     * One assignment; {@code seq} is its last event applied; {@code titleKey} made when it is first sent back;
     * {@code open}: how many of its points are raised or reopened and not answered since.
     */
    record Cycle(String id, long seq, String title, CollationKey titleKey, String unit, String kind, List<Round> rounds,
                 int open) {

        Cycle with(long seq, String unit, List<Round> rounds) {
            return new Cycle(id, seq, title, titleKey, unit, kind, rounds, open);
        }

        Cycle withOpen(int open) {
            return new Cycle(id, seq, title, titleKey, unit, kind, rounds, Math.max(0, open));
        }
    }

    /**
     * The assignments sent back shown first: most rounds, then by title in Vietnamese order (by the collation keys made
     * once per assignment sent back), then by id, so that ties always come out in the same order.
     */
    static final Comparator<Cycle> SHOWN_FIRST = Comparator.comparingInt((Cycle c) -> c.rounds().size()).reversed()
            .thenComparing(Cycle::titleKey, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Cycle::id);

    /** A round's sums in {@link Totals#rounds}, by these indexes. */
    static final int TURNAROUND_DAYS = 0;
    static final int TURNAROUNDS = 1;
    static final int RAISED = 2;
    static final int REOPENED = 3;
    static final int TAKEN_IN = 4;
    static final int EXPLAINED = 5;
    static final int CLOSED_UNANSWERED = 6;

    /**
     * The figures of some assignments of one lead unit (null for none) and one kind: the index keeps one per unit and
     * kind as events arrive, so that the statistics over everything visit a few of these rather than every assignment;
     * a request for a unit's staff sums what they may see into its own.
     */
    static final class Totals {
        final String unit;
        final String kind;
        int assignments;
        long roundsInAll;
        /** How many have had n rounds, by n: the most rounds is the last n with any. */
        int[] withRounds = new int[4];
        /** Round n of each (0 the first), summed by the indexes above; beyond the most rounds all zero. */
        final List<long[]> rounds = new ArrayList<>();
        /** Those sent back at least once, the ones to show first first. */
        final TreeSet<Cycle> sentBack = new TreeSet<>(SHOWN_FIRST);

        Totals(String unit, String kind) {
            this.unit = unit;
            this.kind = kind;
        }

        /** Counts the assignment in ({@code sign} 1) or out again (-1), as it was counted in. */
        void add(Cycle c, int sign) {
            List<Round> of = c.rounds();
            assignments += sign;
            roundsInAll += (long) sign * of.size();
            if (of.size() >= withRounds.length) {
                withRounds = Arrays.copyOf(withRounds, of.size() + 4);
            }
            withRounds[of.size()] += sign;
            for (int r = 0; r < of.size(); r++) {
                if (r == rounds.size()) {
                    rounds.add(new long[CLOSED_UNANSWERED + 1]);
                }
                long[] sum = rounds.get(r);
                Round round = of.get(r);
                if (round.resubmittedOn() != null) {
                    sum[TURNAROUND_DAYS] += sign * round.turnaroundDays();
                    sum[TURNAROUNDS] += sign;
                }
                sum[RAISED] += (long) sign * round.points();
                sum[REOPENED] += (long) sign * round.reopened();
                sum[TAKEN_IN] += (long) sign * round.takenIn();
                sum[EXPLAINED] += (long) sign * round.explained();
                sum[CLOSED_UNANSWERED] += (long) sign * round.closedUnanswered();
            }
            if (!of.isEmpty()) {
                if (sign > 0) {
                    sentBack.add(c);
                } else {
                    sentBack.remove(c);
                }
            }
        }

        int maxRounds() {
            for (int n = withRounds.length - 1; n > 0; n--) {
                if (withRounds[n] > 0) {
                    return n;
                }
            }
            return 0;
        }
    }

    private final Map<String, Cycle> byId = new HashMap<>();
    /** Per lead unit (null for none), per kind: the figures of its assignments. */
    private final Map<String, Map<String, Totals>> totals = new HashMap<>();
    /** Lead units are few: one string each, whatever the number of events naming them. */
    private final Map<String, String> units = new HashMap<>();
    /** One writer (the processor), many readers (requests). */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Used by the processor's thread alone (a java.text collator locks itself for every key it makes). */
    private final Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));

    @EventHandler
    void on(TaskAssigned e, @SequenceNumber long seq) {
        String id = e.assignmentId().toString();
        lock.writeLock().lock();
        try {
            if (!byId.containsKey(id)) {
                Cycle cycle = new Cycle(id, seq, e.title(), null, unit(e.leadUnit()), e.kind().name(), List.of(), 0);
                byId.put(id, cycle);
                totals(cycle).add(cycle, 1);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @EventHandler
    void on(TaskReassigned e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, c -> c.with(seq, unit(e.newLeadUnit()), c.rounds()));
    }

    @EventHandler
    void on(RevisionRequested e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, c -> withRound(c, seq,
                new Round(e.version(), e.effectiveDate(), null, e.points().size(), e.reopenedPoints().size(), 0, 0, 0))
                .withOpen(c.open() + e.points().size() + e.reopenedPoints().size()));
    }

    /** A revision required at the meeting is the plan's first round, its requirements the points; an approval in principle is not a round. */
    @EventHandler
    void on(MeetingConcluded e, @SequenceNumber long seq) {
        if (e.verdict() == MeetingVerdict.REVISION_REQUIRED) {
            change(e.assignmentId().toString(), seq, c -> withRound(c, seq,
                    new Round(e.version(), e.effectiveDate(), null, e.requirements().size(), 0, 0, 0, 0))
                    .withOpen(c.open() + e.requirements().size()));
        }
    }

    /** The draft that answers the round still out closes it. */
    @EventHandler
    void on(DraftSubmitted e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, c -> withLast(c, seq, last -> last.resubmitted(e.effectiveDate())));
    }

    /** Answers count in the round they answer: the last one. */
    @EventHandler
    void on(RevisionPointsAnswered e, @SequenceNumber long seq) {
        int takenIn = (int) e.answers().stream().filter(a -> a.answer() == RevisionPointsAnswered.Answer.TAKEN_IN).count();
        change(e.assignmentId().toString(), seq, c -> withLast(c, seq,
                last -> last.answered(takenIn, e.answers().size() - takenIn)).withOpen(c.open() - e.answers().size()));
    }

    /**
     * The final approval closes the points still open, unanswered: counted as such in the last round (where the
     * answers of the approved draft count), no longer as open.
     */
    @EventHandler
    void on(DraftApproved e, @SequenceNumber long seq) {
        if (!e.finalApproval()) {
            return;
        }
        change(e.assignmentId().toString(), seq, c -> withLast(c, seq, last -> last.closing(c.open())).withOpen(0));
    }

    /** The assignments that pass the filter, as they are now. */
    List<Cycle> find(Predicate<Cycle> filter) {
        List<Cycle> found = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (Cycle cycle : byId.values()) {
                if (filter.test(cycle)) {
                    found.add(cycle);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return found;
    }

    /**
     * The totals of each lead unit and kind that {@code wanted} names, as they are now, under the read lock ({@code
     * each} must be quick, and keep nothing of them but the assignments): the statistics over everything visit these
     * rather than each of tens of thousands of assignments.
     */
    void forEachTotals(BiPredicate<String, String> wanted, Consumer<Totals> each) {
        lock.readLock().lock();
        try {
            totals.forEach((unit, kinds) -> kinds.forEach((kind, t) -> {
                if (wanted.test(unit, kind)) {
                    each.accept(t);
                }
            }));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** These assignments (an unknown id is passed over), as they are now, under the read lock: {@code each} must be quick. */
    void forEachOf(Collection<String> ids, Consumer<Cycle> each) {
        lock.readLock().lock();
        try {
            for (String id : ids) {
                Cycle cycle = byId.get(id);
                if (cycle != null) {
                    each.accept(cycle);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Applies the change unless the assignment is unknown or the event was applied already. */
    private void change(String id, long seq, UnaryOperator<Cycle> change) {
        lock.writeLock().lock();
        try {
            Cycle cycle = byId.get(id);
            if (cycle != null && seq > cycle.seq()) {
                Cycle changed = change.apply(cycle);
                byId.put(id, changed);
                // Out as it was, in as it is: its unit, its rounds or their figures may have changed.
                totals(cycle).add(cycle, -1);
                totals(changed).add(changed, 1);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Totals totals(Cycle c) {
        return totals.computeIfAbsent(c.unit(), u -> new HashMap<>()).computeIfAbsent(c.kind(), k -> new Totals(c.unit(), k));
    }

    private String unit(String unit) {
        return unit == null ? null : units.computeIfAbsent(unit, u -> u);
    }

    private Cycle withRound(Cycle c, long seq, Round round) {
        List<Round> rounds = new ArrayList<>(c.rounds());
        rounds.add(round);
        CollationKey key = c.titleKey() != null || c.title() == null ? c.titleKey() : vietnamese.getCollationKey(c.title());
        return new Cycle(c.id(), seq, c.title(), key, c.unit(), c.kind(), List.copyOf(rounds), c.open());
    }

    /** Its last round changed; one not sent back yet has no round, and so no open point, to change. */
    private static Cycle withLast(Cycle c, long seq, UnaryOperator<Round> change) {
        if (c.rounds().isEmpty()) {
            return c.with(seq, c.unit(), c.rounds());
        }
        List<Round> rounds = new ArrayList<>(c.rounds());
        rounds.set(rounds.size() - 1, change.apply(rounds.get(rounds.size() - 1)));
        return c.with(seq, c.unit(), List.copyOf(rounds));
    }
}
