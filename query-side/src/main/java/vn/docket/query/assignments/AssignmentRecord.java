package vn.docket.query.assignments;

import static vn.docket.query.support.ReadModels.iso;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import vn.docket.events.AssignmentStatus;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModel;
import vn.docket.query.support.ReadModels;

/**
 * One assignment as the list projection keeps it, one document per assignment: what the list and the detail show
 * ({@link AssignmentView} adds what today decides). Changed only through {@link ReadModels#apply}, one event at a time.
 */
public record AssignmentRecord(String id, String title, String kind, AssignmentStatus status, String leadUnit,
                              List<String> coordinatingUnits, LocalDate deadline, LocalDate originalDeadline,
                              int currentVersion, List<String> approvalRoute, List<String> approvedLevels,
                              String parentId, Source source, LocalDate assignedOn, LocalDate handedInOn,
                              String meetingVerdict, LocalDate approvedOn, String documentNumber, LocalDate issuedOn,
                              LocalDate cancelledOn, int reminders, Reminder lastReminder, LocalDate missedDeadline,
                              Extension pendingExtension) implements ReadModel {

    static AssignmentRecord read(Document d) {
        return new AssignmentRecord(d.getString("_id"), d.getString("title"), d.getString("kind"),
                AssignmentStatus.valueOf(d.getString("status")), d.getString("leadUnit"),
                d.getList("coordinatingUnits", String.class), date(d, "deadline"), date(d, "originalDeadline"),
                d.getInteger("currentVersion", 0), d.getList("approvalRoute", String.class),
                d.getList("approvedLevels", String.class), d.getString("parentId"),
                ReadModel.part(d, "source", Source::read), date(d, "assignedOn"), date(d, "handedInOn"),
                d.getString("meetingVerdict"), date(d, "approvedOn"), d.getString("documentNumber"),
                date(d, "issuedOn"), date(d, "cancelledOn"), d.getInteger("reminders", 0),
                ReadModel.part(d, "lastReminder", Reminder::read), date(d, "missedDeadline"),
                ReadModel.part(d, "pendingExtension", Extension::read));
    }

    @Override
    public Document toDocument() {
        return new Document("_id", id)
                .append("title", title)
                .append("kind", kind)
                .append("status", status.name())
                .append("leadUnit", leadUnit)
                .append("coordinatingUnits", coordinatingUnits)
                .append("deadline", iso(deadline))
                .append("originalDeadline", iso(originalDeadline))
                .append("currentVersion", currentVersion)
                .append("approvalRoute", approvalRoute)
                .append("approvedLevels", approvedLevels)
                .append("parentId", parentId)
                .append("source", ReadModel.write(source))
                .append("assignedOn", iso(assignedOn))
                .append("handedInOn", iso(handedInOn))
                .append("meetingVerdict", meetingVerdict)
                .append("approvedOn", iso(approvedOn))
                .append("documentNumber", documentNumber)
                .append("issuedOn", iso(issuedOn))
                .append("cancelledOn", iso(cancelledOn))
                .append("reminders", reminders)
                .append("lastReminder", ReadModel.write(lastReminder))
                .append("missedDeadline", iso(missedDeadline))
                .append("pendingExtension", ReadModel.write(pendingExtension));
    }

    private static LocalDate date(Document d, String key) {
        return ReadModels.date(d.get(key));
    }

    /**
     * This record with what {@code change} sets among the fields a later event changes
     * ({@code a -> a.status = ISSUED}): records have no {@code with} yet, and one copy here replaces a copy method
     * per field that each spelled out all 24.
     */
    AssignmentRecord with(Consumer<Changes> change) {
        Changes a = new Changes(this);
        change.accept(a);
        return new AssignmentRecord(id, title, kind, a.status, a.leadUnit, coordinatingUnits, a.deadline, a.originalDeadline,
                a.currentVersion, approvalRoute, a.approvedLevels, parentId, source, assignedOn, a.handedInOn,
                a.meetingVerdict, a.approvedOn, a.documentNumber, a.issuedOn, a.cancelledOn, a.reminders, a.lastReminder,
                a.missedDeadline, a.pendingExtension);
    }

    /** The fields a later event may change, as they stand before it; the others keep what the first event set. */
    static final class Changes {
        AssignmentStatus status;
        String leadUnit;
        LocalDate deadline;
        LocalDate originalDeadline;
        int currentVersion;
        List<String> approvedLevels;
        LocalDate handedInOn;
        String meetingVerdict;
        LocalDate approvedOn;
        String documentNumber;
        LocalDate issuedOn;
        LocalDate cancelledOn;
        int reminders;
        Reminder lastReminder;
        LocalDate missedDeadline;
        Extension pendingExtension;

        private Changes(AssignmentRecord a) {
            status = a.status;
            leadUnit = a.leadUnit;
            deadline = a.deadline;
            originalDeadline = a.originalDeadline;
            currentVersion = a.currentVersion;
            approvedLevels = a.approvedLevels;
            handedInOn = a.handedInOn;
            meetingVerdict = a.meetingVerdict;
            approvedOn = a.approvedOn;
            documentNumber = a.documentNumber;
            issuedOn = a.issuedOn;
            cancelledOn = a.cancelledOn;
            reminders = a.reminders;
            lastReminder = a.lastReminder;
            missedDeadline = a.missedDeadline;
            pendingExtension = a.pendingExtension;
        }

        /**
         * A deadline set on an assignment that never had one (assigned without a calendar date) is its original:
         * later extensions move only the current deadline, so the page still shows what the unit was first given.
         */
        void firstDeadline(LocalDate date) {
            if (originalDeadline == null) {
                originalDeadline = date;
            }
        }
    }

    /** The notice and item the assignment comes from; the registered notice's id too when there is one, for a link. */
    record Source(String notice, Integer item, @JsonInclude(JsonInclude.Include.NON_NULL) String noticeId) implements ReadModel {
        static Source read(Document d) {
            return new Source(d.getString("notice"), d.getInteger("item"), d.getString("noticeId"));
        }

        @Override
        public Document toDocument() {
            Document d = new Document("notice", notice).append("item", item);
            return noticeId == null ? d : d.append("noticeId", noticeId);
        }
    }

    /** The last reminder: what kind, to which unit, by whom and when. */
    record Reminder(String kind, String chasedUnit, ActorRef by, Date recordedAt, String note) implements ReadModel {
        static Reminder read(Document d) {
            return new Reminder(d.getString("kind"), d.getString("chasedUnit"), ReadModel.part(d, "by", ActorRef::read),
                    d.getDate("recordedAt"), d.getString("note"));
        }

        @Override
        public Document toDocument() {
            return new Document("kind", kind).append("chasedUnit", chasedUnit).append("by", ReadModel.write(by))
                    .append("recordedAt", recordedAt).append("note", note);
        }
    }

    /** An extension the unit asked for that no one has decided yet. */
    record Extension(LocalDate newDeadline, String reason, LocalDate requestedOn, ActorRef by) implements ReadModel {
        static Extension read(Document d) {
            return new Extension(date(d, "newDeadline"), d.getString("reason"), date(d, "requestedOn"),
                    ReadModel.part(d, "by", ActorRef::read));
        }

        @Override
        public Document toDocument() {
            return new Document("newDeadline", iso(newDeadline)).append("reason", reason).append("requestedOn", iso(requestedOn))
                    .append("by", ReadModel.write(by));
        }
    }
}
