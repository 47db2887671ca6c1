package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Gia hạn: the deadline moved from previousDeadline to newDeadline; the original stays on record in TaskAssigned.
 * Đặt hạn when previousDeadline is null: the task had no deadline, and this first one is its original.
 */
@Revision("1")
public record DeadlineExtended(
        UUID assignmentId,
        LocalDate previousDeadline,
        LocalDate newDeadline,
        String reason,
        LocalDate effectiveDate) implements AssignmentEvent {
}
