package vn.docket.query.planpath;

import static vn.docket.query.support.ReadModels.iso;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import vn.docket.query.support.ReadModel;
import vn.docket.query.support.ReadModels;

/**
 * What a step of the plan path says beyond who, when and which version: one record per kind of step. A step is
 * stored flat, these fields beside the common ones; the page shows only the fields a step has (nulls are left out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
sealed interface StepDetails extends ReadModel {

    /** The details of a stored step of {@code type}. */
    static StepDetails read(String type, Document d) {
        return switch (type) {
            case "ASSIGNED" -> new Assigned(d.getString("leadUnit"), date(d, "deadline"), d.getList("approvalRoute", String.class));
            case "DRAFT_SUBMITTED" -> new Submitted(d.getString("documentName"), d.getString("documentSha256"),
                    d.getString("documentUrl"), d.getString("note"), ReadModel.part(d, "file", File::read));
            case "REVISION_REQUESTED" -> new RevisionAsked(date(d, "dueDate"), ReadModel.parts(d, "points", Point::read),
                    d.getList("reopenedPoints", String.class), ReadModel.part(d, "decision", Decision::read), d.getString("chair"),
                    date(d, "roleSince"), d.getString("roleGrantedBy"));
            case "POINTS_ANSWERED" -> new PointsAnswered(ReadModel.parts(d, "answers", Answer::read));
            case "APPROVED" -> new Approved(d.getBoolean("finalApproval"), d.getString("note"),
                    ReadModel.part(d, "decision", Decision::read), date(d, "roleSince"), d.getString("roleGrantedBy"));
            case "APPROVED_IN_PRINCIPLE" -> new ApprovedInPrinciple(d.getString("chair"), ReadModel.part(d, "decision", Decision::read));
            case "ISSUED" -> new Issued(d.getString("documentNumber"), d.getString("documentName"), d.getString("documentSha256"),
                    ReadModel.part(d, "file", File::read));
            case "DEADLINE_EXTENDED" -> new Extended(date(d, "previousDeadline"), date(d, "deadline"),
                    d.getBoolean("reasonFromRequest"));
            case "REASSIGNED" -> new Reassigned(d.getString("previousLeadUnit"), d.getString("leadUnit"));
            case "REMINDER_SENT" -> new Reminded(d.getString("kind"), d.getString("chasedUnit"), date(d, "deadline"),
                    d.getInteger("workingDaysLeft"), d.getString("note"));
            case "DEADLINE_MISSED" -> new Missed(d.getString("chasedUnit"), date(d, "deadline"));
            case "EXTENSION_REQUESTED" -> new ExtensionAsked(date(d, "previousDeadline"), date(d, "requestedDeadline"));
            case "EXTENSION_REJECTED" -> new ExtensionRefused(date(d, "requestedDeadline"));
            case "EXTENSION_LAPSED" -> new ExtensionLapsed(d.getString("requestingUnit"), date(d, "requestedDeadline"),
                    d.getString("why"));
            default -> new Nothing(); // cancelled: the reason is the step's
        };
    }

    private static LocalDate date(Document d, String key) {
        return ReadModels.date(d.get(key));
    }

    record Assigned(String leadUnit, LocalDate deadline, List<String> approvalRoute) implements StepDetails {
        public Document toDocument() {
            return new Document("leadUnit", leadUnit).append("deadline", iso(deadline)).append("approvalRoute", approvalRoute);
        }
    }

    record Submitted(String documentName, String documentSha256, String documentUrl, String note, File file)
            implements StepDetails {
        public Document toDocument() {
            return new Document("documentName", documentName).append("documentSha256", documentSha256)
                    .append("documentUrl", documentUrl).append("note", note).append("file", ReadModel.write(file));
        }
    }

    /** Asked by a leader ({@code roleSince}: the role they held, since when, granted by whom) or by the meeting ({@code chair}). */
    record RevisionAsked(LocalDate dueDate, List<Point> points, List<String> reopenedPoints, Decision decision, String chair,
                         LocalDate roleSince, String roleGrantedBy) implements StepDetails {
        public Document toDocument() {
            return new Document("dueDate", iso(dueDate)).append("points", ReadModel.writeAll(points))
                    .append("reopenedPoints", reopenedPoints).append("decision", ReadModel.write(decision)).append("chair", chair)
                    .append("roleSince", iso(roleSince)).append("roleGrantedBy", roleGrantedBy);
        }
    }

    record PointsAnswered(List<Answer> answers) implements StepDetails {
        public Document toDocument() {
            return new Document("answers", ReadModel.writeAll(answers));
        }
    }

    record Approved(Boolean finalApproval, String note, Decision decision, LocalDate roleSince, String roleGrantedBy)
            implements StepDetails {
        public Document toDocument() {
            return new Document("finalApproval", finalApproval).append("note", note).append("decision", ReadModel.write(decision))
                    .append("roleSince", iso(roleSince)).append("roleGrantedBy", roleGrantedBy);
        }
    }

    record ApprovedInPrinciple(String chair, Decision decision) implements StepDetails {
        public Document toDocument() {
            return new Document("chair", chair).append("decision", ReadModel.write(decision));
        }
    }

    record Issued(String documentNumber, String documentName, String documentSha256, File file) implements StepDetails {
        public Document toDocument() {
            return new Document("documentNumber", documentNumber).append("documentName", documentName)
                    .append("documentSha256", documentSha256).append("file", ReadModel.write(file));
        }
    }

    /**
     * {@code reasonFromRequest}: the step's reason is the one the unit gave when asking, the leader who granted it giving
     * none of their own (null: not recorded, see DeadlineExtended).
     */
    record Extended(LocalDate previousDeadline, LocalDate deadline, Boolean reasonFromRequest) implements StepDetails {
        public Document toDocument() {
            return new Document("previousDeadline", iso(previousDeadline)).append("deadline", iso(deadline))
                    .append("reasonFromRequest", reasonFromRequest);
        }
    }

    record Reassigned(String previousLeadUnit, String leadUnit) implements StepDetails {
        public Document toDocument() {
            return new Document("previousLeadUnit", previousLeadUnit).append("leadUnit", leadUnit);
        }
    }

    record Reminded(String kind, String chasedUnit, LocalDate deadline, Integer workingDaysLeft, String note) implements StepDetails {
        public Document toDocument() {
            return new Document("kind", kind).append("chasedUnit", chasedUnit).append("deadline", iso(deadline))
                    .append("workingDaysLeft", workingDaysLeft).append("note", note);
        }
    }

    record Missed(String chasedUnit, LocalDate deadline) implements StepDetails {
        public Document toDocument() {
            return new Document("chasedUnit", chasedUnit).append("deadline", iso(deadline));
        }
    }

    record ExtensionAsked(LocalDate previousDeadline, LocalDate requestedDeadline) implements StepDetails {
        public Document toDocument() {
            return new Document("previousDeadline", iso(previousDeadline)).append("requestedDeadline", iso(requestedDeadline));
        }
    }

    record ExtensionRefused(LocalDate requestedDeadline) implements StepDetails {
        public Document toDocument() {
            return new Document("requestedDeadline", iso(requestedDeadline));
        }
    }

    /** {@code why}: REASSIGNED, SUPERSEDED_BY_DUE_DATE, APPROVED or CANCELLED (ExtensionRequestLapsed.Why). */
    record ExtensionLapsed(String requestingUnit, LocalDate requestedDeadline, String why) implements StepDetails {
        public Document toDocument() {
            return new Document("requestingUnit", requestingUnit).append("requestedDeadline", iso(requestedDeadline))
                    .append("why", why);
        }
    }

    record Nothing() implements StepDetails {
        public Document toDocument() {
            return new Document();
        }
    }

    /** What the step shows of a stored file (a draft's or the issued document's). */
    record File(String mediaType, long size, Integer pageCount, int wordCount, boolean textLayer) implements ReadModel {
        static File read(Document d) {
            return new File(d.getString("mediaType"), d.get("size", Number.class).longValue(), d.getInteger("pageCount"),
                    d.getInteger("wordCount"), d.getBoolean("textLayer"));
        }

        public Document toDocument() {
            return new Document("mediaType", mediaType).append("size", size).append("pageCount", pageCount)
                    .append("wordCount", wordCount).append("textLayer", textLayer);
        }
    }

    record Point(String id, int number, String text) implements ReadModel {
        static Point read(Document d) {
            return new Point(d.getString("id"), d.getInteger("number"), d.getString("text"));
        }

        public Document toDocument() {
            return new Document("id", id).append("number", number).append("text", text);
        }
    }

    record Answer(String point, String answer, String note) implements ReadModel {
        static Answer read(Document d) {
            return new Answer(d.getString("point"), d.getString("answer"), d.getString("note"));
        }

        public Document toDocument() {
            return new Document("point", point).append("answer", answer).append("note", note);
        }
    }

    /** The decision or notice a step refers to. */
    record Decision(String number, LocalDate date) implements ReadModel {
        static Decision read(Document d) {
            return new Decision(d.getString("number"), ReadModels.date(d.get("date")));
        }

        public Document toDocument() {
            return new Document("number", number).append("date", iso(date));
        }
    }
}
