package vn.docket.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a calendar file: a day off ({@link Kind#HOLIDAY}) or a weekend day worked to make up
 * for a swapped day off ({@link Kind#WORKDAY}, with {@code makeUpFor} naming that day).
 */
public record CalendarEntry(LocalDate date, Kind kind, String name, LocalDate makeUpFor) {

    public enum Kind { HOLIDAY, WORKDAY }

    public CalendarEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if ((kind == Kind.WORKDAY) != (makeUpFor != null)) {
            throw new IllegalArgumentException("a WORKDAY, and only a WORKDAY, names the day off it makes up for");
        }
    }
}
