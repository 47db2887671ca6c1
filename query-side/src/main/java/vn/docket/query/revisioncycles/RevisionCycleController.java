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
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.DeliverableKind;
import vn.docket.platform.Text;
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

    RevisionCycleController(MongoDatabase database, Visibility visibility, AssignmentIndex assignments,
                            RevisionIndex index) {
        this.cycles = database.getCollection(RevisionCycleProjection.COLLECTION);
        this.visibility = visibility;
        this.assignments = assignments;
        this.index = index;
    }

    /**
     * Rounds of one assignment, the days each revised draft took to come back (null while still out), per round
     * the points raised, reopened, taken in and explained, and each point's story (raised, answered, closed or reopened).
     */
    record AssignmentCycles(String id, String title, String unit, String kind, int rounds, List<Long> turnaroundDays,
                            List<RoundPoints> pointsByRound, List<Document> points) {
    }

    record RoundPoints(int version, int raised, int reopened, int takenIn, int explained) {
    }

    /** The assignments of one lead unit or one kind: how many, their mean and their most rounds. */
    record Group(String key, int count, double meanRounds, int maxRounds) {
    }

    /** Points raised in the n-th round of every assignment, and how they were answered. */
    record RoundTotals(int round, int raised, int reopened, int takenIn, int explained) {
    }

    /**
     * {@code pointsRaised}, {@code takenIn}, {@code explained}, {@code reopened}: over every round shown.
     * {@code perAssignment}: the {@value #SHOWN} assignments with the most rounds (of {@code withRounds} that were
     * sent back at least once): the figures above count every assignment, a page of tens of thousands would not.
     */
    record RevisionCycles(int assignments, double meanRounds, int maxRounds, Double meanTurnaroundDays,
                          List<Double> meanTurnaroundDaysByRound, int pointsRaised, Double meanPointsPerRound,
                          int takenIn, int explained, int reopened, List<Group> byUnit, List<Group> byKind,
                          List<RoundTotals> pointsByRound, int withRounds, List<AssignmentCycles> perAssignment) {
    }

    static final int SHOWN = 200;

    @GetMapping("/api/stats/revision-cycles")
    @Operation(summary = "Revision rounds per assignment, mean and max, and turnaround per round")
    RevisionCycles stats(@RequestParam(required = false) String unit,
                         @RequestParam(required = false) DeliverableKind kind) {
        assignments.awaitCaughtUp();
        List<String> visibleIds = visibility.visibleIds(CurrentActor.get());
        Set<String> visible = visibleIds == null ? null : new HashSet<>(visibleIds);
        String unitName = Text.clean(unit);
        String kindName = kind == null ? null : kind.name();
        List<RevisionIndex.Cycle> found = index.find(c -> (visible == null || visible.contains(c.id()))
                && (unitName == null || unitName.equals(c.unit())) && (kindName == null || kindName.equals(c.kind())));
        // One pass over every assignment (tens of thousands), summing in plain arrays: the figures count them all;
        // only the assignments shown become records.
        Tally all = new Tally();
        Map<String, Tally> byUnit = new HashMap<>();
        Map<String, Tally> byKind = new HashMap<>();
        List<RevisionIndex.Cycle> sentBack = new ArrayList<>();
        for (RevisionIndex.Cycle c : found) {
            all.add(c);
            if (c.unit() != null) {
                byUnit.computeIfAbsent(c.unit(), u -> new Tally()).add(c);
            }
            if (c.kind() != null) {
                byKind.computeIfAbsent(c.kind(), k -> new Tally()).add(c);
            }
            if (!c.rounds().isEmpty()) {
                sentBack.add(c);
            }
        }
        // Titles are compared by the collation keys the index made once per assignment sent back: making them here
        // was most of a visit's time, and a collator shared by the requests is locked by every comparison.
        sentBack.sort(Comparator.comparingInt((RevisionIndex.Cycle c) -> c.rounds().size()).reversed()
                .thenComparing(RevisionIndex.Cycle::titleKey, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RevisionIndex.Cycle::id));
        List<AssignmentCycles> shown = sentBack.subList(0, Math.min(SHOWN, sentBack.size())).stream()
                .map(RevisionCycleController::cycles).toList();
        // A collator of this request's own for the groups' few names (java.text's collators lock themselves).
        Collator vietnamese = Collator.getInstance(VI);
        List<Double> byRound = new ArrayList<>();
        List<RoundTotals> pointsByRound = new ArrayList<>();
        for (int r = 0; r < all.max; r++) {
            byRound.add(all.returned[r] == 0 ? null : (double) all.turnaround[r] / all.returned[r]);
            pointsByRound.add(new RoundTotals(r + 1, all.raised[r], all.reopened[r], all.takenIn[r], all.explained[r]));
        }
        long returned = LongStream.of(all.returned).sum();
        int raised = IntStream.of(all.raised).sum();
        return new RevisionCycles(all.count, all.count == 0 ? 0 : (double) all.rounds / all.count, all.max,
                returned == 0 ? null : (double) LongStream.of(all.turnaround).sum() / returned, byRound, raised,
                all.rounds == 0 ? null : (double) raised / all.rounds, IntStream.of(all.takenIn).sum(),
                IntStream.of(all.explained).sum(), IntStream.of(all.reopened).sum(), groups(byUnit, vietnamese),
                groups(byKind, vietnamese), pointsByRound, sentBack.size(), withPoints(shown));
    }

    /** Sums over assignments, per round by index: round n of each assignment counts in slot n - 1. */
    private static final class Tally {
        int count;
        long rounds;
        int max;
        long[] turnaround = new long[0];
        long[] returned = new long[0];
        int[] raised = new int[0];
        int[] reopened = new int[0];
        int[] takenIn = new int[0];
        int[] explained = new int[0];

        void add(RevisionIndex.Cycle c) {
            List<RevisionIndex.Round> of = c.rounds();
            count++;
            rounds += of.size();
            if (of.size() > max) {
                max = of.size();
                turnaround = Arrays.copyOf(turnaround, max);
                returned = Arrays.copyOf(returned, max);
                raised = Arrays.copyOf(raised, max);
                reopened = Arrays.copyOf(reopened, max);
                takenIn = Arrays.copyOf(takenIn, max);
                explained = Arrays.copyOf(explained, max);
            }
            for (int r = 0; r < of.size(); r++) {
                RevisionIndex.Round round = of.get(r);
                Long days = round.turnaroundDays();
                if (days != null) {
                    turnaround[r] += days;
                    returned[r]++;
                }
                raised[r] += round.points();
                reopened[r] += round.reopened();
                takenIn[r] += round.takenIn();
                explained[r] += round.explained();
            }
        }
    }

    /** The points of the assignments shown, read by id: only these need their texts. */
    private List<AssignmentCycles> withPoints(List<AssignmentCycles> shown) {
        Map<String, Document> docs = ReadModels.byIds(cycles, shown.stream().map(AssignmentCycles::id).toList());
        return shown.stream().map(a -> {
            Document doc = docs.get(a.id());
            List<Document> points = doc == null ? null : doc.getList("points", Document.class);
            return new AssignmentCycles(a.id(), a.title(), a.unit(), a.kind(), a.rounds(), a.turnaroundDays(),
                    a.pointsByRound(), points == null ? List.of() : points);
        }).toList();
    }

    private static final Locale VI = Locale.forLanguageTag("vi");

    private static AssignmentCycles cycles(RevisionIndex.Cycle c) {
        return new AssignmentCycles(c.id(), c.title(), c.unit(), c.kind(), c.rounds().size(),
                c.rounds().stream().map(RevisionIndex.Round::turnaroundDays).toList(),
                c.rounds().stream().map(r -> new RoundPoints(r.version(), r.points(), r.reopened(), r.takenIn(),
                        r.explained())).toList(), List.of());
    }

    /** Most rounds on average first, then by name. */
    private static List<Group> groups(Map<String, Tally> byKey, Collator vietnamese) {
        return byKey.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue().count,
                        (double) e.getValue().rounds / e.getValue().count, e.getValue().max))
                .sorted(Comparator.comparingDouble(Group::meanRounds).reversed().thenComparing(Group::key, vietnamese))
                .toList();
    }
}
