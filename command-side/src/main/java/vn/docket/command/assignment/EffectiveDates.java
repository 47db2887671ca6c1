package vn.docket.command.assignment;

import java.time.Clock;
import java.time.LocalDate;
import vn.docket.platform.web.RuleBroken;

/**
 * The day a step took effect, which a clerk may set in the past (a paper draft handed in days ago). Not in
 * the future; not before the assignment's last recorded step, because the plan path and the timeliness
 * classes are read in effective-date order.
 */
final class EffectiveDates {

    private EffectiveDates() {
    }

    /** @param requested null means today */
    static LocalDate judge(LocalDate requested, LocalDate lastRecorded, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate on = requested == null ? today : requested;
        if (on.isAfter(today)) {
            throw new RuleBroken("effective-date-in-future",
                    "The effective date " + Dates.show(on) + " is in the future; record things once they happened.");
        }
        if (lastRecorded != null && on.isBefore(lastRecorded)) {
            throw new RuleBroken("effective-date-order", "The effective date " + Dates.show(on)
                    + " is before the assignment's last recorded step (" + Dates.show(lastRecorded) + ").");
        }
        return on;
    }
}
