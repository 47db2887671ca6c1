package vn.docket.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DeadlineExtended;
import vn.docket.events.DraftApproved;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.MeetingConcluded;
import vn.docket.events.MeetingVerdict;
import vn.docket.events.RevisionRequested;
import vn.docket.events.TaskAssigned;
import vn.docket.events.TaskCancelled;
import vn.docket.events.TaskReassigned;

/**
 * One change of a task that a follow-up report reads, with both its dates: the day it took effect (which a
 * clerk may back-date) and the moment Docket recorded it. What the task's {@link TaskTimelineProjection}
 * keeps, in stream order.
 *
 * @param date  the deadline set (assigned, extended, new due date of a revision); null if none
 * @param unit  the lead unit (assigned, reassigned); null otherwise
 */
record TaskFact(What what, LocalDate on, Instant recorded, LocalDate date, String unit) {

    enum What {
        ASSIGNED, DRAFT_SUBMITTED, REVISION_REQUESTED, SENT_BACK_AT_MEETING, REVISION_REQUIRED_AT_MEETING,
        APPROVED, DEADLINE_EXTENDED, REASSIGNED, CANCELLED;

        /** A task with one of these facts is done with: approved or cancelled. */
        boolean closes() {
            return this == APPROVED || this == CANCELLED;
        }
    }

    /** The fact {@code event} states, or null when it changes none of the report's figures (reminders, issuance...). */
    static TaskFact of(AssignmentEvent event, Instant recorded) {
        LocalDate on = event.effectiveDate();
        if (event instanceof TaskAssigned e) {
            return new TaskFact(What.ASSIGNED, on, recorded, e.deadline(), e.leadUnit());
        } else if (event instanceof DraftSubmitted) {
            return new TaskFact(What.DRAFT_SUBMITTED, on, recorded, null, null);
        } else if (event instanceof RevisionRequested e) {
            return new TaskFact(What.REVISION_REQUESTED, on, recorded, e.dueDate(), null);
        } else if (event instanceof MeetingConcluded e) {
            return new TaskFact(e.verdict() == MeetingVerdict.REVISION_REQUIRED ? What.REVISION_REQUIRED_AT_MEETING
                    : What.SENT_BACK_AT_MEETING, on, recorded, null, null);
        } else if (event instanceof DraftApproved e) {
            return e.finalApproval() ? new TaskFact(What.APPROVED, on, recorded, null, null) : null;
        } else if (event instanceof DeadlineExtended e) {
            return new TaskFact(What.DEADLINE_EXTENDED, on, recorded, e.newDeadline(), null);
        } else if (event instanceof TaskReassigned e) {
            return new TaskFact(What.REASSIGNED, on, recorded, null, e.newLeadUnit());
        } else if (event instanceof TaskCancelled) {
            return new TaskFact(What.CANCELLED, on, recorded, null, null);
        }
        return null;
    }
}
