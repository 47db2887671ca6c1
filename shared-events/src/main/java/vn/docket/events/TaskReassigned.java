package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TaskReassigned(
        UUID assignmentId,
        String previousLeadUnit,
        String newLeadUnit,
        String reason,
        LocalDate effectiveDate) implements AssignmentEvent {
}
