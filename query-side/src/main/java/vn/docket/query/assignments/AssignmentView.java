package vn.docket.query.assignments;

import java.time.LocalDate;
import java.util.List;
import vn.docket.events.AssignmentStatus;

/**
 * An assignment as the list and the detail show it; the field names are part of the HTTP contract.
 * {@code awaitingLevel} is the approval level that must look at the draft now (null unless a draft waits).
 */
public record AssignmentView(String id, String title, String kind, AssignmentStatus status, String leadUnit,
                             List<String> coordinatingUnits, LocalDate deadline, LocalDate originalDeadline,
                             int currentVersion, List<String> approvalRoute, List<String> approvedLevels,
                             Timeliness timeliness, Long daysOverdue, String parentId, AssignmentRecord.Source source,
                             LocalDate assignedOn, LocalDate handedInOn, LocalDate approvedOn, String documentNumber,
                             LocalDate issuedOn, int reminders, AssignmentRecord.Reminder lastReminder,
                             LocalDate missedDeadline, AssignmentRecord.Extension pendingExtension, String awaitingLevel) {

    /**
     * @param numberedLater the number its notice was given (NoticeNumbered) or corrected to (NoticeNumberCorrected) after
     *                      registration, shown for the one the assignment was assigned with; null when there is none
     */
    static AssignmentView from(AssignmentRecord a, LocalDate today, String numberedLater) {
        AssignmentRecord.Source source = a.source();
        if (numberedLater != null && source != null) {
            source = new AssignmentRecord.Source(numberedLater, source.item(), source.noticeId());
        }
        Timeliness timeliness = Timeliness.classify(a.status(), a.deadline(), a.handedInOn(), today);
        Long overdue = null;
        if (timeliness == Timeliness.OVERDUE || timeliness == Timeliness.DONE_LATE) {
            overdue = Timeliness.daysOverdue(a.deadline(), a.handedInOn(), today);
        }
        return new AssignmentView(a.id(), a.title(), a.kind(), a.status(), a.leadUnit(), a.coordinatingUnits(), a.deadline(),
                a.originalDeadline(), a.currentVersion(), a.approvalRoute(), a.approvedLevels(), timeliness, overdue,
                a.parentId(), source, a.assignedOn(), a.handedInOn(), a.approvedOn(), a.documentNumber(), a.issuedOn(),
                // A request lapses with the work (ExtensionRequestLapsed); one stored pending before that was recorded
                // is not shown either: nobody can decide it any more (assignment-closed).
                a.reminders(), a.lastReminder(), a.missedDeadline(), a.status().isOpen() ? a.pendingExtension() : null,
                awaitingLevel(a.status(), a.approvalRoute(), a.approvedLevels()));
    }

    /** The level of the route that must look at the draft now: the first not yet passed; null unless a draft waits. */
    static String awaitingLevel(AssignmentStatus status, List<String> route, List<String> approved) {
        int passed = approved == null ? 0 : approved.size();
        return status == AssignmentStatus.DRAFT_SUBMITTED && route != null && passed < route.size() ? route.get(passed) : null;
    }
}
