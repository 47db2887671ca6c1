package vn.docket.query.revisioncycles;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
                            List<RoundPoints> pointsByRound, List<RevisionCycle.Point> points) {
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
        List<AssignmentCycles> per = found.stream().map(RevisionCycleController::cycles).toList();
        int max = per.stream().mapToInt(AssignmentCycles::rounds).max().orElse(0);
        double mean = per.stream().mapToInt(AssignmentCycles::rounds).average().orElse(0);
        List<Long> all = per.stream().flatMap(a -> a.turnaroundDays().stream()).filter(t -> t != null).toList();
        Double meanTurnaround = all.isEmpty() ? null : all.stream().mapToLong(Long::longValue).average().orElse(0);
        List<Double> byRound = new ArrayList<>();
        for (int r = 0; r < max; r++) {
            int round = r;
            byRound.add(per.stream().filter(a -> a.turnaroundDays().size() > round)
                    .map(a -> a.turnaroundDays().get(round)).filter(t -> t != null)
                    .mapToLong(Long::longValue).average().stream().boxed().findFirst().orElse(null));
        }
        List<RoundPoints> rounds = per.stream().flatMap(a -> a.pointsByRound().stream()).toList();
        int raised = rounds.stream().mapToInt(RoundPoints::raised).sum();
        // Titles are compared by the collation keys the index made once per assignment sent back: making them here
        // was most of a visit's time, and a collator shared by the requests is locked by every comparison.
        List<AssignmentCycles> sentBack = found.stream().filter(c -> !c.rounds().isEmpty())
                .sorted(Comparator.comparingInt((RevisionIndex.Cycle c) -> c.rounds().size()).reversed()
                        .thenComparing(RevisionIndex.Cycle::titleKey, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RevisionIndex.Cycle::id))
                .map(RevisionCycleController::cycles).toList();
        // A collator of this request's own for the groups' few names (java.text's collators lock themselves).
        Collator vietnamese = Collator.getInstance(VI);
        return new RevisionCycles(per.size(), mean, max, meanTurnaround, byRound, raised,
                rounds.isEmpty() ? null : (double) raised / rounds.size(),
                rounds.stream().mapToInt(RoundPoints::takenIn).sum(), rounds.stream().mapToInt(RoundPoints::explained).sum(),
                rounds.stream().mapToInt(RoundPoints::reopened).sum(), groups(per, AssignmentCycles::unit, vietnamese),
                groups(per, AssignmentCycles::kind, vietnamese), roundTotals(per), sentBack.size(),
                withPoints(sentBack.subList(0, Math.min(SHOWN, sentBack.size()))));
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
                        r.explained())).toList(), List.of());
    }

    /** Most rounds on average first, then by name. */
    static List<Group> groups(List<AssignmentCycles> per, Function<AssignmentCycles, String> keyOf, Collator vietnamese) {
        Map<String, List<AssignmentCycles>> byKey = per.stream().filter(a -> keyOf.apply(a) != null)
                .collect(Collectors.groupingBy(keyOf));
        return byKey.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue().size(),
                        e.getValue().stream().mapToInt(AssignmentCycles::rounds).average().orElse(0),
                        e.getValue().stream().mapToInt(AssignmentCycles::rounds).max().orElse(0)))
                .sorted(Comparator.comparingDouble(Group::meanRounds).reversed().thenComparing(Group::key, vietnamese))
                .toList();
    }

    /** The points of every assignment's first round, second round, and so on. */
    static List<RoundTotals> roundTotals(List<AssignmentCycles> per) {
        List<RoundTotals> totals = new ArrayList<>();
        for (AssignmentCycles a : per) {
            for (int i = 0; i < a.pointsByRound().size(); i++) {
                RoundPoints r = a.pointsByRound().get(i);
                RoundTotals sum = i < totals.size() ? totals.get(i) : new RoundTotals(i + 1, 0, 0, 0, 0);
                RoundTotals added = new RoundTotals(i + 1, sum.raised() + r.raised(), sum.reopened() + r.reopened(),
                        sum.takenIn() + r.takenIn(), sum.explained() + r.explained());
                if (i < totals.size()) {
                    totals.set(i, added);
                } else {
                    totals.add(added);
                }
            }
        }
        return totals;
    }
}
