package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A leader turned down the pending extension request; the deadline stays. An approval is a {@link DeadlineExtended}. */
@Revision("1")
public record ExtensionRejected(
        UUID assignmentId,
        LocalDate requestedDeadline,
        String reason,
        LocalDate effectiveDate) implements AssignmentEvent {
}
