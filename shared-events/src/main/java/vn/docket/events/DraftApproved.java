package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Draft {@code version} was approved at {@code level}, the next level of the approval route.
 * {@code finalApproval} is true at the route's last level; {@code decision} is set when the level is an
 * outside body whose decision a clerk recorded.
 */
@Revision("1")
public record DraftApproved(
        UUID assignmentId,
        int version,
        String level,
        boolean finalApproval,
        String note,
        DecisionRef decision,
        LocalDate effectiveDate) implements AssignmentEvent {
}
