package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The approved deliverable was promulgated (ban hành) as a document with its own number; it took effect on issuedOn.
 * Revision 2 adds the issued document's file, stored like a draft's (its bytes kept under {@code documentSha256},
 * which the server computed): name, SHA-256 and {@code file} are null when the issuance was recorded by number
 * only, and for every issuance stored at revision 1.
 */
@Revision("2")
public record DocumentIssued(
        UUID assignmentId,
        String documentNumber,
        LocalDate effectiveDate,
        String documentName,
        String documentSha256,
        DocumentFile file) implements AssignmentEvent {

    /** An issuance recorded by its number only. */
    public DocumentIssued(UUID assignmentId, String documentNumber, LocalDate effectiveDate) {
        this(assignmentId, documentNumber, effectiveDate, null, null, null);
    }
}
