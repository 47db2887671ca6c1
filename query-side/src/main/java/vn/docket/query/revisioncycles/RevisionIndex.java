package vn.docket.query.revisioncycles;

import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
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
 * the assignments sent back and a count per lead unit and kind, kept as events arrive); the embedded database
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

    /** One round: the version sent back, the days it was asked for and came back (null while out), and its points. */
    record Round(int version, LocalDate requestedOn, LocalDate resubmittedOn, int points, int reopened, int takenIn,
                 int explained) {

        Long turnaroundDays() {
            return resubmittedOn == null ? null : ChronoUnit.DAYS.between(requestedOn, resubmittedOn);
        }
    }

    /** One assignment; {@code seq} is its last event applied; {@code titleKey} made when it is first sent back. */
    record Cycle(String id, long seq, String title, CollationKey titleKey, String unit, String kind, List<Round> rounds) {

        Cycle with(long seq, String unit, List<Round> rounds) {
            return new Cycle(id, seq, title, titleKey, unit, kind, rounds);
        }
    }

    private final Map<String, Cycle> byId = new HashMap<>();
    /** The assignments with at least one round, by id: the same records as in {@code byId}. */
    private final Map<String, Cycle> sentBack = new HashMap<>();
    /** Per lead unit (null for none), per kind: how many assignments, in a one-element array. */
    private final Map<String, Map<String, int[]>> counts = new HashMap<>();
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
                Cycle cycle = new Cycle(id, seq, e.title(), null, unit(e.leadUnit()), e.kind().name(), List.of());
                byId.put(id, cycle);
                count(cycle.unit(), cycle.kind(), 1);
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
                new Round(e.version(), e.effectiveDate(), null, e.points().size(), e.reopenedPoints().size(), 0, 0)));
    }

    /** A revision required at the meeting is the plan's first round, its requirements the points; an approval in principle is not a round. */
    @EventHandler
    void on(MeetingConcluded e, @SequenceNumber long seq) {
        if (e.verdict() == MeetingVerdict.REVISION_REQUIRED) {
            change(e.assignmentId().toString(), seq, c -> withRound(c, seq,
                    new Round(e.version(), e.effectiveDate(), null, e.requirements().size(), 0, 0, 0)));
        }
    }

    /** The draft that answers the round still out closes it. */
    @EventHandler
    void on(DraftSubmitted e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, c -> {
            Round last = c.rounds().isEmpty() ? null : c.rounds().get(c.rounds().size() - 1);
            if (last == null || last.resubmittedOn() != null) {
                return c.with(seq, c.unit(), c.rounds());
            }
            return withLast(c, seq, new Round(last.version(), last.requestedOn(), e.effectiveDate(), last.points(),
                    last.reopened(), last.takenIn(), last.explained()));
        });
    }

    /** Answers count in the round they answer: the last one. */
    @EventHandler
    void on(RevisionPointsAnswered e, @SequenceNumber long seq) {
        change(e.assignmentId().toString(), seq, c -> {
            if (c.rounds().isEmpty()) {
                return c.with(seq, c.unit(), c.rounds());
            }
            Round last = c.rounds().get(c.rounds().size() - 1);
            long takenIn = e.answers().stream().filter(a -> a.answer() == RevisionPointsAnswered.Answer.TAKEN_IN).count();
            return withLast(c, seq, new Round(last.version(), last.requestedOn(), last.resubmittedOn(), last.points(),
                    last.reopened(), last.takenIn() + (int) takenIn, last.explained() + e.answers().size() - (int) takenIn));
        });
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

    /** What {@link #visit} hands on for each lead unit and kind: how many assignments there are of it. */
    interface Counts {
        void add(String unit, String kind, int assignments);
    }

    /**
     * How many assignments each lead unit has of each kind, and every assignment sent back at least once, as they are
     * now, under the read lock ({@code each} must be quick): the statistics' figures over everything without visiting
     * the many assignments never sent back (five in six in bench/read.sh's data).
     */
    void visit(Counts counts, Consumer<Cycle> sentBack) {
        lock.readLock().lock();
        try {
            this.counts.forEach((unit, kinds) -> kinds.forEach((kind, n) -> counts.add(unit, kind, n[0])));
            this.sentBack.values().forEach(sentBack);
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
                if (!Objects.equals(cycle.unit(), changed.unit())) {
                    count(cycle.unit(), cycle.kind(), -1);
                    count(changed.unit(), changed.kind(), 1);
                }
                // Rounds are never taken back: once sent back, always among these.
                if (!changed.rounds().isEmpty()) {
                    sentBack.put(id, changed);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A unit and kind left with no assignment is dropped, so that no group of none is ever shown. */
    private void count(String unit, String kind, int by) {
        Map<String, int[]> kinds = counts.computeIfAbsent(unit, u -> new HashMap<>());
        int[] n = kinds.computeIfAbsent(kind, k -> new int[1]);
        n[0] += by;
        if (n[0] == 0) {
            kinds.remove(kind);
            if (kinds.isEmpty()) {
                counts.remove(unit);
            }
        }
    }

    private String unit(String unit) {
        return unit == null ? null : units.computeIfAbsent(unit, u -> u);
    }

    private Cycle withRound(Cycle c, long seq, Round round) {
        List<Round> rounds = new ArrayList<>(c.rounds());
        rounds.add(round);
        CollationKey key = c.titleKey() != null || c.title() == null ? c.titleKey() : vietnamese.getCollationKey(c.title());
        return new Cycle(c.id(), seq, c.title(), key, c.unit(), c.kind(), List.copyOf(rounds));
    }

    private static Cycle withLast(Cycle c, long seq, Round last) {
        List<Round> rounds = new ArrayList<>(c.rounds());
        rounds.set(rounds.size() - 1, last);
        return c.with(seq, c.unit(), List.copyOf(rounds));
    }
}
