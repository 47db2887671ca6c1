package vn.docket.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Working days of a Vietnamese state office (cán bộ, công chức, viên chức: Monday–Friday), with the
 * public holidays, compensatory days (nghỉ bù) and swapped days (hoán đổi / làm bù) the government
 * announces each year. Deadlines such as "trong thời hạn 07 ngày làm việc kể từ ngày ký" are counted
 * with {@link #isWorkingDay} (the notice reader's {@code WorkingDays}).
 *
 * <p>Data is one text file per year ({@code calendar/vn-YYYY.txt}, format in {@code calendar/README.md}).
 * A year without a file still works, with weekends and the fixed-date statutory holidays only,
 * because the lunar holidays and swaps of such a year are a decision nobody has made yet; callers
 * that care can ask {@link #coveredYears()} and {@link #provisionalYears()}. Immutable and thread-safe.
 */
public final class WorkingDayCalendar {

    private static final String RESOURCE_PREFIX = "calendar/vn-";
    private static final Pattern FILE_NAME = Pattern.compile("vn-(\\d{4})\\.txt");
    // A classpath folder cannot be listed portably inside a jar, so bundled years are probed by name;
    // a fixed range is one thing fewer to keep in sync than an index file.
    private static final int FIRST_PROBED_YEAR = 2000;
    private static final int LAST_PROBED_YEAR = 2099;
    private static final Map<MonthDay, String> FIXED_STATUTORY = Map.of(
            MonthDay.of(1, 1), "Tết Dương lịch",
            MonthDay.of(4, 30), "Ngày Chiến thắng (30/4)",
            MonthDay.of(5, 1), "Ngày Quốc tế Lao động (1/5)",
            MonthDay.of(9, 2), "Quốc khánh (2/9)");

    /** The Gregorian calendar repeats its weekdays every 400 years (146,097 days, a whole number of weeks). */
    private static final int CYCLE_YEARS = 400;
    private static final long WORKING_DAYS_PER_UNCOVERED_CYCLE =
            uncoveredWorkingDays(LocalDate.of(2400, 1, 1), LocalDate.of(2799, 12, 31));

    private final Map<LocalDate, CalendarEntry> entries;
    private final SortedSet<Integer> coveredYears;
    private final SortedSet<Integer> provisionalYears;

    private WorkingDayCalendar(Map<LocalDate, CalendarEntry> entries,
                               SortedSet<Integer> coveredYears, SortedSet<Integer> provisionalYears) {
        this.entries = entries;
        this.coveredYears = coveredYears;
        this.provisionalYears = provisionalYears;
    }

    /** The years bundled with the application. */
    public static WorkingDayCalendar bundled() {
        return of(bundledFiles());
    }

    /**
     * Bundled years plus every {@code vn-YYYY.txt} in {@code extraDirectory}; a file there replaces the
     * bundled file of the same year, so the office can publish a new year or a late decision without a release.
     */
    public static WorkingDayCalendar load(Path extraDirectory) {
        Map<Integer, CalendarFile> files = bundledFiles();
        files.putAll(directoryFiles(extraDirectory));
        return of(files);
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarEntry entry = entries.get(date);
        if (entry != null) {
            return entry.kind() == CalendarEntry.Kind.WORKDAY;
        }
        if (isWeekend(date)) {
            return false;
        }
        return coveredYears.contains(date.getYear()) || !FIXED_STATUTORY.containsKey(MonthDay.from(date));
    }

    /**
     * Working days in {@code (from, to]}; negative when {@code to} is before {@code from}.
     *
     * <p>Counted a year at a time, and whole 400-year cycles at once where no year has a data file, so a
     * deadline centuries away costs no more than one next month (a day-by-day count took seconds).
     * Throws {@link ArithmeticException} if the count does not fit an int (some eight million years).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        long count = 0;
        LocalDate day = from;
        while (day.isBefore(to)) {
            day = day.plusDays(1);
            int year = day.getYear();
            if (day.getDayOfYear() == 1 && to.getYear() >= year + CYCLE_YEARS
                    && coveredYears.subSet(year, year + CYCLE_YEARS).isEmpty()) {
                count += WORKING_DAYS_PER_UNCOVERED_CYCLE;
                day = day.plusYears(CYCLE_YEARS).minusDays(1);
                continue;
            }
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            LocalDate end = to.isBefore(yearEnd) ? to : yearEnd;
            if (coveredYears.contains(year)) {
                for (LocalDate d = day; !d.isAfter(end); d = d.plusDays(1)) {
                    if (isWorkingDay(d)) {
                        count++;
                    }
                }
            } else {
                count += uncoveredWorkingDays(day, end);
            }
            day = end;
        }
        return Math.toIntExact(count);
    }

    /** Working days in {@code [first, last]} of years without a data file: weekdays less the fixed-date holidays. */
    private static long uncoveredWorkingDays(LocalDate first, LocalDate last) {
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        long count = days / 7 * 5;
        for (LocalDate d = first.plusDays(days / 7 * 7); !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWeekend(d)) {
                count++;
            }
        }
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            for (MonthDay holiday : FIXED_STATUTORY.keySet()) {
                LocalDate d = holiday.atYear(year);
                if (!d.isBefore(first) && !d.isAfter(last) && !isWeekend(d)) {
                    count--;
                }
            }
        }
        return count;
    }

    /** Why a day is off, if it is a holiday (not for ordinary weekends). */
    public Optional<String> holidayName(LocalDate date) {
        CalendarEntry entry = entries.get(date);
        if (entry != null) {
            return entry.kind() == CalendarEntry.Kind.HOLIDAY ? Optional.of(entry.name()) : Optional.empty();
        }
        if (coveredYears.contains(date.getYear())) {
            return Optional.empty();
        }
        return Optional.ofNullable(FIXED_STATUTORY.get(MonthDay.from(date)));
    }

    /** Years with a data file; other years fall back to weekends and the fixed-date holidays. */
    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    /** Covered years whose file says {@code # provisional}: statutory days only, the government has not decided yet. */
    public SortedSet<Integer> provisionalYears() {
        return provisionalYears;
    }

    /** Every line of every loaded file, in date order. */
    public List<CalendarEntry> entries() {
        return List.copyOf(entries.values());
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static WorkingDayCalendar of(Map<Integer, CalendarFile> files) {
        Map<LocalDate, CalendarEntry> entries = new TreeMap<>();
        Map<LocalDate, CalendarFile> origin = new HashMap<>();
        SortedSet<Integer> provisional = new TreeSet<>();
        for (CalendarFile file : files.values()) {
            entries.putAll(file.entries());
            file.entries().keySet().forEach(date -> origin.put(date, file));
            if (file.provisional()) {
                provisional.add(file.year());
            }
        }
        checkSwaps(entries, origin);
        return new WorkingDayCalendar(Collections.unmodifiableMap(entries),
                Collections.unmodifiableSortedSet(new TreeSet<>(files.keySet())),
                Collections.unmodifiableSortedSet(provisional));
    }

    /**
     * A make-up Saturday only makes sense paired with a weekday given off in exchange; a dangling one
     * (typo in the date, or the day off forgotten) would silently shift every deadline, so refuse it.
     */
    private static void checkSwaps(Map<LocalDate, CalendarEntry> entries, Map<LocalDate, CalendarFile> origin) {
        Map<LocalDate, LocalDate> pairedWith = new HashMap<>();
        for (CalendarEntry entry : entries.values()) {
            if (entry.kind() != CalendarEntry.Kind.WORKDAY) {
                continue;
            }
            CalendarFile file = origin.get(entry.date());
            int line = file.lineOf().get(entry.date());
            CalendarEntry dayOff = entries.get(entry.makeUpFor());
            if (dayOff == null || dayOff.kind() != CalendarEntry.Kind.HOLIDAY || isWeekend(dayOff.date())) {
                throw new CalendarFormatException(file.source(), line, "makes up for " + entry.makeUpFor()
                        + ", which is not listed as a weekday HOLIDAY in any loaded file");
            }
            LocalDate other = pairedWith.putIfAbsent(entry.makeUpFor(), entry.date());
            if (other != null) {
                throw new CalendarFormatException(file.source(), line,
                        entry.makeUpFor() + " is already made up for on " + other);
            }
        }
    }

    private static Map<Integer, CalendarFile> bundledFiles() {
        Map<Integer, CalendarFile> files = new TreeMap<>();
        ClassLoader loader = WorkingDayCalendar.class.getClassLoader();
        for (int year = FIRST_PROBED_YEAR; year <= LAST_PROBED_YEAR; year++) {
            String resource = RESOURCE_PREFIX + year + ".txt";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    files.put(year, CalendarFile.parse("classpath:" + resource, year, text.lines().toList()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return files;
    }

    private static Map<Integer, CalendarFile> directoryFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("calendar directory " + directory + " does not exist or is not a directory");
        }
        Map<Integer, CalendarFile> files = new TreeMap<>();
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("vn-") && name.endsWith(".txt");
            }).sorted().forEach(candidates::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        for (Path path : candidates) {
            Matcher m = FILE_NAME.matcher(path.getFileName().toString());
            if (!m.matches()) {
                // Likely "vn-2031 (1).txt" from a download: better to say so than to ignore the office's file.
                throw new IllegalArgumentException(path + ": calendar files must be named vn-YYYY.txt");
            }
            int year = Integer.parseInt(m.group(1));
            try {
                files.put(year, CalendarFile.parse(path.toString(), year, Files.readAllLines(path, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return files;
    }
}
