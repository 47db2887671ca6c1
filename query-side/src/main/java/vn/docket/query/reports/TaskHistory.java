package vn.docket.query.reports;

import java.time.LocalDate;
import java.util.List;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.AssignmentStatus;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;
import vn.docket.query.assignments.Timeliness;

/**
 * One assignment as it stood at the end of a report's period: its events replayed up to that day
 * (effective dates), from the events recorded up to the report's moment (recorded times, chosen earlier).
 */
final class TaskHistory {

    String id;
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

    /** Replays {@code events} (one assignment, in stream order) as they stood at the end of {@code day}. */
    static TaskHistory asAt(List<AssignmentEvent> events, LocalDate day) {
        TaskHistory t = new TaskHistory();
        for (AssignmentEvent e : events) {
            // Skip rather than stop: Docket's own reminders carry "today" and may sit between back-dated steps.
            if (!e.effectiveDate().isAfter(day)) {
                t.apply(e);
            }
        }
        return t.assignedOn == null ? null : t;
    }

    private void apply(AssignmentEvent event) {
        if (event instanceof TaskAssigned e) {
            id = e.assignmentId().toString();
            leadUnit = e.leadUnit();
            assignedOn = e.effectiveDate();
            deadline = e.deadline();
            deadlineBeforeExtensions = e.deadline();
        } else if (event instanceof DraftSubmitted e) {
            handedInOn = e.effectiveDate();
        } else if (event instanceof RevisionRequested e) {
            revisionRounds++;
            handedInOn = null;
            if (e.dueDate() != null) {
                deadline = e.dueDate();
                deadlineBeforeExtensions = e.dueDate();
            }
        } else if (event instanceof MeetingConcluded e) {
            // Either verdict sends the draft back to the unit (as in the assignment list); only a required
            // revision is a round (as in the revision statistics).
            handedInOn = null;
            if (e.verdict() == MeetingVerdict.REVISION_REQUIRED) {
                revisionRounds++;
            }
        } else if (event instanceof DraftApproved e) {
            if (e.finalApproval()) {
                approvedOn = e.effectiveDate();
            }
        } else if (event instanceof DeadlineExtended e) {
            deadline = e.newDeadline();
        } else if (event instanceof TaskReassigned e) {
            leadUnit = e.newLeadUnit();
        } else if (event instanceof TaskCancelled e) {
            cancelledOn = e.effectiveDate();
        }
        // Reminders, missed deadlines, extension requests and issuance change none of the report's figures.
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
        LocalDate until = handedInOn != null ? handedInOn : day;
        return java.time.temporal.ChronoUnit.DAYS.between(deadlineUnder(rule), until);
    }
}
