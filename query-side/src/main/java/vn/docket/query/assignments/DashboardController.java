package vn.docket.query.assignments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.events.Actor;
import vn.docket.events.AssignmentStatus;
import vn.docket.platform.security.CurrentActor;

/**
 * What the dashboard shows, counted over the in-memory {@link AssignmentIndex} instead of downloading every
 * assignment: counts by status and by timeliness class, the classes per lead unit, what is due within a
 * week, and the assignments longest overdue. Each person's counts cover what they may see.
 */
@RestController
@Tag(name = "Assignments (queries)")
class DashboardController {

    /** How many overdue assignments the dashboard lists; the rest are one click away in the list. */
    static final int OVERDUE_SHOWN = 50;
    /** "Due this week": open, deadline from today through today + 7 days (the list's dueWithin=7). */
    static final int WEEK = 7;

    private final AssignmentIndex index;
    private final AssignmentLookup lookup;
    private final Visibility visibility;
    private final Clock clock;

    DashboardController(AssignmentIndex index, AssignmentLookup lookup, Visibility visibility, Clock clock) {
        this.index = index;
        this.lookup = lookup;
        this.visibility = visibility;
        this.clock = clock;
    }

    /** @param counts per timeliness class (cancelled assignments have none) */
    record UnitRow(String unit, Map<Timeliness, Long> counts) {
    }

    /** What the overdue table shows of an assignment, and no more: the dashboard stays small. */
    record OverdueItem(String id, String title, String leadUnit, LocalDate deadline, Long daysOverdue,
                       AssignmentStatus status) {
    }

    record Overdue(List<OverdueItem> items, long total) {
    }

    record Dashboard(LocalDate asOf, Map<AssignmentStatus, Long> byStatus, Map<Timeliness, Long> byTimeliness,
                     List<UnitRow> byUnit, long dueThisWeek, Overdue overdue) {
    }

    private record Late(String id, long days) {
    }

    /**
     * The figures a pass counts, which the index's columns when it began ({@code index}) and the day alone decide (the
     * overdue as ids: their rows are read for each request). Never changed once counted: requests share them.
     */
    private record Figures(IndexColumns index, long day, Map<AssignmentStatus, Long> byStatus,
                           Map<Timeliness, Long> byTimeliness, List<UnitRow> byUnit, long dueThisWeek, long overdueTotal,
                           List<String> longestOverdue) {
    }

    /**
     * The last figures over every assignment ({@link #EVERYTHING}) and over what each unit's staff see (by the unit's
     * name), shown again while the index's columns are the same instance and the day the same: any event the index
     * applies gives it new columns ({@link IndexColumns} are never changed once made), on every node, so nothing stale
     * is shown. At 50,000 assignments the pass was most of a dashboard request's time in a flight recording
     * (bench/README.md, "The dashboard counted once a change"); a unit's staff's, counted for every request until
     * 7/12/2026, cost twice as much CPU as at 1,000 (their unit's share of the store grows with it, and their walk is
     * sorted again when it holds work they feed). One entry per unit whose staff opened it.
     */
    private final Map<String, Figures> counted = new ConcurrentHashMap<>();

    /** The key of the figures over every assignment: no unit is named so. */
    private static final String EVERYTHING = "\u0000everything";

    @GetMapping("/api/stats/dashboard")
    @Operation(summary = "The dashboard's figures: counts by status, timeliness and lead unit, due within 7 days, "
            + "the 50 longest overdue")
    Dashboard dashboard() {
        index.awaitCaughtUp();
        LocalDate today = LocalDate.now(clock);
        Actor me = CurrentActor.get();
        String whose = Visibility.seesEverything(me) ? EVERYTHING : me.unit() == null ? "" : me.unit();
        // Taken before the walk: figures counted over a later state are only counted again at the next request.
        IndexColumns now = index.inOrder();
        Figures figures = counted.get(whose);
        if (figures == null || figures.index() != now || figures.day() != today.toEpochDay()) {
            // Without a unit the walk is exactly what the person may see: nothing is left to test on each entry.
            figures = count(now, visibility.walk(me, null).entries(), today);
            counted.put(whose, figures);
        }
        List<OverdueItem> items = lookup.inOrder(figures.longestOverdue()).stream().map(a -> new OverdueItem(
                a.id(), a.title(), a.leadUnit(), a.deadline(), a.daysOverdue(), a.status())).toList();
        return new Dashboard(today, figures.byStatus(), figures.byTimeliness(), figures.byUnit(), figures.dueThisWeek(),
                new Overdue(items, figures.overdueTotal()));
    }

    private static Figures count(IndexColumns index, IndexColumns all, LocalDate today) {
        long day = today.toEpochDay();
        ListFilter dueThisWeek = AssignmentQueryController.dueWithin(ListFilter.ALL, today, WEEK);
        // Counted in plain arrays, in one pass over the index's columns (up to 50,000 assignments, or what a unit's
        // staff see): no boxing, and no entry itself read but the overdue ones kept; of the overdue only the 50
        // longest are kept, in a heap whose head is the shortest of them.
        long[] statuses = new long[AssignmentStatus.values().length];
        long[] classes = new long[Timeliness.values().length];
        Map<String, long[]> units = new HashMap<>();
        long due = 0;
        long overdueTotal = 0;
        PriorityQueue<Late> longest = new PriorityQueue<>(Comparator.comparingLong(Late::days));
        for (int i = 0; i < all.size(); i++) {
            AssignmentStatus status = all.status()[i];
            statuses[status.ordinal()]++;
            long deadline = all.deadlineDay()[i];
            long handedIn = all.handedInDay()[i];
            Timeliness t = Timeliness.classify(status, deadline, handedIn, day);
            if (t == null) {
                continue; // cancelled: no class
            }
            classes[t.ordinal()]++;
            units.computeIfAbsent(all.leadUnit()[i], u -> new long[Timeliness.values().length])[t.ordinal()]++;
            if (dueThisWeek.test(all, i)) {
                due++;
            }
            if (t == Timeliness.OVERDUE) {
                overdueTotal++;
                long days = Timeliness.daysOverdue(deadline, handedIn, day);
                if (longest.size() < OVERDUE_SHOWN || days > longest.peek().days()) {
                    longest.add(new Late(all.entries()[i].id(), days));
                    if (longest.size() > OVERDUE_SHOWN) {
                        longest.poll();
                    }
                }
            }
        }
        Map<AssignmentStatus, Long> byStatus = new EnumMap<>(AssignmentStatus.class);
        for (AssignmentStatus s : AssignmentStatus.values()) {
            byStatus.put(s, statuses[s.ordinal()]);
        }
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        List<UnitRow> rows = new ArrayList<>();
        units.forEach((unit, counts) -> rows.add(new UnitRow(unit, classes(counts))));
        rows.sort(Comparator.comparing(UnitRow::unit, vietnamese));
        List<Late> overdue = new ArrayList<>(longest);
        overdue.sort(Comparator.comparingLong(Late::days).reversed());
        return new Figures(index, day, byStatus, classes(classes), List.copyOf(rows), due, overdueTotal,
                overdue.stream().map(Late::id).toList());
    }

    private static Map<Timeliness, Long> classes(long[] counts) {
        Map<Timeliness, Long> byClass = new EnumMap<>(Timeliness.class);
        for (Timeliness t : Timeliness.values()) {
            byClass.put(t, counts[t.ordinal()]);
        }
        return byClass;
    }
}
