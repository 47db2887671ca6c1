package vn.docket.query.assignments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
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

    @GetMapping("/api/stats/dashboard")
    @Operation(summary = "The dashboard's figures: counts by status, timeliness and lead unit, due within 7 days, "
            + "the 50 longest overdue")
    Dashboard dashboard() {
        index.awaitCaughtUp();
        LocalDate today = LocalDate.now(clock);
        Predicate<AssignmentIndex.Entry> visible = visibility.filter(CurrentActor.get());
        Predicate<AssignmentIndex.Entry> dueThisWeek = AssignmentQueryController.dueWithin(today, WEEK);
        Map<AssignmentStatus, Long> byStatus = new EnumMap<>(AssignmentStatus.class);
        Map<Timeliness, Long> byTimeliness = new EnumMap<>(Timeliness.class);
        for (AssignmentStatus s : AssignmentStatus.values()) {
            byStatus.put(s, 0L);
        }
        for (Timeliness t : Timeliness.values()) {
            byTimeliness.put(t, 0L);
        }
        Map<String, Map<Timeliness, Long>> byUnit = new HashMap<>();
        long[] due = {0};
        List<Late> overdue = new ArrayList<>();
        index.forEach(a -> {
            if (visible != null && !visible.test(a)) {
                return;
            }
            byStatus.merge(a.status(), 1L, Long::sum);
            Timeliness t = a.timeliness(today);
            if (t == null) {
                return; // cancelled: no class
            }
            byTimeliness.merge(t, 1L, Long::sum);
            byUnit.computeIfAbsent(a.leadUnit(), u -> new EnumMap<>(Timeliness.class)).merge(t, 1L, Long::sum);
            if (dueThisWeek.test(a)) {
                due[0]++;
            }
            if (t == Timeliness.OVERDUE) {
                LocalDate until = a.handedInOn() != null ? a.handedInOn() : today;
                overdue.add(new Late(a.id(), ChronoUnit.DAYS.between(a.deadline(), until)));
            }
        });
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        List<UnitRow> rows = new ArrayList<>();
        byUnit.forEach((unit, counts) -> rows.add(new UnitRow(unit, counts)));
        rows.sort(Comparator.comparing(UnitRow::unit, vietnamese));
        overdue.sort(Comparator.comparingLong(Late::days).reversed());
        List<String> longest = overdue.stream().limit(OVERDUE_SHOWN).map(Late::id).toList();
        List<OverdueItem> items = lookup.inOrder(longest).stream().map(a -> new OverdueItem(a.id(), a.title(),
                a.leadUnit(), a.deadline(), a.daysOverdue(), a.status())).toList();
        return new Dashboard(today, byStatus, byTimeliness, rows, due[0], new Overdue(items, overdue.size()));
    }
}
