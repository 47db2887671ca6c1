package vn.docket.command.assignment;

import java.time.LocalDate;
import vn.docket.platform.web.RuleBroken;

/**
 * Gia hạn: a later deadline, asked for by the lead unit or set by a clerk or a leader. The same rules whoever
 * moves the deadline: a date is given, it is later than the deadline it replaces, and a deadline that is set
 * is not already past on the day it is set.
 */
final class ExtensionPolicy {

    private ExtensionPolicy() {
    }

    /** The date a unit asks for, while a leader has not decided. */
    static LocalDate asked(LocalDate wanted, LocalDate deadline) {
        if (wanted == null) {
            throw new RuleBroken("new-deadline-required", "An extension request needs the date asked for.");
        }
        if (!wanted.isAfter(deadline)) {
            throw new RuleBroken("extension-not-later", "The date asked for, " + Dates.show(wanted)
                    + ", must be later than the current deadline, " + Dates.show(deadline) + ".");
        }
        return wanted;
    }

    /** A new deadline set on {@code on}; {@code deadline} is the current one (null when there is none). */
    static LocalDate granted(LocalDate wanted, LocalDate deadline, LocalDate on) {
        if (wanted == null) {
            throw new RuleBroken("new-deadline-required", "An extension needs the new deadline.");
        }
        if (deadline != null && !wanted.isAfter(deadline)) {
            throw new RuleBroken("extension-not-later", "The new deadline " + Dates.show(wanted)
                    + " must be later than the current one, " + Dates.show(deadline) + ".");
        }
        if (wanted.isBefore(on)) {
            throw new RuleBroken("extension-in-past", "The new deadline " + Dates.show(wanted)
                    + " is before the day it is set (" + Dates.show(on) + ").");
        }
        return wanted;
    }
}
