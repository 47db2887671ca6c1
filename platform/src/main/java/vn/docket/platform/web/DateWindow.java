package vn.docket.platform.web;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.docket.platform.refusal.RuleBroken;

/**
 * The dates Docket accepts from a client, in a command's body or a query's parameters: by default 1/1/1990
 * to 31/12/2100 ({@code docket.input.dates.earliest} / {@code .latest}). A date outside is a slip of the
 * keyboard (20211 for 2021) or a probe; stored, it would sit in reports, reminders and deadlines for good.
 * The window itself must lie within the years 1 to 9999, which every store and every date sum handles.
 */
@ConfigurationProperties(prefix = "docket.input.dates")
public record DateWindow(LocalDate earliest, LocalDate latest) {

    public DateWindow {
        earliest = earliest == null ? LocalDate.of(1990, 1, 1) : earliest;
        latest = latest == null ? LocalDate.of(2100, 12, 31) : latest;
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException("docket.input.dates.earliest (" + earliest
                    + ") must not be after docket.input.dates.latest (" + latest + ")");
        }
        if (earliest.getYear() < 1 || latest.getYear() > 9999) {
            throw new IllegalArgumentException("docket.input.dates must lie within the years 1 to 9999");
        }
    }

    /** The date itself, or {@code date-out-of-range} naming {@code what} (a field or a parameter). */
    public LocalDate check(String what, LocalDate date) {
        if (date != null && (date.isBefore(earliest) || date.isAfter(latest))) {
            throw new RuleBroken("date-out-of-range", what + " (" + date + ") is outside the dates Docket accepts, "
                    + earliest + " to " + latest + ".");
        }
        return date;
    }
}
