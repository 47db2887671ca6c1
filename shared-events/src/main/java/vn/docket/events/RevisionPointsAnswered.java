package vn.docket.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * With draft {@code version} the unit answered open revision points: the "bảng tổng hợp giải trình, tiếp thu ý
 * kiến" of the hand-in, one row per point. Applied right after the draft's {@link DraftSubmitted} by the same
 * command, so the draft event keeps its own shape and one table stays one fact.
 */
@Revision("1")
public record RevisionPointsAnswered(
        UUID assignmentId,
        int version,
        List<PointAnswer> answers,
        LocalDate effectiveDate) implements AssignmentEvent {

    /** TAKEN_IN (tiếp thu): {@code note} says where; EXPLAINED (giải trình): {@code note} says why not. */
    public record PointAnswer(String point, Answer answer, String note) {
    }

    public enum Answer { TAKEN_IN, EXPLAINED }
}
