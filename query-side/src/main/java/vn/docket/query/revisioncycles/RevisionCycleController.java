package vn.docket.query.revisioncycles;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiPredicate;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.DeliverableKind;
import vn.docket.platform.Text;
import vn.docket.platform.UnitAliases;
import vn.docket.platform.security.CurrentActor;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.assignments.Visibility;
import vn.docket.query.support.ReadModels;

@RestController
@Tag(name = "Statistics")
class RevisionCycleController {

    private final MongoCollection<Document> cycles;
    private final Visibility visibility;
    private final AssignmentIndex assignments;
    private final RevisionIndex index;
    /** A unit filter typed short ("TC-KH") is the directory's unit, as the web app resolves it (none on a query node alone). */
    private final UnitAliases units;

    RevisionCycleController(MongoDatabase database, Visibility visibility, AssignmentIndex assignments,
                            RevisionIndex index, ObjectProvider<UnitAliases> units) {
        this.cycles = database.getCollection(RevisionCycleProjection.COLLECTION);
        this.visibility = visibility;
        this.assignments = assignments;
        this.index = index;
        this.units = units.getIfAvailable(UnitAliases::none);
    }

    /**
     * Rounds of one assignment, the days each revised draft took to come back (null while still out), per round
     * the points raised, reopened, taken in and explained and closed unanswered by the final approval, and each point's
     * story (raised, answered, closed or reopened).
     */
    record AssignmentCycles(String id, String title, String unit, String kind, int rounds, List<Long> turnaroundDays,
                            List<RoundPoints> pointsByRound, List<RevisionCycle.Point> points) {
    }

    record RoundPoints(int version, int raised, int reopened, int takenIn, int explained, int closedUnanswered) {
    }

    /** The assignments of one lead unit or one kind: how many, their mean and their most rounds. */
    record Group(String key, int count, double meanRounds, int maxRounds) {
    }

    /** Points raised in the n-th round of every assignment, and how they were answered, or closed unanswered. */
    record RoundTotals(int round, int raised, int reopened, int takenIn, int explained, int closedUnanswered) {
    }

    /**
     * {@code pointsRaised}, {@code takenIn}, {@code explained}, {@code reopened}, {@code closedUnanswered} (points the
     * final approval closed without an answer): over every round shown.
     * {@code perAssignment}: the {@value #SHOWN} assignments with the most rounds (of {@code withRounds} that were
     * sent back at least once): the figures above count every assignment, a page of tens of thousands would not.
     * Their points (most of the answer's bytes, and a read of the read model) only unless {@code points=false}: the
     * statistics page shows none of them.
     */
    record RevisionCycles(int assignments, double meanRounds, int maxRounds, Double meanTurnaroundDays,
                          List<Double> meanTurnaroundDaysByRound, int pointsRaised, Double meanPointsPerRound,
                          int takenIn, int explained, int reopened, int closedUnanswered, List<Group> byUnit, List<Group> byKind,
                          List<RoundTotals> pointsByRound, int withRounds, List<AssignmentCycles> perAssignment) {
    }

    static final int SHOWN = 200;

    @GetMapping("/api/stats/revision-cycles")
    @Operation(summary = "Revision rounds per assignment, mean and max, and turnaround per round")
    RevisionCycles stats(@RequestParam(required = false) String unit,
                         @RequestParam(required = false) DeliverableKind kind,
                         @RequestParam(defaultValue = "true") boolean points) {
        assignments.awaitCaughtUp();
        List<String> visibleIds = visibility.visibleIds(CurrentActor.get());
        Set<String> visible = visibleIds == null ? null : new HashSet<>(visibleIds);
        String unitName = units.nameOf(Text.clean(unit));
        String kindName = kind == null ? null : kind.name();
        // Summed from the index's totals per lead unit and kind, kept as events arrive: at 50,000 assignments a record
        // with two lists per assignment, a pass per figure and a sort of every assignment sent back made this the
        // slowest read, and a pass over the assignments sent back was still most of it (bench/revstats.sh). A unit's
        // staff sums what they may see into totals of its own.
        BiPredicate<String, String> wanted = (u, k) -> (unitName == null || unitName.equals(u))
                && (kindName == null || kindName.equals(k));
        Tally tally = new Tally();
        if (visible == null) {
            index.forEachTotals(wanted, tally::add);
        } else {
            Map<List<String>, RevisionIndex.Totals> seen = new HashMap<>();
            index.forEachOf(visible, c -> {
                if (wanted.test(c.unit(), c.kind())) {
                    seen.computeIfAbsent(Arrays.asList(c.unit(), c.kind()), k -> new RevisionIndex.Totals(c.unit(), c.kind()))
                            .add(c, 1);
                }
            });
            seen.values().forEach(tally::add);
        }
        List<RevisionIndex.Cycle> shown = new ArrayList<>(tally.shown);
        shown.sort(RevisionIndex.SHOWN_FIRST);
        // A collator of this request's own for the groups' few names (java.text's collators lock themselves).
        Collator vietnamese = Collator.getInstance(VI);
        List<Double> byRound = new ArrayList<>();
        List<RoundTotals> pointsByRound = new ArrayList<>();
        for (int r = 0; r < tally.rounds.size(); r++) {
            long[] round = tally.rounds.get(r);
            byRound.add(round[RevisionIndex.TURNAROUNDS] == 0 ? null
                    : (double) round[RevisionIndex.TURNAROUND_DAYS] / round[RevisionIndex.TURNAROUNDS]);
            pointsByRound.add(new RoundTotals(r + 1, (int) round[RevisionIndex.RAISED], (int) round[RevisionIndex.REOPENED],
                    (int) round[RevisionIndex.TAKEN_IN], (int) round[RevisionIndex.EXPLAINED],
                    (int) round[RevisionIndex.CLOSED_UNANSWERED]));
        }
        int raised = pointsByRound.stream().mapToInt(RoundTotals::raised).sum();
        return new RevisionCycles(tally.assignments, tally.assignments == 0 ? 0 : (double) tally.roundsInAll / tally.assignments,
                tally.rounds.size(), tally.turnarounds == 0 ? null : (double) tally.turnaroundDays / tally.turnarounds,
                byRound, raised, tally.roundsInAll == 0 ? null : (double) raised / tally.roundsInAll,
                pointsByRound.stream().mapToInt(RoundTotals::takenIn).sum(),
                pointsByRound.stream().mapToInt(RoundTotals::explained).sum(),
                pointsByRound.stream().mapToInt(RoundTotals::reopened).sum(),
                pointsByRound.stream().mapToInt(RoundTotals::closedUnanswered).sum(), groups(tally.byUnit, vietnamese),
                groups(tally.byKind, vietnamese), pointsByRound, tally.withRounds,
                points ? withPoints(shown.stream().map(RevisionCycleController::cycles).toList())
                        : shown.stream().map(RevisionCycleController::cycles).toList());
    }

    /** The figures of one request: the totals of the units and kinds it covers, added up. */
    private static final class Tally {
        int assignments;
        long roundsInAll;
        long turnaroundDays;
        long turnarounds;
        /** The n-th round of every assignment, summed: as many as the most rounds any assignment had. */
        final List<long[]> rounds = new ArrayList<>();
        /** Per key: how many, their rounds in all, their most rounds. */
        final Map<String, long[]> byUnit = new HashMap<>();
        final Map<String, long[]> byKind = new HashMap<>();
        int withRounds;
        /** The SHOWN best so far, the worst of them at the head (so the next better one replaces it). */
        final PriorityQueue<RevisionIndex.Cycle> shown = new PriorityQueue<>(RevisionIndex.SHOWN_FIRST.reversed());

        /** Called under the index's read lock: keeps nothing of {@code t} but its assignments. */
        void add(RevisionIndex.Totals t) {
            if (t.assignments == 0) {
                return; // all handed to other units: no group of none
            }
            int most = t.maxRounds();
            assignments += t.assignments;
            roundsInAll += t.roundsInAll;
            group(byUnit, t.unit, t);
            group(byKind, t.kind, t);
            for (int r = 0; r < most; r++) {
                if (r == rounds.size()) {
                    rounds.add(new long[RevisionIndex.CLOSED_UNANSWERED + 1]);
                }
                long[] sum = rounds.get(r);
                long[] of = t.rounds.get(r);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += of[i];
                }
                turnaroundDays += of[RevisionIndex.TURNAROUND_DAYS];
                turnarounds += of[RevisionIndex.TURNAROUNDS];
            }
            withRounds += t.sentBack.size();
            // In the order shown: once one is no better than the worst kept, none after it is.
            for (RevisionIndex.Cycle c : t.sentBack) {
                if (shown.size() < SHOWN) {
                    shown.add(c);
                } else if (RevisionIndex.SHOWN_FIRST.compare(c, shown.peek()) < 0) {
                    shown.poll();
                    shown.add(c);
                } else {
                    break;
                }
            }
        }

        /** A group's figures: how many, their rounds in all, their most rounds (none for an assignment of no unit). */
        private static void group(Map<String, long[]> groups, String key, RevisionIndex.Totals t) {
            if (key != null) {
                long[] group = groups.computeIfAbsent(key, k -> new long[3]);
                group[0] += t.assignments;
                group[1] += t.roundsInAll;
                group[2] = Math.max(group[2], t.maxRounds());
            }
        }
    }

    /** The points of the assignments shown, read by id: only these need their texts. */
    private List<AssignmentCycles> withPoints(List<AssignmentCycles> shown) {
        Map<String, Document> docs = ReadModels.byIds(cycles, shown.stream().map(AssignmentCycles::id).toList());
        return shown.stream().map(a -> {
            Document doc = docs.get(a.id());
            return new AssignmentCycles(a.id(), a.title(), a.unit(), a.kind(), a.rounds(), a.turnaroundDays(),
                    a.pointsByRound(), doc == null ? List.of() : RevisionCycle.read(doc).points());
        }).toList();
    }

    private static final Locale VI = Locale.forLanguageTag("vi");

    private static AssignmentCycles cycles(RevisionIndex.Cycle c) {
        return new AssignmentCycles(c.id(), c.title(), c.unit(), c.kind(), c.rounds().size(),
                c.rounds().stream().map(RevisionIndex.Round::turnaroundDays).toList(),
                c.rounds().stream().map(r -> new RoundPoints(r.version(), r.points(), r.reopened(), r.takenIn(),
                        r.explained(), r.closedUnanswered())).toList(), List.of());
    }

    /** Most rounds on average first, then by name. */
    private static List<Group> groups(Map<String, long[]> groups, Collator vietnamese) {
        return groups.entrySet().stream().map(e -> new Group(e.getKey(), (int) e.getValue()[0],
                        (double) e.getValue()[1] / e.getValue()[0], (int) e.getValue()[2]))
                .sorted(Comparator.comparingDouble(Group::meanRounds).reversed().thenComparing(Group::key, vietnamese))
                .toList();
    }
}
