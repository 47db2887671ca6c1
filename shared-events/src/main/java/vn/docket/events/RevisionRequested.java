package vn.docket.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Leadership sent draft {@code version} back at {@code level}: {@code points} are the new things to revise or
 * add, numbered; {@code reopenedPoints} the ids of earlier points whose answer did not satisfy. {@code decision}
 * is set when an outside body's decision was recorded by a clerk; {@code dueDate} is optional. Revision 1 had
 * a plain list of {@code reasons} ({@link vn.docket.events.upcasting.Upcasters}).
 */
@Revision("2")
public record RevisionRequested(
        UUID assignmentId,
        int version,
        String level,
        List<RevisionPoint> points,
        List<String> reopenedPoints,
        DecisionRef decision,
        LocalDate dueDate,
        LocalDate effectiveDate) implements AssignmentEvent {

    /** A request that only raises new points, as most do: numbered in order, nothing reopened, no outside decision. */
    public RevisionRequested(UUID assignmentId, int version, String level, List<String> reasons, LocalDate dueDate,
                             LocalDate effectiveDate) {
        this(assignmentId, version, level, RevisionPoint.numbered(version, reasons), List.of(), null, dueDate,
                effectiveDate);
    }

    /** The new points' texts, for readers that list what was asked. */
    @JsonIgnore
    public List<String> reasons() {
        return points.stream().map(RevisionPoint::text).toList();
    }
}
