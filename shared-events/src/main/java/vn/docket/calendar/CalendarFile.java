package vn.docket.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed content of one {@code vn-YYYY.txt}: its entries, and whether the office marked it provisional.
 * {@code lineOf} remembers where each entry came from so that cross-file checks can still point at a line.
 */
record CalendarFile(String source, int year, boolean provisional,
                    Map<LocalDate, CalendarEntry> entries, Map<LocalDate, Integer> lineOf) {

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+(\\S+)\\s+(.+)");
    private static final Pattern MAKE_UP = Pattern.compile("làm bù cho (\\d{4}-\\d{2}-\\d{2})\\b.*");
    private static final Pattern PROVISIONAL = Pattern.compile("#\\s*provisional\\b.*", Pattern.CASE_INSENSITIVE);

    static CalendarFile parse(String source, int year, List<String> lines) {
        boolean provisional = false;
        Map<LocalDate, CalendarEntry> entries = new LinkedHashMap<>();
        Map<LocalDate, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            // Files are edited by hand in whatever editor the office has: tolerate a BOM and
            // decomposed Vietnamese diacritics, which would otherwise make "làm bù" not match.
            String line = Normalizer.normalize(lines.get(i).replace("\uFEFF", ""), Normalizer.Form.NFC).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                provisional |= PROVISIONAL.matcher(line).matches();
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new CalendarFormatException(source, lineNo,
                        "expected 'YYYY-MM-DD HOLIDAY|WORKDAY description', got \"" + line + "\"");
            }
            LocalDate date = date(m.group(1), source, lineNo);
            if (date.getYear() != year) {
                throw new CalendarFormatException(source, lineNo, date + " is not in " + year + ", the year of this file");
            }
            CalendarEntry entry = switch (m.group(2)) {
                case "HOLIDAY" -> new CalendarEntry(date, CalendarEntry.Kind.HOLIDAY, m.group(3), null);
                case "WORKDAY" -> workday(date, m.group(3), source, lineNo);
                default -> throw new CalendarFormatException(source, lineNo,
                        "unknown kind \"" + m.group(2) + "\", expected HOLIDAY or WORKDAY");
            };
            if (entries.putIfAbsent(date, entry) != null) {
                throw new CalendarFormatException(source, lineNo, date + " is listed twice (first on line " + lineOf.get(date) + ")");
            }
            lineOf.put(date, lineNo);
        }
        return new CalendarFile(source, year, provisional,
                Collections.unmodifiableMap(entries), Collections.unmodifiableMap(lineOf));
    }

    private static CalendarEntry workday(LocalDate date, String description, String source, int lineNo) {
        if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw new CalendarFormatException(source, lineNo,
                    date + " is a " + date.getDayOfWeek() + "; a WORKDAY line is for a weekend day worked in exchange");
        }
        Matcher m = MAKE_UP.matcher(description);
        if (!m.matches()) {
            throw new CalendarFormatException(source, lineNo,
                    "a WORKDAY must say which day off it makes up for: 'làm bù cho YYYY-MM-DD', got \"" + description + "\"");
        }
        return new CalendarEntry(date, CalendarEntry.Kind.WORKDAY, description, date(m.group(1), source, lineNo));
    }

    private static LocalDate date(String text, String source, int lineNo) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CalendarFormatException(source, lineNo, "\"" + text + "\" is not a date YYYY-MM-DD");
        }
    }
}
