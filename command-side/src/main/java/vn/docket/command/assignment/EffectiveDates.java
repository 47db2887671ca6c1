package vn.docket.command.assignment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DeadlineMissed;
import vn.docket.events.ReminderSent;
import vn.docket.platform.Text;
import vn.docket.platform.refusal.RuleBroken;

/**
 * The day a step took effect, which a clerk may set in the past (a paper draft handed in days ago). Not in
 * the future; not before the assignment's last recorded step, because the plan path and the timeliness
 * classes are read in effective-date order.
 *
 * <p>An entity of the assignment so that one event-sourcing handler follows the last step of every kind.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class EffectiveDates {

    /** Null before the assignment's first step. */
    private LocalDate last;

    /** @param requested null means today */
    LocalDate judge(LocalDate requested, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate on = requested == null ? today : requested;
        if (on.isAfter(today)) {
            throw new RuleBroken("effective-date-in-future",
                    "The effective date " + Text.date(on) + " is in the future; record things once they happened.");
        }
        if (last != null && on.isBefore(last)) {
            throw new RuleBroken("effective-date-order", "The effective date " + Text.date(on)
                    + " is before the assignment's last recorded step (" + Text.date(last) + ").");
        }
        return on;
    }

    /**
     * The later of {@code day} and the last recorded step's: a day Docket supplies itself (an outside body's decision,
     * decided before a deadline was extended meanwhile) must not refuse a step the clerk gave no day for. Null stays null.
     */
    LocalDate notBeforeLast(LocalDate day) {
        return day == null || last == null || !day.isBefore(last) ? day : last;
    }

    /**
     * Reminders and missed deadlines are recorded "today" by Docket; they must not stop a clerk from recording,
     * afterwards, a step that happened earlier, so they are not steps here.
     */
    @EventSourcingHandler
    void on(AssignmentEvent e) {
        if (!(e instanceof ReminderSent || e instanceof DeadlineMissed)) {
            last = e.effectiveDate();
        }
    }
}
