package vn.docket.query.revisioncycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.docket.events.Actor;
import vn.docket.events.DeliverableKind;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.NewTask;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered;
import vn.docket.events.RevisionRequested;
import vn.docket.events.Role;
import vn.docket.events.TaskReassigned;
import vn.docket.query.assignments.AssignmentIndex;
import vn.docket.query.assignments.TestDatabase;
import vn.docket.query.assignments.TestReadSide;
import vn.docket.query.revisioncycles.RevisionCycleController.AssignmentCycles;
import vn.docket.query.revisioncycles.RevisionCycleController.Group;
import vn.docket.query.revisioncycles.RevisionCycleController.RevisionCycles;
import vn.docket.query.revisioncycles.RevisionCycleController.RoundTotals;

/**
 * The revision statistics add up totals per lead unit and kind that the index keeps as events arrive. Whatever the
 * events (rounds asked, at a meeting too, answered, reopened points, reassignments back and forth) and however they
 * arrive (an event delivered again at once, or an earlier one after later ones), the answer must be the one counted
 * from scratch over the rounds the index holds, and the one an index that read every event once (a replay) gives.
 */
class RevisionTotalsRecountTest {

    static final List<String> UNITS = List.of("Phòng Kinh tế", "Phòng Quản lý đô thị", "Ban Quản lý dự án", "Phòng Tư pháp");
    static final List<String> TITLES = List.of("Ánh sáng đô thị", "Bình ổn giá", "Đề án chuyển đổi số", "Dự thảo kế hoạch",
            "đường điện", "Kế hoạch");
    static final String LEADERS = "Lãnh đạo UBND thành phố";
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @RegisterExtension
    final TestDatabase db = TestDatabase.recording(RevisionCycleProjection.COLLECTION, new ArrayList<>());

    /** One event of one assignment, at its sequence number. */
    record Delivery(UUID id, long seq, Object event) {
    }

    @Test
    void totals_kept_as_random_events_arrive_and_arrive_again_add_up_to_a_recount_and_to_a_replay() {
        for (long seed = 1; seed <= 12; seed++) {
            Random random = new Random(seed);
            List<Delivery> history = history(random, 30 + random.nextInt(40));
            RevisionIndex kept = new RevisionIndex();
            AssignmentIndex listed = TestReadSide.index();
            AnnotationEventHandlerAdapter keptHandlers = new AnnotationEventHandlerAdapter(kept);
            AnnotationEventHandlerAdapter listedHandlers = new AnnotationEventHandlerAdapter(listed);
            for (int i = 0; i < history.size(); i++) {
                deliver(keptHandlers, history.get(i));
                deliver(listedHandlers, history.get(i));
                // Delivered again: at once, or an earlier one after later ones (a batch retried).
                if (random.nextInt(4) == 0) {
                    deliver(keptHandlers, history.get(i));
                }
                if (i > 0 && random.nextInt(6) == 0) {
                    deliver(keptHandlers, history.get(random.nextInt(i)));
                }
            }
            RevisionIndex replayed = new RevisionIndex();
            AnnotationEventHandlerAdapter replayHandlers = new AnnotationEventHandlerAdapter(replayed);
            history.forEach(d -> deliver(replayHandlers, d));

            RevisionCycleController controller = new RevisionCycleController(db.database(), TestReadSide.visibility(listed),
                    listed, kept, TestReadSide.noUnitDirectory());
            RevisionCycleController replay = new RevisionCycleController(db.database(), TestReadSide.visibility(listed),
                    listed, replayed, TestReadSide.noUnitDirectory());
            List<RevisionIndex.Cycle> all = kept.find(c -> true);
            for (Actor actor : List.of(new Actor("lan", "Nguyễn Thị Lan", null, Role.CLERK),
                    new Actor("kt", "Trần Văn Minh", UNITS.get(0), Role.UNIT_STAFF))) {
                TestReadSide.signIn(actor);
                List<String> visible = TestReadSide.visibility(listed).visibleIds(actor);
                List<RevisionIndex.Cycle> seen = visible == null ? all
                        : all.stream().filter(c -> visible.contains(c.id())).toList();
                for (String unit : java.util.stream.Stream.concat(java.util.stream.Stream.of((String) null), UNITS.stream()).toList()) {
                    for (DeliverableKind kind : new DeliverableKind[] {null, DeliverableKind.PLAN, DeliverableKind.REPORT}) {
                        String what = "seed " + seed + ", " + actor.id() + ", unit " + unit + ", kind " + kind;
                        RevisionCycles stats = controller.stats(unit, kind, false);
                        assertThat(stats).as(what).isEqualTo(recount(seen.stream()
                                .filter(c -> unit == null || unit.equals(c.unit()))
                                .filter(c -> kind == null || kind.name().equals(c.kind())).toList()));
                        assertThat(stats).as(what + ", replayed").isEqualTo(replay.stats(unit, kind, false));
                    }
                }
            }
        }
    }

    /** The statistics counted from scratch over the rounds of these assignments, as the controller did before totals. */
    static RevisionCycles recount(List<RevisionIndex.Cycle> found) {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        int max = found.stream().mapToInt(c -> c.rounds().size()).max().orElse(0);
        double mean = found.stream().mapToInt(c -> c.rounds().size()).average().orElse(0);
        List<Long> all = found.stream().flatMap(c -> c.rounds().stream()).map(RevisionIndex.Round::turnaroundDays)
                .filter(Objects::nonNull).toList();
        Double meanTurnaround = all.isEmpty() ? null : all.stream().mapToLong(Long::longValue).average().orElseThrow();
        List<Double> byRound = new ArrayList<>();
        List<RoundTotals> totals = new ArrayList<>();
        for (int r = 0; r < max; r++) {
            int round = r;
            List<RevisionIndex.Round> nth = found.stream().filter(c -> c.rounds().size() > round)
                    .map(c -> c.rounds().get(round)).toList();
            byRound.add(nth.stream().map(RevisionIndex.Round::turnaroundDays).filter(Objects::nonNull)
                    .mapToLong(Long::longValue).average().stream().boxed().findFirst().orElse(null));
            totals.add(new RoundTotals(r + 1, nth.stream().mapToInt(RevisionIndex.Round::points).sum(),
                    nth.stream().mapToInt(RevisionIndex.Round::reopened).sum(),
                    nth.stream().mapToInt(RevisionIndex.Round::takenIn).sum(),
                    nth.stream().mapToInt(RevisionIndex.Round::explained).sum(),
                    nth.stream().mapToInt(RevisionIndex.Round::closedUnanswered).sum()));
        }
        int rounds = found.stream().mapToInt(c -> c.rounds().size()).sum();
        int raised = totals.stream().mapToInt(RoundTotals::raised).sum();
        List<RevisionIndex.Cycle> sentBack = found.stream().filter(c -> !c.rounds().isEmpty())
                .sorted(RevisionIndex.SHOWN_FIRST).toList();
        return new RevisionCycles(found.size(), mean, max, meanTurnaround, byRound, raised,
                rounds == 0 ? null : (double) raised / rounds, totals.stream().mapToInt(RoundTotals::takenIn).sum(),
                totals.stream().mapToInt(RoundTotals::explained).sum(), totals.stream().mapToInt(RoundTotals::reopened).sum(),
                totals.stream().mapToInt(RoundTotals::closedUnanswered).sum(), groups(found, RevisionIndex.Cycle::unit, vietnamese), groups(found, RevisionIndex.Cycle::kind, vietnamese),
                totals, sentBack.size(), sentBack.stream().limit(RevisionCycleController.SHOWN).map(c -> new AssignmentCycles(
                        c.id(), c.title(), c.unit(), c.kind(), c.rounds().size(),
                        c.rounds().stream().map(RevisionIndex.Round::turnaroundDays).toList(),
                        c.rounds().stream().map(r -> new RevisionCycleController.RoundPoints(r.version(), r.points(),
                                r.reopened(), r.takenIn(), r.explained(), r.closedUnanswered())).toList(), List.of())).toList());
    }

    private static List<Group> groups(List<RevisionIndex.Cycle> found, Function<RevisionIndex.Cycle, String> keyOf,
                                      Collator vietnamese) {
        Map<String, List<RevisionIndex.Cycle>> byKey = found.stream().filter(c -> keyOf.apply(c) != null)
                .collect(Collectors.groupingBy(keyOf));
        return byKey.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue().size(),
                        e.getValue().stream().mapToInt(c -> c.rounds().size()).average().orElse(0),
                        e.getValue().stream().mapToInt(c -> c.rounds().size()).max().orElse(0)))
                .sorted(Comparator.comparingDouble(Group::meanRounds).reversed().thenComparing(Group::key, vietnamese))
                .toList();
    }

    /**
     * Events of {@code n} assignments, interleaved: each assigned, then in turn handed in, sent back (by a leader, with
     * points reopened, or at a meeting), its points answered, approved (at the last level too, which closes the points
     * left open), or handed to another unit (back to one it had, too).
     */
    static List<Delivery> history(Random random, int n) {
        List<Delivery> history = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = new UUID(7, i);
            String unit = UNITS.get(random.nextInt(UNITS.size()));
            DeliverableKind kind = random.nextBoolean() ? DeliverableKind.PLAN : DeliverableKind.REPORT;
            List<String> coordinating = random.nextInt(3) == 0 ? List.of(UNITS.get(random.nextInt(UNITS.size()))) : List.of();
            history.add(new Delivery(id, 0, NewTask.task().id(id).title(TITLES.get(random.nextInt(TITLES.size())) + " " + (i % 5))
                    .kind(kind).leadUnit(unit).coordinatingUnits(coordinating).deadline(null).route(List.of(LEADERS))
                    .source(null).effectiveDate(DAY).assigned()));
            ids.add(id);
            units.add(unit);
            seqs.add(1L);
            versions.add(0);
        }
        for (int step = 0; step < n * 6; step++) {
            int i = random.nextInt(n);
            UUID id = ids.get(i);
            int version = versions.get(i);
            LocalDate on = DAY.plusDays(step / 3);
            Object event = switch (random.nextInt(7)) {
                case 0, 1 -> {
                    versions.set(i, version + 1);
                    yield new DraftSubmitted(id, version + 1, "v" + (version + 1), null, "https://x.vn/" + step, null, on);
                }
                case 2 -> {
                    List<RevisionPoint> points = new ArrayList<>();
                    for (int p = 0; p < 1 + random.nextInt(3); p++) {
                        points.add(new RevisionPoint("p" + step + "-" + p, (p + 1), "Bổ sung mục " + (p + 1)));
                    }
                    List<String> reopened = random.nextBoolean() ? List.of("p-old-" + step) : List.of();
                    yield new RevisionRequested(id, version, LEADERS, points, reopened, null,
                            random.nextBoolean() ? on.plusDays(10) : null, on);
                }
                case 3 -> new MeetingConcluded(id, version, random.nextBoolean() ? MeetingVerdict.REVISION_REQUIRED
                        : MeetingVerdict.APPROVED_IN_PRINCIPLE, List.of("Yêu cầu " + step), "Chủ tọa", null, on);
                case 4 -> {
                    List<RevisionPointsAnswered.PointAnswer> answers = new ArrayList<>();
                    for (int a = 0; a < random.nextInt(3); a++) {
                        answers.add(new RevisionPointsAnswered.PointAnswer("p" + a, random.nextBoolean()
                                ? RevisionPointsAnswered.Answer.TAKEN_IN : RevisionPointsAnswered.Answer.EXPLAINED, "Mục " + a));
                    }
                    yield new RevisionPointsAnswered(id, version, answers, on);
                }
                case 5 -> new DraftApproved(id, version, LEADERS, random.nextBoolean(), null, null, on);
                default -> {
                    String to = UNITS.get(random.nextInt(UNITS.size()));
                    TaskReassigned moved = new TaskReassigned(id, units.get(i), to, "Điều chỉnh", on);
                    units.set(i, to);
                    yield moved;
                }
            };
            long seq = seqs.get(i);
            seqs.set(i, seq + 1);
            history.add(new Delivery(id, seq, event));
        }
        return history;
    }

    private static void deliver(AnnotationEventHandlerAdapter handler, Delivery d) {
        try {
            handler.handle(new GenericDomainEventMessage<>("Assignment", d.id().toString(), d.seq(), d.event()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
