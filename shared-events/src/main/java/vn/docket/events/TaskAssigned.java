package vn.docket.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Revision 2: {@code source} gained {@code noticeId} when notices could be registered; revision-1 events
 * are read through {@link vn.docket.events.upcasting.Upcasters}.
 */
@Revision("2")
public record TaskAssigned(
        UUID assignmentId,
        String title,
        DeliverableKind kind,
        String leadUnit,
        List<String> coordinatingUnits,
        LocalDate deadline,
        List<String> approvalRoute,
        NoticeSource source,
        UUID parentId,
        LocalDate effectiveDate) implements AssignmentEvent {
}
