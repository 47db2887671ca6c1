package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A unit handed in a draft. Revision 2 adds {@code file}: what Docket stored when the draft came as a file
 * (its bytes are kept under {@code documentSha256}, which the server computed); null for a draft handed in as a
 * link or a hash only, and for every draft stored at revision 1.
 */
@Revision("2")
public record DraftSubmitted(
        UUID assignmentId,
        int version,
        String documentName,
        String documentSha256,
        String documentUrl,
        String note,
        LocalDate effectiveDate,
        DocumentFile file) implements AssignmentEvent {

    /** A draft handed in without its file (a link, a hash, or the draft presented at a meeting). */
    public DraftSubmitted(UUID assignmentId, int version, String documentName, String documentSha256,
                          String documentUrl, String note, LocalDate effectiveDate) {
        this(assignmentId, version, documentName, documentSha256, documentUrl, note, effectiveDate, null);
    }
}
