package vn.docket.query.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import vn.docket.query.assignments.Timeliness;

/** Counts one unit's (or the total's) tasks into the report's columns. */
final class ReportTally {

    private final String unit;
    private int assigned;
    private int carriedOver;
    private int doneOnTime;
    private int doneLate;
    private int openWithin;
    private int overdueUnder30;
    private int overdue30To90;
    private int overdueOver90;
    private int cancelled;
    private long rounds;
    private long daysToApproval;

    ReportTally(String unit) {
        this.unit = unit;
    }

    /**
     * Counts {@code t} if it belongs to the period: assigned in it, or assigned before it and still open on its
     * first day. Tasks done before the period belong to earlier reports. Open tasks are judged on
     * {@code judgedOn}: the period's last day, or an earlier day when the period has not ended yet.
     */
    void count(TaskHistory t, LocalDate from, LocalDate judgedOn, TimelinessRule rule) {
        if (t.approvedOn != null && t.approvedOn.isBefore(from)) {
            return;
        }
        if (t.cancelledOn != null) {
            if (!t.cancelledOn.isBefore(from)) {
                cancelled++;
            }
            return;
        }
        if (t.assignedOn.isBefore(from)) {
            carriedOver++;
        } else {
            assigned++;
        }
        Timeliness c = t.classAt(judgedOn, rule);
        switch (c) {
            case DONE_ON_TIME -> doneOnTime++;
            case DONE_LATE -> doneLate++;
            case ON_TIME -> openWithin++;
            case OVERDUE -> {
                long days = t.daysOverdueAt(judgedOn, rule);
                if (days < 30) {
                    overdueUnder30++;
                } else if (days <= 90) {
                    overdue30To90++;
                } else {
                    overdueOver90++;
                }
            }
        }
        if (t.approvedOn != null) {
            rounds += t.revisionRounds;
            daysToApproval += ChronoUnit.DAYS.between(t.assignedOn, t.approvedOn);
        }
    }

    FollowUpReport.Row row() {
        int done = doneOnTime + doneLate;
        int overdue = overdueUnder30 + overdue30To90 + overdueOver90;
        return new FollowUpReport.Row(unit, assigned, carriedOver, assigned + carriedOver, doneOnTime, doneLate,
                openWithin, overdue, overdueUnder30, overdue30To90, overdueOver90, cancelled,
                mean(rounds, done), mean(daysToApproval, done));
    }

    private static Double mean(long sum, int count) {
        return count == 0 ? null : Math.round(100.0 * sum / count) / 100.0;
    }
}
