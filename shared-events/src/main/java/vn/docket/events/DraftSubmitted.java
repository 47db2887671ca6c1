package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DraftSubmitted(
        UUID assignmentId,
        int version,
        String documentName,
        String documentSha256,
        String documentUrl,
        String note,
        LocalDate effectiveDate) implements AssignmentEvent {
}
