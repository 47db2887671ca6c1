package vn.docket.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.docket.events.AssignmentStatus;
import vn.docket.query.assignments.Timeliness;

/**
 * One assignment as it stood at the end of a report's period: its facts ({@link TaskFact}) applied up to that
 * day (effective dates), from the facts recorded up to the report's moment (recorded times).
 */
final class TaskHistory {

    String leadUnit;
    LocalDate assignedOn;
    /** The deadline as extended, and the deadline extensions did not move (revision due dates move both). */
    LocalDate deadline;
    LocalDate deadlineBeforeExtensions;
    /** Effective date of the draft with the leaders (or approved); null while the unit holds the work. */
    LocalDate handedInOn;
    LocalDate approvedOn;
    LocalDate cancelledOn;
    int revisionRounds;

    /**
     * The task as it stood at the end of {@code day} (effective dates) in what was recorded up to {@code asOf}
     * (recorded times); null if it was not assigned by then. {@code facts} are in stream order.
     */
    static TaskHistory asAt(List<TaskFact> facts, LocalDate day, Instant asOf) {
        TaskHistory t = new TaskHistory();
        for (TaskFact f : facts) {
            // Skip rather than stop: a back-dated step may follow a later one in the stream.
            if (!f.on().isAfter(day) && !f.recorded().isAfter(asOf)) {
                t.apply(f);
            }
        }
        return t.assignedOn == null ? null : t;
    }

    private void apply(TaskFact f) {
        switch (f.what()) {
            case ASSIGNED -> {
                leadUnit = f.unit();
                assignedOn = f.on();
                deadline = f.date();
                deadlineBeforeExtensions = f.date();
            }
            case DRAFT_SUBMITTED -> handedInOn = f.on();
            case REVISION_REQUESTED -> {
                revisionRounds++;
                handedInOn = null;
                if (f.date() != null) {
                    deadline = f.date();
                    deadlineBeforeExtensions = f.date();
                }
            }
            // Either verdict sends the draft back to the unit (as in the assignment list); only a required
            // revision is a round (as in the revision statistics).
            case SENT_BACK_AT_MEETING -> handedInOn = null;
            case REVISION_REQUIRED_AT_MEETING -> {
                handedInOn = null;
                revisionRounds++;
            }
            case APPROVED -> approvedOn = f.on();
            case DEADLINE_EXTENDED -> {
                deadline = f.date();
                // The first deadline of a task assigned without one is set, not extended: it is the original.
                if (deadlineBeforeExtensions == null) {
                    deadlineBeforeExtensions = f.date();
                }
            }
            case REASSIGNED -> leadUnit = f.unit();
            case CANCELLED -> cancelledOn = f.on();
        }
    }

    LocalDate deadlineUnder(TimelinessRule rule) {
        return rule == TimelinessRule.ORIGINAL ? deadlineBeforeExtensions : deadline;
    }

    /** The class every Vietnamese follow-up report uses, judged at the end of {@code day}; null if cancelled. */
    Timeliness classAt(LocalDate day, TimelinessRule rule) {
        AssignmentStatus status = cancelledOn != null ? AssignmentStatus.CANCELLED
                : approvedOn != null ? AssignmentStatus.APPROVED
                : handedInOn != null ? AssignmentStatus.DRAFT_SUBMITTED : AssignmentStatus.ASSIGNED;
        return Timeliness.classify(status, deadlineUnder(rule), handedInOn, day);
    }

    /** Days past the deadline, up to the late draft or to {@code day}: the age of an overdue task. */
    long daysOverdueAt(LocalDate day, TimelinessRule rule) {
        return Timeliness.daysOverdue(deadlineUnder(rule), handedInOn, day);
    }
}
