package vn.docket.query.assignments;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import vn.docket.events.AssignmentStatus;
import vn.docket.query.support.ReadModels;

/**
 * An assignment as the list and the detail show it; the field names are part of the HTTP contract.
 * {@code awaitingLevel} is the approval level that must look at the draft now (null unless a draft waits).
 */
public record AssignmentView(String id, String title, String kind, AssignmentStatus status, String leadUnit,
                             List<String> coordinatingUnits, LocalDate deadline, LocalDate originalDeadline,
                             int currentVersion, List<String> approvalRoute, List<String> approvedLevels,
                             Timeliness timeliness, Long daysOverdue, String parentId, Map<String, Object> source,
                             LocalDate assignedOn, LocalDate handedInOn, LocalDate approvedOn, String documentNumber,
                             LocalDate issuedOn, int reminders, Map<String, Object> lastReminder,
                             LocalDate missedDeadline, Map<String, Object> pendingExtension, String awaitingLevel) {

    static AssignmentView from(Document d, LocalDate today) {
        AssignmentStatus status = AssignmentStatus.valueOf(d.getString("status"));
        LocalDate deadline = ReadModels.date(d.get("deadline"));
        LocalDate handedIn = ReadModels.date(d.get("handedInOn"));
        Timeliness timeliness = Timeliness.classify(status, deadline, handedIn, today);
        Long overdue = null;
        if (timeliness == Timeliness.OVERDUE || timeliness == Timeliness.DONE_LATE) {
            overdue = ChronoUnit.DAYS.between(deadline, handedIn != null ? handedIn : today);
        }
        Document source = d.get("source", Document.class);
        return new AssignmentView(d.getString("_id"), d.getString("title"), d.getString("kind"), status,
                d.getString("leadUnit"), d.getList("coordinatingUnits", String.class), deadline,
                ReadModels.date(d.get("originalDeadline")), d.getInteger("currentVersion", 0),
                d.getList("approvalRoute", String.class), d.getList("approvedLevels", String.class), timeliness,
                overdue, d.getString("parentId"), source, ReadModels.date(d.get("assignedOn")), handedIn,
                ReadModels.date(d.get("approvedOn")), d.getString("documentNumber"), ReadModels.date(d.get("issuedOn")),
                d.getInteger("reminders", 0), d.get("lastReminder", Document.class),
                ReadModels.date(d.get("missedDeadline")), d.get("pendingExtension", Document.class),
                awaitingLevel(status, d.getList("approvalRoute", String.class), d.getList("approvedLevels", String.class)));
    }

    /** The level of the route that must look at the draft now: the first not yet passed; null unless a draft waits. */
    static String awaitingLevel(AssignmentStatus status, List<String> route, List<String> approved) {
        int passed = approved == null ? 0 : approved.size();
        return status == AssignmentStatus.DRAFT_SUBMITTED && route != null && passed < route.size() ? route.get(passed) : null;
    }
}
