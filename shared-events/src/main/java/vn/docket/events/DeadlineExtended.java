package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Gia hạn: the deadline moved from previousDeadline to newDeadline; the original stays on record in TaskAssigned.
 * Đặt hạn when previousDeadline is null: the task had no deadline, and this first one is its original.
 *
 * <p>{@code reasonFromRequest} says whose words {@code reason} is: true when a leader granted a unit's request without
 * a reason of their own, so that the reason is the one the unit gave when asking; false when it is the reason of the
 * person who extended. Null for an extension stored before revision 2, which did not record it.
 */
@Revision("2")
public record DeadlineExtended(
        UUID assignmentId,
        LocalDate previousDeadline,
        LocalDate newDeadline,
        String reason,
        LocalDate effectiveDate,
        Boolean reasonFromRequest) implements AssignmentEvent {

    /** An extension whose reason is that of the person who extended (a clerk's, or a leader's own). */
    public DeadlineExtended(UUID assignmentId, LocalDate previousDeadline, LocalDate newDeadline, String reason,
                            LocalDate effectiveDate) {
        this(assignmentId, previousDeadline, newDeadline, reason, effectiveDate, false);
    }
}
