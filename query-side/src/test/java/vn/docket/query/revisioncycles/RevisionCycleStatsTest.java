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
import org.axonframework.messaging.MetaData;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.DeliverableKind;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskAssigned;
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

    record Sent(String title, String unit, DeliverableKind kind, int rounds, List<Integer> points) {
    }

    RevisionCycleProjection projection;
    RevisionIndex index;
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
        controller = new RevisionCycleController(database, TestReadSide.overAnEmptyIndex(), TestReadSide.index(), index);
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
        RevisionCycles stats = controller.stats(null, null);

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
            assertThat(stats.pointsByRound().get(round - 1)).isEqualTo(new RoundTotals(round, raised, 0, 0, 0));
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

        RevisionCycles stats = controller.stats(UNITS.get(1), null);

        assertThat(stats.byUnit()).singleElement().satisfies(g -> assertThat(g.key()).isEqualTo(UNITS.get(1)))
                .extracting(Group::count).isEqualTo(10);
        assertThat(stats.perAssignment()).allSatisfy(a -> assertThat(a.unit()).isEqualTo(UNITS.get(1)));
    }

    /** One assignment sent back {@code rounds} times, each time with a few points, and handed in again after each. */
    private void assign(String unit, DeliverableKind kind, int rounds, Random random) {
        UUID id = UUID.randomUUID();
        String title = TITLES.get(sent.size() % TITLES.size()) + " " + sent.size();
        index.on(new TaskAssigned(id, title, kind, unit, List.of(), null, List.of(LEADERS), null, null, DAY), 0);
        List<Integer> points = new ArrayList<>();
        long seq = 1;
        for (int v = 1; v <= rounds; v++) {
            index.on(new DraftSubmitted(id, v, "v" + v, null, "https://x.vn/" + v, null, DAY.plusDays(v * 10L)), seq++);
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
        sent.add(new Sent(title, unit, kind, rounds, points));
    }
}
