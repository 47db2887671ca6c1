package vn.docket.query.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.Text;

/**
 * Produces follow-up reports from the tasks' timelines ({@link TaskTimelineProjection}): only the tasks the
 * period can concern are read, each replayed from its own facts as recorded up to the report's moment.
 */
@Service
public class FollowUpReports {

    private static final Logger log = LoggerFactory.getLogger(FollowUpReports.class);

    private final TaskTimelineProjection timelines;
    private final ReportSettings settings;
    private final TimelinessRule rule;
    private final Clock clock;

    FollowUpReports(TaskTimelineProjection timelines, ReportSettings settings, TimelinessSettings timeliness, Clock clock) {
        this.timelines = timelines;
        this.settings = settings;
        this.rule = timeliness.against();
        this.clock = clock;
    }

    /**
     * @param unit only this lead unit, or null for all
     * @param asOf only events recorded up to this moment
     */
    public FollowUpReport produce(ReportPeriod period, String unit, Instant asOf) {
        return produce(period, unit, asOf, null, null);
    }

    /**
     * @param visible the ids of the only tasks to count (what a unit's staff may see), or null for every task
     * @param seenBy  the unit of the staff who may see only {@code visible}, named in the report; null with it
     */
    public FollowUpReport produce(ReportPeriod period, String unit, Instant asOf, Set<String> visible, String seenBy) {
        long started = System.nanoTime();
        String onlyUnit = Text.clean(unit);
        LocalDate judgedOn = judgedOn(period, asOf, LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)));
        TaskTimelineProjection.Read read = timelines.asAt(period.from(), period.to(), asOf, visible);
        Tallied tallied = tally(read.tasks(), period, judgedOn, onlyUnit, rule);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        if (tookMs > 2_000) {
            log.info("Follow-up report {} to {} took {} ms over {} tasks", period.from(), period.to(), tookMs,
                    read.timelinesRead());
        }
        return new FollowUpReport(FollowUpReport.TITLE, settings.issuingBody(), settings.issuer(), settings.place(), period.from(),
                period.to(), asOf, judgedOn, onlyUnit, seenBy, rule, rule.vietnamese(), tallied.units(), tallied.total(), read.timelinesRead(),
                tookMs);
    }

    /**
     * The day open tasks are judged on: the period's last day, but never a day after the history the report
     * reads (its as-of moment) or after today. A task due next week is not overdue yet in this quarter's
     * report, and one due last week is 5 days overdue today, as the dashboard says, not 35 at the quarter's end.
     */
    static LocalDate judgedOn(ReportPeriod period, Instant asOf, LocalDate today) {
        LocalDate day = period.to();
        LocalDate asOfDay = asOf.atZone(PlatformConfiguration.ZONE).toLocalDate();
        if (asOfDay.isBefore(day)) {
            day = asOfDay;
        }
        return today.isBefore(day) ? today : day;
    }

    record Tallied(List<FollowUpReport.Row> units, FollowUpReport.Row total) {
    }

    /**
     * The figures from the tasks as they stood at the end of the period (assigned by then; tasks the period
     * does not concern are left out by the tally); units without a task in the period are left out.
     */
    static Tallied tally(Iterable<TaskHistory> tasks, ReportPeriod period, LocalDate judgedOn,
                         String onlyUnit, TimelinessRule rule) {
        // Grouped by exact name, ordered once at the end: the Vietnamese collator costs microseconds a
        // comparison, and ordering every task's unit took a fifth of a quarter's report.
        Map<String, ReportTally> perUnit = new HashMap<>();
        ReportTally total = new ReportTally(null);
        for (TaskHistory task : tasks) {
            if (onlyUnit != null && !onlyUnit.equals(task.leadUnit)) {
                continue; // another unit's
            }
            perUnit.computeIfAbsent(task.leadUnit, ReportTally::new).count(task, period.from(), judgedOn, rule);
            total.count(task, period.from(), judgedOn, rule);
        }
        List<FollowUpReport.Row> rows = new ArrayList<>(perUnit.values().stream().map(ReportTally::row)
                .filter(r -> r.total() + r.cancelled() > 0).toList());
        rows.sort(Comparator.comparing(FollowUpReport.Row::unit, Vietnamese.ORDER));
        return new Tallied(rows, total.row());
    }
}
