package vn.docket.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Leadership sent draft {@code version} back with the things to revise or add; {@code dueDate} is optional. */
@Revision("1")
public record RevisionRequested(
        UUID assignmentId,
        int version,
        String level,
        List<String> reasons,
        LocalDate dueDate,
        LocalDate effectiveDate) implements AssignmentEvent {
}
