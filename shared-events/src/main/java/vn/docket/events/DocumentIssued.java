package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The approved deliverable was promulgated (ban hành) as a document with its own number; it took effect on issuedOn. */
@Revision("1")
public record DocumentIssued(
        UUID assignmentId,
        String documentNumber,
        LocalDate effectiveDate) implements AssignmentEvent {
}
