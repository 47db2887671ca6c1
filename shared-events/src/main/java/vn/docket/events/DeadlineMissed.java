package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The deadline passed while the work was with the lead unit {@code chasedUnit} (no draft handed in, or the
 * draft under review came in late). Recorded by Docket itself; {@code effectiveDate} is the first day past it.
 */
@Revision("1")
public record DeadlineMissed(
        UUID assignmentId,
        String chasedUnit,
        LocalDate deadline,
        LocalDate effectiveDate) implements AssignmentEvent {
}
