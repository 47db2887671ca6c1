package vn.docket.query.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DeadlineExtended;

/** The dashboard's figures against the same counts taken plainly over the test's own model of the assignments. */
class DashboardTest {

    static final LocalDate TODAY = AssignmentIndexTest.TODAY;

    MongoServer server;
    MongoClient client;
    AssignmentIndexTest data;
    AssignmentListProjection projection;
    /** The dashboard's clock, which a test may move on a day. */
    Instant now = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    DashboardController dashboard;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        data = new AssignmentIndexTest();
        data.generate();
        projection = new AssignmentListProjection(client.getDatabase("test"));
        data.sent.forEach(e -> ReadSideExactMatchReadsTest.project(projection, e[0], (long) e[1]));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        AssignmentLookup lookup = new AssignmentLookup(client.getDatabase("test"), data.index, clock);
        dashboard = new DashboardController(data.index, lookup, new Visibility(data.index), clock);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        client.close();
        server.shutdownNow();
    }

    @Test
    void the_dashboard_counts_what_each_person_may_see_by_status_class_and_lead_unit() {
        check(AssignmentIndexTest.CLERK, a -> true, TODAY);
        String unit = AssignmentIndexTest.UNITS.get(2);
        check(AssignmentIndexTest.staffOf(unit), data.unitSees(unit), TODAY);
    }

    @Test
    void the_figures_over_every_assignment_are_counted_again_only_after_a_change_or_on_the_next_day() {
        DashboardController.Dashboard first = check(AssignmentIndexTest.CLERK, a -> true, TODAY);
        String unit = AssignmentIndexTest.UNITS.get(2);
        check(AssignmentIndexTest.staffOf(unit), data.unitSees(unit), TODAY);
        TestReadSide.signIn(AssignmentIndexTest.CHAIR);
        DashboardController.Dashboard again = dashboard.dashboard();
        assertThat(again).isEqualTo(first);
        assertThat(again.byUnit()).as("not counted again").isSameAs(first.byUnit());

        // Overdue work given a deadline three days on: due this week, no longer overdue.
        extendOneOverdue(a -> true);
        DashboardController.Dashboard changed = check(AssignmentIndexTest.CLERK, a -> true, TODAY);
        assertThat(changed.dueThisWeek()).isEqualTo(first.dueThisWeek() + 1);
        assertThat(changed.overdue().total()).isEqualTo(first.overdue().total() - 1);

        // The next day, what was due today is overdue.
        now = now.plus(Duration.ofDays(1));
        DashboardController.Dashboard tomorrow = check(AssignmentIndexTest.CLERK, a -> true, TODAY.plusDays(1));
        assertThat(tomorrow.byTimeliness()).isNotEqualTo(changed.byTimeliness());
    }

    @Test
    void a_units_staffs_figures_are_counted_again_only_after_a_change_and_apart_from_everyone_elses() {
        String unit = AssignmentIndexTest.UNITS.get(2);
        Actor staff = AssignmentIndexTest.staffOf(unit);
        DashboardController.Dashboard first = check(staff, data.unitSees(unit), TODAY);
        // Between two of theirs, the figures over everything and another unit's: each counted for whom it is.
        check(AssignmentIndexTest.CLERK, a -> true, TODAY);
        String other = AssignmentIndexTest.UNITS.get(3);
        check(AssignmentIndexTest.staffOf(other), data.unitSees(other), TODAY);
        DashboardController.Dashboard again = check(staff, data.unitSees(unit), TODAY);
        assertThat(again).isEqualTo(first);
        assertThat(again.byUnit()).as("not counted again").isSameAs(first.byUnit());

        // The unit's overdue work given a deadline three days on: due this week, no longer overdue.
        extendOneOverdue(data.unitSees(unit));
        DashboardController.Dashboard changed = check(staff, data.unitSees(unit), TODAY);
        assertThat(changed.overdue().total()).isEqualTo(first.overdue().total() - 1);
        check(AssignmentIndexTest.staffOf(other), data.unitSees(other), TODAY);
    }

    /** Gives the first open overdue assignment that {@code among} accepts a deadline three days on, and projects it. */
    private void extendOneOverdue(Predicate<AssignmentIndexTest.Known> among) {
        AssignmentIndexTest.Known late = data.known.values().stream().filter(among)
                .filter(a -> a.status == AssignmentStatus.ASSIGNED && a.deadline != null && a.deadline.isBefore(TODAY))
                .findFirst().orElseThrow();
        LocalDate before = late.deadline;
        late.deadline = TODAY.plusDays(3);
        data.send(new DeadlineExtended(UUID.fromString(late.id), before, late.deadline, "Chờ số liệu", TODAY), late);
        Object[] sent = data.sent.get(data.sent.size() - 1);
        ReadSideExactMatchReadsTest.project(projection, sent[0], (long) sent[1]);
    }

    private DashboardController.Dashboard check(Actor actor, Predicate<AssignmentIndexTest.Known> sees, LocalDate today) {
        TestReadSide.signIn(actor);
        DashboardController.Dashboard shown = dashboard.dashboard();
        Function<AssignmentIndexTest.Known, Timeliness> classOf = a -> Timeliness.classify(a.status, a.deadline,
                a.handedIn, today);
        List<AssignmentIndexTest.Known> visible = data.known.values().stream().filter(sees).toList();

        Map<AssignmentStatus, Long> byStatus = new EnumMap<>(AssignmentStatus.class);
        Map<Timeliness, Long> byClass = new EnumMap<>(Timeliness.class);
        Map<String, Map<Timeliness, Long>> byUnit = new HashMap<>();
        for (AssignmentStatus s : AssignmentStatus.values()) {
            byStatus.put(s, visible.stream().filter(a -> a.status == s).count());
        }
        for (Timeliness t : Timeliness.values()) {
            byClass.put(t, visible.stream().filter(a -> classOf.apply(a) == t).count());
            visible.stream().filter(a -> classOf.apply(a) == t).forEach(a -> byUnit
                    .computeIfAbsent(a.lead, u -> new EnumMap<>(Timeliness.class)).merge(t, 1L, Long::sum));
        }
        byUnit.values().forEach(counts -> {
            for (Timeliness t : Timeliness.values()) {
                counts.putIfAbsent(t, 0L);
            }
        });
        long due = visible.stream().filter(a -> a.status.isOpen() && a.deadline != null
                && !a.deadline.isBefore(today) && !a.deadline.isAfter(today.plusDays(7))).count();
        List<Long> longest = visible.stream().filter(a -> classOf.apply(a) == Timeliness.OVERDUE)
                .map(a -> ChronoUnit.DAYS.between(a.deadline, a.handedIn != null ? a.handedIn : today))
                .sorted(Comparator.reverseOrder()).limit(DashboardController.OVERDUE_SHOWN).toList();

        assertThat(shown.byStatus()).as(actor.role().name()).isEqualTo(byStatus);
        assertThat(shown.byTimeliness()).isEqualTo(byClass);
        assertThat(shown.byUnit()).extracting(DashboardController.UnitRow::unit)
                .containsExactlyInAnyOrderElementsOf(byUnit.keySet());
        shown.byUnit().forEach(row -> assertThat(row.counts()).as(row.unit()).isEqualTo(byUnit.get(row.unit())));
        assertThat(shown.dueThisWeek()).isEqualTo(due);
        assertThat(shown.overdue().total()).isEqualTo(byClass.get(Timeliness.OVERDUE)).isGreaterThanOrEqualTo(longest.size());
        assertThat(shown.overdue().items()).extracting(DashboardController.OverdueItem::daysOverdue).isEqualTo(longest);
        assertThat(shown.asOf()).isEqualTo(today);
        return shown;
    }
}
