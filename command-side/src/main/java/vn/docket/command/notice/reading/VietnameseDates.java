package vn.docket.command.notice.reading;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calendar dates as notices write them: "20/4/2021", "20-4-2021", "ngày 10 tháng 11 năm 2020". */
final class VietnameseDates {

    /** Groups: 1-3 numeric day/month/year, 4-6 the same in words. The year may be missing. */
    static final String DATE = "(?:(?<![\\d/.])(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?(?![\\d/])"
            + "|ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+(\\d{4}))?)";

    private static final Pattern ANY_DATE = Pattern.compile("(?iuU)(?:ngày\\s+)?" + DATE);

    private VietnameseDates() {
    }

    /**
     * The date in the groups of a match of {@link #DATE} starting at group {@code first}; a
     * missing year is taken from {@code yearSource} (null when there is none).
     */
    static Optional<LocalDate> fromGroups(Matcher m, int first, LocalDate yearSource) {
        for (int base : new int[] {first, first + 3}) {
            String day = m.group(base);
            if (day == null) {
                continue;
            }
            String year = m.group(base + 2);
            if (year == null && yearSource == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.of(year != null ? Integer.parseInt(year) : yearSource.getYear(),
                        Integer.parseInt(m.group(base + 1)), Integer.parseInt(day)));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** True if the groups carried no year (the caller then warns). */
    static boolean yearMissing(Matcher m, int first) {
        return (m.group(first) != null && m.group(first + 2) == null)
                || (m.group(first + 3) != null && m.group(first + 5) == null);
    }

    /** The first full date in a text. */
    static Optional<LocalDate> first(String text) {
        Matcher m = ANY_DATE.matcher(text);
        while (m.find()) {
            if (!yearMissing(m, 1)) {
                Optional<LocalDate> d = fromGroups(m, 1, null);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }
}
