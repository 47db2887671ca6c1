package vn.docket.query.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;

/** The dashboard's figures against the same counts taken plainly over the test's own model of the assignments. */
class DashboardTest {

    static final LocalDate TODAY = AssignmentIndexTest.TODAY;

    MongoServer server;
    MongoClient client;
    AssignmentIndexTest data;
    DashboardController dashboard;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        data = new AssignmentIndexTest();
        data.generate();
        AssignmentListProjection projection = new AssignmentListProjection(client.getDatabase("test"));
        data.sent.forEach(e -> ReadSideExactMatchReadsTest.project(projection, e[0], (long) e[1]));
        Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
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
        check(AssignmentIndexTest.CLERK, a -> true);
        String unit = AssignmentIndexTest.UNITS.get(2);
        check(AssignmentIndexTest.staffOf(unit), data.unitSees(unit));
    }

    private void check(Actor actor, Predicate<AssignmentIndexTest.Known> sees) {
        TestReadSide.signIn(actor);
        DashboardController.Dashboard shown = dashboard.dashboard();
        List<AssignmentIndexTest.Known> visible = data.known.values().stream().filter(sees).toList();

        Map<AssignmentStatus, Long> byStatus = new EnumMap<>(AssignmentStatus.class);
        Map<Timeliness, Long> byClass = new EnumMap<>(Timeliness.class);
        Map<String, Map<Timeliness, Long>> byUnit = new HashMap<>();
        for (AssignmentStatus s : AssignmentStatus.values()) {
            byStatus.put(s, visible.stream().filter(a -> a.status == s).count());
        }
        for (Timeliness t : Timeliness.values()) {
            byClass.put(t, visible.stream().filter(a -> AssignmentIndexTest.classOf(a) == t).count());
            visible.stream().filter(a -> AssignmentIndexTest.classOf(a) == t).forEach(a -> byUnit
                    .computeIfAbsent(a.lead, u -> new EnumMap<>(Timeliness.class)).merge(t, 1L, Long::sum));
        }
        byUnit.values().forEach(counts -> {
            for (Timeliness t : Timeliness.values()) {
                counts.putIfAbsent(t, 0L);
            }
        });
        long due = visible.stream().filter(a -> a.status.isOpen() && a.deadline != null
                && !a.deadline.isBefore(TODAY) && !a.deadline.isAfter(TODAY.plusDays(7))).count();
        List<Long> longest = visible.stream().filter(a -> AssignmentIndexTest.classOf(a) == Timeliness.OVERDUE)
                .map(a -> ChronoUnit.DAYS.between(a.deadline, a.handedIn != null ? a.handedIn : TODAY))
                .sorted(Comparator.reverseOrder()).limit(DashboardController.OVERDUE_SHOWN).toList();

        assertThat(shown.byStatus()).as(actor.role().name()).isEqualTo(byStatus);
        assertThat(shown.byTimeliness()).isEqualTo(byClass);
        assertThat(shown.byUnit()).extracting(DashboardController.UnitRow::unit)
                .containsExactlyInAnyOrderElementsOf(byUnit.keySet());
        shown.byUnit().forEach(row -> assertThat(row.counts()).as(row.unit()).isEqualTo(byUnit.get(row.unit())));
        assertThat(shown.dueThisWeek()).isEqualTo(due);
        assertThat(shown.overdue().total()).isEqualTo(byClass.get(Timeliness.OVERDUE)).isGreaterThanOrEqualTo(longest.size());
        assertThat(shown.overdue().items()).extracting(DashboardController.OverdueItem::daysOverdue).isEqualTo(longest);
    }
}
