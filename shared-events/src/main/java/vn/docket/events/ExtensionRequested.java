package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Gia hạn, asked for: the lead unit wants {@code requestedDeadline} instead of {@code currentDeadline}. */
@Revision("1")
public record ExtensionRequested(
        UUID assignmentId,
        LocalDate currentDeadline,
        LocalDate requestedDeadline,
        String reason,
        LocalDate effectiveDate) implements AssignmentEvent {
}
