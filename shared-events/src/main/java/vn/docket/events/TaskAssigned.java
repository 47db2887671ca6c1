package vn.docket.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Revision 2: {@code source} gained {@code noticeId} when notices could be registered. Revision 3: {@code requirements},
 * what a notice's item asks of the unit when it gives a task rather than judging a presented draft (a judged draft's
 * requirements are its meeting's revision points); empty for everything else. Earlier revisions are read through
 * {@link vn.docket.events.upcasting.Upcasters}.
 */
@Revision("3")
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
        LocalDate effectiveDate,
        // Left out when empty, as every task outside a notice's items is: what earlier versions stored and showed in
        // the audit log stays as it was.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> requirements) implements AssignmentEvent {

    public TaskAssigned {
        requirements = requirements == null ? List.of() : requirements;
    }
}
