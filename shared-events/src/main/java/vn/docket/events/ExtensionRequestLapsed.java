package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The pending extension request of {@code requestingUnit} no longer awaits a leader's decision, though nobody
 * decided it: recorded with the command that made it moot, so that every read model sees it end without knowing why
 * it ends. The deadline is whatever that command left it; a refusal is an {@link ExtensionRejected}.
 */
@Revision("1")
public record ExtensionRequestLapsed(
        UUID assignmentId,
        String requestingUnit,
        LocalDate requestedDeadline,
        Why why,
        LocalDate effectiveDate) implements AssignmentEvent {

    public enum Why {
        /** The task went to another unit: the request was the previous lead unit's, for work it no longer holds. */
        REASSIGNED,
        /** A revision request set a due date on or after the date asked for, which gives the unit at least that. */
        SUPERSEDED_BY_DUE_DATE,
        /** The draft had its final approval: the unit's work is done, and no deadline is left to extend. */
        APPROVED,
        /** The task was cancelled: there is no work left to extend. */
        CANCELLED
        // A constant added here needs no new revision: stored events name one of the constants before it
        // (StoredEventsTest reads one); a constant renamed or removed would need an upcaster.
    }
}
