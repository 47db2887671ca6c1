package vn.docket.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The chair concluded on draft {@code version} at the meeting, as the conclusion notice records it:
 * {@code requirements} are the things to revise or add (or the conditions of an approval in principle).
 * Either way the draft goes back to the unit. A clerk records it, citing the notice.
 */
@Revision("1")
public record MeetingConcluded(
        UUID assignmentId,
        int version,
        MeetingVerdict verdict,
        List<String> requirements,
        String chair,
        DecisionRef notice,
        LocalDate effectiveDate) implements AssignmentEvent {
}
