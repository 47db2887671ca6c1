package vn.docket.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Đôn đốc: the lead unit {@code chasedUnit} was reminded of its deadline. Who chased it is the event's actor:
 * a clerk for a {@link Kind#MANUAL} reminder, Docket itself ({@link Actor#SYSTEM}) for a scheduled one.
 * {@code workingDaysLeft} is counted on the Vietnamese working-day calendar; negative once the deadline passed.
 */
@Revision("1")
public record ReminderSent(
        UUID assignmentId,
        String chasedUnit,
        Kind kind,
        LocalDate deadline,
        Integer workingDaysLeft,
        String note,
        LocalDate effectiveDate) implements AssignmentEvent {

    public enum Kind {
        /** Sent by Docket a configured number of working days before the deadline. */
        BEFORE_DEADLINE,
        /** Sent by a clerk. */
        MANUAL
    }
}
