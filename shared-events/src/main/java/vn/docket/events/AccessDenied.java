package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Someone signed in tried something their role or unit does not allow. Recorded like any other event
 * (the actor in the metadata) so that inspectors see attempts, not only what succeeded.
 * {@code assignmentId} is set when the attempt was on one assignment.
 */
@Revision("1")
public record AccessDenied(String method, String path, String rule, String reason, UUID assignmentId,
                           LocalDate effectiveDate) {
}
