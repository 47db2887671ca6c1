package vn.docket.query.revisioncycles;

import static vn.docket.query.support.ReadModels.iso;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import vn.docket.events.RevisionPoint;
import vn.docket.events.RevisionPointsAnswered.Answer;
import vn.docket.query.support.ActorRef;
import vn.docket.query.support.ReadModel;
import vn.docket.query.support.ReadModels;

/**
 * One assignment's revision points as {@link RevisionCycleProjection} keeps them, one document per assignment sent
 * back at least once; the plan path and the statistics' most revised assignments show the points as they are here.
 */
public record RevisionCycle(String id, List<Point> points) implements ReadModel {

    /**
     * Where a point stands: raised (OPEN) until a draft answers it (ANSWERED); the next judgement of that draft
     * accepts the answer (CLOSED) or names the point again (REOPENED, open for the next draft). A point still open
     * or reopened at the final approval is closed by it without an answer (CLOSED_UNANSWERED): the leader accepted
     * the draft as it is, and no draft will answer it any more.
     */
    public enum Status { OPEN, ANSWERED, CLOSED, REOPENED, CLOSED_UNANSWERED }

    /**
     * One point: raised on which version, at which level, by whom and when; answered in which version, how and when;
     * then closed or reopened. What has not happened is absent, in the stored document as in the JSON.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String id, Integer number, String text, Integer raisedOnVersion, String level, ActorRef raisedBy,
                        LocalDate raisedOn, Status status, Integer answeredInVersion, Answer answer, String note,
                        LocalDate answeredOn, LocalDate reopenedOn, ActorRef reopenedBy, LocalDate closedOn)
            implements ReadModel {

        static Point raised(RevisionPoint p, int version, String level, ActorRef by, LocalDate on) {
            return new Point(p.id(), p.number(), p.text(), version, level, by, on, Status.OPEN, null, null, null, null,
                    null, null, null);
        }

        Point answered(int version, Answer how, String why, LocalDate on) {
            return new Point(id, number, text, raisedOnVersion, level, raisedBy, raisedOn, Status.ANSWERED, version, how,
                    why, on, reopenedOn, reopenedBy, closedOn);
        }

        /** An answered point is closed by the next judgement that does not reopen it; any other stays as it is. */
        Point settled(LocalDate on) {
            return status != Status.ANSWERED ? this : new Point(id, number, text, raisedOnVersion, level, raisedBy,
                    raisedOn, Status.CLOSED, answeredInVersion, answer, note, answeredOn, reopenedOn, reopenedBy, on);
        }

        /** The final approval closes a point no draft answered since it was raised or reopened; any other stays. */
        Point closedUnanswered(LocalDate on) {
            return status != Status.OPEN && status != Status.REOPENED ? this : new Point(id, number, text,
                    raisedOnVersion, level, raisedBy, raisedOn, Status.CLOSED_UNANSWERED, answeredInVersion, answer, note,
                    answeredOn, reopenedOn, reopenedBy, on);
        }

        Point reopened(LocalDate on, ActorRef by) {
            return new Point(id, number, text, raisedOnVersion, level, raisedBy, raisedOn, Status.REOPENED,
                    answeredInVersion, answer, note, answeredOn, on, by, closedOn);
        }

        static Point read(Document d) {
            return new Point(d.getString("id"), d.getInteger("number"), d.getString("text"),
                    d.getInteger("raisedOnVersion"), d.getString("level"), ReadModel.part(d, "raisedBy", ActorRef::read),
                    ReadModels.date(d.get("raisedOn")), d.getString("status") == null ? null : Status.valueOf(d.getString("status")),
                    d.getInteger("answeredInVersion"), d.getString("answer") == null ? null : Answer.valueOf(d.getString("answer")),
                    d.getString("note"), ReadModels.date(d.get("answeredOn")), ReadModels.date(d.get("reopenedOn")),
                    ReadModel.part(d, "reopenedBy", ActorRef::read), ReadModels.date(d.get("closedOn")));
        }

        /**
         * Only what is set, in the order the documents stored before this record have it: a point is raised, answered
         * (and maybe reopened and answered again), then closed for good.
         */
        @Override
        public Document toDocument() {
            Document d = new Document();
            put(d, "id", id);
            put(d, "number", number);
            put(d, "text", text);
            put(d, "raisedOnVersion", raisedOnVersion);
            put(d, "level", level);
            put(d, "raisedBy", ReadModel.write(raisedBy));
            put(d, "raisedOn", iso(raisedOn));
            put(d, "status", status == null ? null : status.name());
            put(d, "answeredInVersion", answeredInVersion);
            put(d, "answer", answer == null ? null : answer.name());
            put(d, "note", note);
            put(d, "answeredOn", iso(answeredOn));
            put(d, "reopenedOn", iso(reopenedOn));
            put(d, "reopenedBy", ReadModel.write(reopenedBy));
            put(d, "closedOn", iso(closedOn));
            return d;
        }

        private static void put(Document d, String key, Object value) {
            if (value != null) {
                d.append(key, value);
            }
        }
    }

    public static RevisionCycle read(Document d) {
        List<Point> points = ReadModel.parts(d, "points", Point::read);
        return new RevisionCycle(d.getString("_id"), points == null ? List.of() : points);
    }

    @Override
    public Document toDocument() {
        return new Document("_id", id).append("points", ReadModel.writeAll(points));
    }
}
