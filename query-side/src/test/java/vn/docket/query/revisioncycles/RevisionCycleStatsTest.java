package vn.docket.query.revisioncycles;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.DeliverableKind;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskReassigned;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;
import vn.docket.query.revisioncycles.RevisionCycleController.Group;
import vn.docket.query.revisioncycles.RevisionCycleController.RevisionCycles;
import vn.docket.query.revisioncycles.RevisionCycleController.RoundTotals;
import vn.docket.query.support.ReadModels;

/**
 * The statistics page's groups (per lead unit, per kind) and its points per round are the server's, counted over
 * every assignment; the list under them holds only the most revised, so that the page stays small however many
 * assignments there are (it downloaded every one and grouped them in the browser). The figures come from the
 * rounds held in memory; the read model is read only for the points of the assignments shown, by id.
 */
class RevisionCycleStatsTest {

    static final List<String> UNITS = List.of("Phòng Kinh tế", "Phòng Quản lý đô thị", "Ban Quản lý dự án");
    static final String LEADERS = "Lãnh đạo UBND thành phố";
    static final MetaData CHAIR = MetaData.from(EventMetadata.of(new Actor("chair", "Hoàng Văn Nam", LEADERS, Role.CHAIR), "c"));
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** Beginnings whose Vietnamese order differs from the order of their code points (Á before B, Đ after D). */
    static final List<String> TITLES = List.of("Ánh sáng đô thị", "Bình ổn giá", "Đề án chuyển đổi số", "Dự thảo kế hoạch");

    record Sent(String id, String title, String unit, List<String> coordinating, DeliverableKind kind, int rounds,
                List<Integer> points, List<Integer> takenIn, List<Integer> explained) {
    }

    RevisionCycleProjection projection;
    RevisionIndex index;
    AnnotationEventHandlerAdapter assignments;
    RevisionCycleController controller;
    final List<Sent> sent = new ArrayList<>();
    final List<BsonDocument> reads = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final TestDatabase db = TestDatabase.recording(RevisionCycleProjection.COLLECTION, reads);

    @BeforeEach
    void setUp() {
        MongoDatabase database = db.database();
        projection = new RevisionCycleProjection(database);
        index = new RevisionIndex();
        // The list's index, for the visibility of a unit's staff (clerks see everything).
        AssignmentIndex listed = TestReadSide.index();
        assignments = new AnnotationEventHandlerAdapter(listed);
        controller = new RevisionCycleController(database, TestReadSide.visibility(listed), listed, index,
                TestReadSide.noUnitDirectory());
        TestReadSide.signIn(new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK));
    }

    @Test
    void the_groups_and_rounds_count_every_assignment_while_the_list_shows_the_most_revised_two_hundred() {
        Random random = new Random(3);
        for (int i = 0; i < 320; i++) {
            assign(UNITS.get(random.nextInt(UNITS.size())), random.nextBoolean() ? DeliverableKind.PLAN : DeliverableKind.REPORT,
                    random.nextInt(4), random);
        }

        reads.clear();
        RevisionCycles stats = controller.stats(null, null, true);

        assertThat(stats.assignments()).isEqualTo(320);
        for (String unit : UNITS) {
            List<Sent> of = sent.stream().filter(s -> s.unit().equals(unit)).toList();
            assertThat(stats.byUnit()).filteredOn(g -> g.key().equals(unit)).singleElement().satisfies(g -> {
                assertThat(g.count()).isEqualTo(of.size());
                assertThat(g.meanRounds()).isCloseTo(of.stream().mapToInt(Sent::rounds).average().orElseThrow(),
                        org.assertj.core.data.Offset.offset(1e-9));
                assertThat(g.maxRounds()).isEqualTo(of.stream().mapToInt(Sent::rounds).max().orElseThrow());
            });
        }
        assertThat(stats.byUnit()).extracting(Group::meanRounds).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(stats.byKind()).extracting(Group::key).containsExactlyInAnyOrder("PLAN", "REPORT");
        assertThat(stats.byKind()).extracting(Group::count).containsExactlyInAnyOrder(
                (int) sent.stream().filter(s -> s.kind() == DeliverableKind.PLAN).count(),
                (int) sent.stream().filter(s -> s.kind() == DeliverableKind.REPORT).count());
        for (int round = 1; round <= 3; round++) {
            int r = round;
            int raised = sent.stream().filter(s -> s.rounds() >= r).mapToInt(s -> s.points().get(r - 1)).sum();
            assertThat(stats.pointsByRound().get(round - 1)).isEqualTo(new RoundTotals(round, raised, 0, 0, 0, 0));
        }
        // Each revised draft came back 7 days after it was asked for; nobody has answered the third round yet.
        assertThat(stats.meanTurnaroundDays()).isEqualTo(7.0);
        assertThat(stats.meanTurnaroundDaysByRound()).containsExactly(7.0, 7.0, null);
        int allRounds = sent.stream().mapToInt(Sent::rounds).sum();
        assertThat(stats.meanRounds()).isEqualTo((double) allRounds / 320);
        assertThat(stats.meanPointsPerRound()).isEqualTo((double) stats.pointsRaised() / allRounds);
        long sentBack = sent.stream().filter(s -> s.rounds() > 0).count();
        assertThat(sentBack).isGreaterThan(RevisionCycleController.SHOWN);
        assertThat(stats.withRounds()).isEqualTo(sentBack);
        assertThat(stats.perAssignment()).hasSize(RevisionCycleController.SHOWN)
                .allSatisfy(a -> assertThat(a.rounds()).isPositive())
                .isSortedAccordingTo(Comparator.comparingInt(RevisionCycleController.AssignmentCycles::rounds).reversed()
                        .thenComparing(RevisionCycleController.AssignmentCycles::title, Collator.getInstance(Locale.forLanguageTag("vi"))));
        assertThat(stats.perAssignment().get(0).rounds()).isEqualTo(3);
        assertThat(stats.perAssignment().get(0).points()).hasSize(sent.stream().filter(s -> s.rounds() == 3)
                .filter(s -> s.title().equals(stats.perAssignment().get(0).title())).findFirst().orElseThrow()
                .points().stream().mapToInt(Integer::intValue).sum());
        // Only the points of the assignments shown are read, by id: no scan of one document per assignment.
        assertThat(reads).isNotEmpty().allSatisfy(filter -> {
            assertThat(filter.keySet()).containsExactly("_id");
            assertThat(filter.getDocument("_id").getArray("$in")).hasSizeLessThanOrEqualTo(ReadModels.KEYS_PER_READ);
        });
    }

    @Test
    void a_unit_filter_counts_only_that_units_assignments_in_its_groups() {
        Random random = new Random(5);
        for (int i = 0; i < 30; i++) {
            assign(UNITS.get(i % UNITS.size()), DeliverableKind.PLAN, random.nextInt(3), random);
        }

        RevisionCycles stats = controller.stats(UNITS.get(1), null, true);

        assertThat(stats.byUnit()).singleElement().satisfies(g -> assertThat(g.key()).isEqualTo(UNITS.get(1)))
                .extracting(Group::count).isEqualTo(10);
        assertThat(stats.perAssignment()).allSatisfy(a -> assertThat(a.unit()).isEqualTo(UNITS.get(1)));
    }

    @Test
    void the_two_hundred_shown_are_the_most_rounds_then_the_title_in_vietnamese_order_then_the_id_where_both_tie() {
        Random random = new Random(7);
        // Four titles for 400 assignments: most of those shown tie on rounds and title with others.
        for (int i = 0; i < 400; i++) {
            assign(TITLES.get(random.nextInt(TITLES.size())), UNITS.get(random.nextInt(UNITS.size())), List.of(),
                    random.nextBoolean() ? DeliverableKind.PLAN : DeliverableKind.REPORT, random.nextInt(4), true, random);
        }

        RevisionCycles stats = controller.stats(null, null, true);

        assertThat(stats.withRounds()).isGreaterThan(RevisionCycleController.SHOWN);
        assertFigures(stats, sent);
    }

    @Test
    void a_unit_members_figures_count_only_what_they_may_see_and_a_unit_or_kind_filter_narrows_them_further() {
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            assign(TITLES.get(i % TITLES.size()) + " " + i, UNITS.get(random.nextInt(UNITS.size())),
                    random.nextInt(3) == 0 ? List.of(UNITS.get(random.nextInt(UNITS.size()))) : List.of(),
                    random.nextBoolean() ? DeliverableKind.PLAN : DeliverableKind.REPORT, random.nextInt(4), true, random);
        }
        String own = UNITS.get(0);
        TestReadSide.signIn(new Actor("kt", "Trần Văn Minh", own, Role.UNIT_STAFF));
        List<Sent> seen = sent.stream().filter(s -> s.unit().equals(own) || s.coordinating().contains(own)).toList();

        assertThat(seen).hasSizeBetween(1, sent.size() - 1);
        assertFigures(controller.stats(null, null, true), seen);
        // Led by another unit, coordinated by this one: seen, and counted under the unit that leads them.
        assertThat(seen).anyMatch(s -> s.unit().equals(UNITS.get(2)));
        assertFigures(controller.stats(" " + UNITS.get(2) + " ", null, true), seen.stream().filter(s -> s.unit().equals(UNITS.get(2))).toList());
        assertFigures(controller.stats(null, DeliverableKind.REPORT, true),
                seen.stream().filter(s -> s.kind() == DeliverableKind.REPORT).toList());
    }

    @Test
    void an_assignment_handed_to_another_unit_counts_under_that_unit_alone_sent_back_or_not() {
        Random random = new Random(13);
        for (int i = 0; i < 60; i++) {
            assign(TITLES.get(i % TITLES.size()) + " " + i, UNITS.get(i % 2), List.of(), DeliverableKind.PLAN,
                    i % 3, true, random);
        }
        // The one assignment of a fourth unit: that unit has none left, and no group.
        assign("Đề án cuối", "Phòng Tư pháp", List.of(), DeliverableKind.REPORT, 2, true, random);
        // Every fourth of the first unit's goes to the third unit: some were never sent back, some were.
        for (int i = 0; i < sent.size(); i += 4) {
            Sent s = sent.get(i);
            if (s.unit().equals(UNITS.get(0)) || s.unit().equals("Phòng Tư pháp")) {
                TaskReassigned moved = new TaskReassigned(UUID.fromString(s.id()), s.unit(), UNITS.get(2), "Điều chỉnh", DAY);
                index.on(moved, 100);
                index.on(moved, 100); // delivered again: applied once
                deliver(assignments, UUID.fromString(s.id()), 100, moved);
                sent.set(i, new Sent(s.id(), s.title(), UNITS.get(2), s.coordinating(), s.kind(), s.rounds(), s.points(),
                        s.takenIn(), s.explained()));
            }
        }

        assertThat(sent).anyMatch(s -> s.unit().equals(UNITS.get(2)) && s.rounds() == 0)
                .anyMatch(s -> s.unit().equals(UNITS.get(2)) && s.rounds() > 0);
        assertFigures(controller.stats(null, null, true), sent);
        for (String unit : UNITS) {
            assertFigures(controller.stats(unit, null, true), sent.stream().filter(s -> s.unit().equals(unit)).toList());
        }
    }

    @Test
    void without_the_points_the_answer_is_the_same_but_for_them_and_no_points_are_read() {
        Random random = new Random(17);
        for (int i = 0; i < 30; i++) {
            assign(UNITS.get(i % UNITS.size()), DeliverableKind.PLAN, 1 + random.nextInt(3), random);
        }
        RevisionCycles full = controller.stats(null, null, true);
        reads.clear();

        RevisionCycles page = controller.stats(null, null, false);

        assertThat(reads).isEmpty();
        assertThat(full.perAssignment()).allSatisfy(a -> assertThat(a.points()).isNotEmpty());
        assertThat(page).isEqualTo(new RevisionCycles(full.assignments(), full.meanRounds(), full.maxRounds(),
                full.meanTurnaroundDays(), full.meanTurnaroundDaysByRound(), full.pointsRaised(), full.meanPointsPerRound(),
                full.takenIn(), full.explained(), full.reopened(), full.closedUnanswered(), full.byUnit(), full.byKind(), full.pointsByRound(),
                full.withRounds(), full.perAssignment().stream().map(a -> new RevisionCycleController.AssignmentCycles(a.id(),
                        a.title(), a.unit(), a.kind(), a.rounds(), a.turnaroundDays(), a.pointsByRound(), List.of())).toList()));
    }

    /** Every figure of the answer as counted here from the assignments sent, the list's order included. */
    private static void assertFigures(RevisionCycles stats, List<Sent> of) {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        int allRounds = of.stream().mapToInt(Sent::rounds).sum();
        int maxRounds = of.stream().mapToInt(Sent::rounds).max().orElse(0);
        assertThat(stats.assignments()).isEqualTo(of.size());
        assertThat(stats.meanRounds()).isEqualTo(of.isEmpty() ? 0 : (double) allRounds / of.size());
        assertThat(stats.maxRounds()).isEqualTo(maxRounds);
        List<RoundTotals> rounds = new ArrayList<>();
        for (int r = 0; r < maxRounds; r++) {
            int round = r;
            List<Sent> reached = of.stream().filter(s -> s.rounds() > round).toList();
            rounds.add(new RoundTotals(r + 1, reached.stream().mapToInt(s -> s.points().get(round)).sum(), 0,
                    reached.stream().mapToInt(s -> s.takenIn().get(round)).sum(),
                    reached.stream().mapToInt(s -> s.explained().get(round)).sum(), 0));
        }
        assertThat(stats.pointsByRound()).isEqualTo(rounds);
        int raised = rounds.stream().mapToInt(RoundTotals::raised).sum();
        assertThat(stats.pointsRaised()).isEqualTo(raised);
        assertThat(stats.meanPointsPerRound()).isEqualTo(allRounds == 0 ? null : (double) raised / allRounds);
        assertThat(stats.takenIn()).isEqualTo(rounds.stream().mapToInt(RoundTotals::takenIn).sum());
        assertThat(stats.explained()).isEqualTo(rounds.stream().mapToInt(RoundTotals::explained).sum());
        // Every revised draft came back 7 days after it was asked for; each assignment's last round is still out.
        List<Double> turnaround = new ArrayList<>();
        for (int r = 0; r < maxRounds; r++) {
            int round = r;
            turnaround.add(of.stream().anyMatch(s -> s.rounds() > round + 1) ? 7.0 : null);
        }
        assertThat(stats.meanTurnaroundDaysByRound()).isEqualTo(turnaround);
        assertThat(stats.meanTurnaroundDays()).isEqualTo(of.stream().anyMatch(s -> s.rounds() > 1) ? 7.0 : null);
        assertThat(stats.byUnit()).isEqualTo(groups(of, Sent::unit, vietnamese));
        assertThat(stats.byKind()).isEqualTo(groups(of, s -> s.kind().name(), vietnamese));
        List<Sent> sentBack = of.stream().filter(s -> s.rounds() > 0).toList();
        assertThat(stats.withRounds()).isEqualTo(sentBack.size());
        assertThat(stats.perAssignment()).extracting(RevisionCycleController.AssignmentCycles::id).containsExactlyElementsOf(
                sentBack.stream().sorted(Comparator.comparingInt(Sent::rounds).reversed()
                                .thenComparing(Sent::title, vietnamese).thenComparing(Sent::id))
                        .limit(RevisionCycleController.SHOWN).map(Sent::id).toList());
    }

    private static List<Group> groups(List<Sent> of, Function<Sent, String> keyOf, Collator vietnamese) {
        return of.stream().collect(Collectors.groupingBy(keyOf)).entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue().size(),
                        (double) e.getValue().stream().mapToInt(Sent::rounds).sum() / e.getValue().size(),
                        e.getValue().stream().mapToInt(Sent::rounds).max().orElseThrow()))
                .sorted(Comparator.comparingDouble(Group::meanRounds).reversed().thenComparing(Group::key, vietnamese))
                .toList();
    }

    private void assign(String unit, DeliverableKind kind, int rounds, Random random) {
        assign(TITLES.get(sent.size() % TITLES.size()) + " " + sent.size(), unit, List.of(), kind, rounds, false, random);
    }

    /**
     * One assignment sent back {@code rounds} times, each time with a few points, and handed in again after each,
     * {@code answering} some of the points (the last round is still out).
     */
    private void assign(String title, String unit, List<String> coordinating, DeliverableKind kind, int rounds,
                        boolean answering, Random random) {
        UUID id = UUID.randomUUID();
        TaskAssigned assigned = NewTask.task().id(id).title(title).kind(kind).leadUnit(unit).coordinatingUnits(coordinating)
                .deadline(null).route(List.of(LEADERS)).source(null).effectiveDate(DAY).assigned();
        index.on(assigned, 0);
        deliver(assignments, id, 0, assigned);
        List<Integer> points = new ArrayList<>();
        List<Integer> takenIn = new ArrayList<>();
        List<Integer> explained = new ArrayList<>();
        long seq = 1;
        for (int v = 1; v <= rounds; v++) {
            index.on(new DraftSubmitted(id, v, "v" + v, null, "https://x.vn/" + v, null, DAY.plusDays(v * 10L)), seq++);
            if (v > 1 && answering) {
                // The draft answers the round before: a point taken in, another explained, the rest left unanswered.
                int taken = random.nextInt(2);
                int why = random.nextInt(2);
                List<RevisionPointsAnswered.PointAnswer> answers = new ArrayList<>();
                for (int a = 0; a < taken + why; a++) {
                    answers.add(new RevisionPointsAnswered.PointAnswer("p" + a, a < taken ? RevisionPointsAnswered.Answer.TAKEN_IN
                            : RevisionPointsAnswered.Answer.EXPLAINED, "Mục " + a));
                }
                index.on(new RevisionPointsAnswered(id, v, answers, DAY.plusDays(v * 10L)), seq++);
                takenIn.add(taken);
                explained.add(why);
            }
            int n = 1 + random.nextInt(3);
            List<String> reasons = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                reasons.add("Bổ sung mục " + (p + 1));
            }
            points.add(n);
            RevisionRequested requested = new RevisionRequested(id, v, LEADERS, reasons, null, DAY.plusDays(v * 10L + 3));
            projection.on(requested, seq, CHAIR);
            index.on(requested, seq++);
        }
        while (takenIn.size() < rounds) {
            takenIn.add(0);
            explained.add(0);
        }
        sent.add(new Sent(id.toString(), title, unit, coordinating, kind, rounds, points, takenIn, explained));
    }

    private static void deliver(AnnotationEventHandlerAdapter handler, UUID id, long seq, Object event) {
        try {
            handler.handle(new GenericDomainEventMessage<>("Assignment", id.toString(), seq, event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
