package vn.docket.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CAL = WorkingDayCalendar.bundled();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    // --- the bundled data ---------------------------------------------------------------------

    @Test
    void every_year_from_2020_to_2030_is_bundled_and_the_undecided_ones_say_so() {
        assertThat(CAL.coveredYears()).containsExactlyElementsOf(IntStream.rangeClosed(2020, 2030).boxed().toList());
        assertThat(CAL.provisionalYears()).containsExactly(2026, 2027, 2028, 2029, 2030);
    }

    @Test
    void every_bundled_year_has_tet_on_lunar_new_year_with_at_least_five_weekdays_off_around_it() {
        for (int year : CAL.coveredYears()) {
            LocalDate tet = LunarCalendar.toSolar(year, 1, 1);
            assertThat(CAL.holidayName(tet)).as("Tết %d", year).hasValueSatisfying(n -> assertThat(n).startsWith("Tết Nguyên đán"));
            // The statutory 5 days are weekdays given off between late tháng Chạp and early tháng Giêng.
            long weekdaysOff = tet.minusDays(7).datesUntil(tet.plusDays(10))
                    .filter(day -> !isWeekend(day) && !CAL.isWorkingDay(day)).count();
            assertThat(weekdaysOff).as("weekdays off around Tết %d", year).isGreaterThanOrEqualTo(5);
        }
        for (CalendarEntry e : CAL.entries()) {
            if (e.name().startsWith("Tết Nguyên đán")) {
                LunarDate lunar = LunarCalendar.toLunar(e.date());
                boolean nearNewYear = (lunar.month() == 12 && lunar.day() >= 25) || (lunar.month() == 1 && lunar.day() <= 7);
                assertThat(nearNewYear).as("%s is %s, too far from Tết", e.date(), lunar).isTrue();
            }
        }
    }

    @Test
    void every_bundled_year_has_hung_kings_day_on_the_tenth_of_the_third_lunar_month() {
        for (int year : CAL.coveredYears()) {
            LocalDate hung = LunarCalendar.toSolar(year, 3, 10);
            List<LocalDate> labelled = CAL.entries().stream()
                    .filter(e -> e.date().getYear() == year && e.name().startsWith("Giỗ Tổ Hùng Vương"))
                    .map(CalendarEntry::date).toList();
            assertThat(labelled).as("Giỗ Tổ %d", year).containsExactly(hung);
        }
        assertThat(CAL.holidayName(d("2024-04-18"))).hasValue("Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        assertThat(CAL.holidayName(d("2025-04-07"))).hasValue("Giỗ Tổ Hùng Vương (10/3 âm lịch)");
    }

    @Test
    void every_bundled_year_has_the_fixed_date_holidays_and_from_2021_a_second_national_day() {
        for (int year : CAL.coveredYears()) {
            for (String monthDay : List.of("-01-01", "-04-30", "-05-01", "-09-02")) {
                assertThat(CAL.holidayName(d(year + monthDay))).as(year + monthDay).isPresent();
            }
            boolean secondDay = CAL.holidayName(d(year + "-09-01")).isPresent() || CAL.holidayName(d(year + "-09-03")).isPresent();
            assertThat(secondDay).as("1/9 or 3/9 of %d", year).isEqualTo(year >= 2021);
        }
    }

    @Test
    void each_swap_pairs_a_weekday_off_with_a_weekend_make_up_day_that_names_it() {
        List<CalendarEntry> makeUps = CAL.entries().stream().filter(e -> e.kind() == CalendarEntry.Kind.WORKDAY).toList();
        assertThat(makeUps).extracting(CalendarEntry::date)
                .containsExactly(d("2024-05-04"), d("2025-02-08"), d("2025-04-26"), d("2026-01-10"));
        for (CalendarEntry makeUp : makeUps) {
            assertThat(isWeekend(makeUp.date())).isTrue();
            assertThat(CAL.isWorkingDay(makeUp.date())).isTrue();
            LocalDate dayOff = makeUp.makeUpFor();
            assertThat(isWeekend(dayOff)).as("%s is a weekday", dayOff).isFalse();
            assertThat(CAL.isWorkingDay(dayOff)).isFalse();
            assertThat(CAL.holidayName(dayOff)).hasValueSatisfying(n -> assertThat(n).contains("làm bù " + makeUp.date()));
            assertThat(Math.abs(dayOff.toEpochDay() - makeUp.date().toEpochDay())).isLessThanOrEqualTo(14);
        }
        long swappedDaysOff = CAL.entries().stream().filter(e -> e.name().contains("hoán đổi")).count();
        assertThat(swappedDaysOff).isEqualTo(makeUps.size());
    }

    @Test
    void the_adjacent_national_day_rule_reproduces_the_choices_of_2021_to_2025() {
        for (int year = 2021; year <= 2025; year++) {
            LocalDate adjacent = ProvisionalYear.adjacentNationalDay(LocalDate.of(year, 9, 2));
            assertThat(CAL.holidayName(adjacent)).as("%s", adjacent).hasValue("Quốc khánh (ngày liền kề)");
        }
    }

    @Test
    void generated_provisional_files_are_exactly_what_the_generator_drafts() throws IOException {
        for (int year : CAL.coveredYears()) {
            String bundled;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("calendar/vn-" + year + ".txt")) {
                bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            // Once the office replaces a draft with the announced schedule, the "Drafted by" line goes and this stops applying.
            if (bundled.contains("Drafted by vn.docket.calendar.ProvisionalYear")) {
                assertThat(bundled).as("vn-%d.txt", year).isEqualTo(ProvisionalYear.draft(year));
            }
        }
    }

    // --- working days -------------------------------------------------------------------------

    @Test
    void tet_2025_days_are_not_working_days() {
        d("2025-01-25").datesUntil(d("2025-02-03")).forEach(day -> assertThat(CAL.isWorkingDay(day)).as("%s", day).isFalse());
        assertThat(CAL.isWorkingDay(d("2025-01-24"))).isTrue();
        assertThat(CAL.isWorkingDay(d("2025-02-03"))).isTrue();
    }

    @Test
    void a_make_up_saturday_is_a_working_day() {
        assertThat(CAL.isWorkingDay(d("2025-02-08"))).isTrue();
        assertThat(CAL.holidayName(d("2025-02-08"))).isEmpty();
        assertThat(CAL.isWorkingDay(d("2025-02-15"))).as("an ordinary Saturday").isFalse();
    }

    @Test
    void a_swapped_weekday_and_a_compensatory_day_are_days_off() {
        assertThat(CAL.isWorkingDay(d("2025-01-27"))).isFalse();
        assertThat(CAL.isWorkingDay(d("2025-05-02"))).isFalse();
        assertThat(CAL.isWorkingDay(d("2024-04-29"))).isFalse();
        assertThat(CAL.isWorkingDay(d("2023-01-02"))).isFalse();
        assertThat(CAL.holidayName(d("2023-05-03"))).hasValue("nghỉ bù Ngày Chiến thắng (30/4)");
    }

    @Test
    void january_2025_has_17_working_days() {
        // 23 weekdays minus 1/1 and the five Tết weekdays 27–31/1.
        assertThat(CAL.workingDaysBetween(d("2024-12-31"), d("2025-01-31"))).isEqualTo(17);
        assertThat(CAL.workingDaysBetween(d("2025-01-31"), d("2024-12-31"))).isEqualTo(-17);
    }

    @Test
    void working_days_across_centuries_are_the_same_as_counted_day_by_day() {
        LocalDate from = d("2019-12-15");
        LocalDate to = d("2900-03-01");
        int dayByDay = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (CAL.isWorkingDay(day)) {
                dayByDay++;
            }
        }
        assertThat(CAL.workingDaysBetween(from, to)).isEqualTo(dayByDay);
        assertThat(CAL.workingDaysBetween(to, from)).isEqualTo(-dayByDay);
    }

    @Test
    void a_deadline_in_the_year_400000_is_counted_at_once_and_adds_up() {
        // Counted day by day this took 6.6 s and held up the deadline's reminder.
        LocalDate today = d("2021-05-10");
        LocalDate far = LocalDate.of(400_000, 1, 1);
        LocalDate between = LocalDate.of(123_456, 7, 8);
        long started = System.nanoTime();
        int total = CAL.workingDaysBetween(today, far);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(total).isEqualTo(CAL.workingDaysBetween(today, between) + CAL.workingDaysBetween(between, far));
        // About 260 weekdays a year, less the four fixed-date holidays on weekdays.
        assertThat(total).isBetween(398_000 * 255, 398_000 * 259);
    }

    @Test
    void a_year_without_data_falls_back_to_weekends_and_the_fixed_date_holidays() {
        assertThat(CAL.coveredYears()).doesNotContain(2035);
        assertThat(CAL.isWorkingDay(d("2035-01-01"))).isFalse();
        assertThat(CAL.holidayName(d("2035-01-01"))).hasValue("Tết Dương lịch");
        assertThat(CAL.isWorkingDay(d("2035-01-02"))).isTrue();
        assertThat(CAL.isWorkingDay(d("2035-04-30"))).isFalse();
        assertThat(CAL.isWorkingDay(d("2035-09-03"))).isTrue();
        // Lunar holidays are not guessed for an uncovered year: Tết 2035 (8/2) counts as a working day.
        assertThat(CAL.isWorkingDay(LunarCalendar.toSolar(2035, 1, 1))).isTrue();
    }

    // --- loading extra years --------------------------------------------------------------------

    @Test
    void loading_an_extra_year_from_a_directory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vn-2031.txt"), String.join("\n",
                "# Lịch nghỉ năm 2031",
                "2031-01-01 HOLIDAY Tết Dương lịch",
                "2031-01-02 HOLIDAY Tết Dương lịch (nghỉ hoán đổi, làm bù 2031-01-11)",
                "2031-01-11 WORKDAY làm bù cho 2031-01-02",
                ""));
        Files.writeString(dir.resolve("notes.txt"), "not a calendar file");

        WorkingDayCalendar cal = WorkingDayCalendar.load(dir);

        assertThat(cal.coveredYears()).contains(2025, 2031);
        assertThat(cal.provisionalYears()).doesNotContain(2031);
        assertThat(cal.isWorkingDay(d("2031-01-02"))).isFalse();
        assertThat(cal.isWorkingDay(d("2031-01-11"))).isTrue();
        assertThat(cal.isWorkingDay(d("2025-01-27"))).as("bundled years still there").isFalse();
    }

    @Test
    void a_file_in_the_directory_replaces_the_bundled_year(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vn-2027.txt"), "2027-01-01 HOLIDAY Tết Dương lịch\n");

        WorkingDayCalendar cal = WorkingDayCalendar.load(dir);

        assertThat(cal.provisionalYears()).doesNotContain(2027);
        assertThat(cal.isWorkingDay(d("2027-02-08"))).as("the draft's Tết is gone").isTrue();
    }

    @Test
    void decomposed_vietnamese_from_another_editor_still_parses(@TempDir Path dir) throws IOException {
        String nfd = Normalizer.normalize("2031-01-11 WORKDAY làm bù cho 2031-01-02", Normalizer.Form.NFD);
        Files.writeString(dir.resolve("vn-2031.txt"), "\uFEFF2031-01-02 HOLIDAY hoán đổi\n" + nfd + "\n");

        assertThat(WorkingDayCalendar.load(dir).isWorkingDay(d("2031-01-11"))).isTrue();
    }

    @Test
    void a_malformed_line_fails_with_a_one_line_message_naming_the_file_and_line(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vn-2031.txt");
        Files.writeString(file, "# ok\n2031-01-01 HOLIDAY Tết Dương lịch\n2031-13-01 HOLIDAY Tết\n");

        assertThatThrownBy(() -> WorkingDayCalendar.load(dir))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessage(file + ":3: \"2031-13-01\" is not a date YYYY-MM-DD")
                .hasMessageNotContaining("\n");
    }

    @Test
    void lines_that_would_silently_shift_deadlines_are_rejected(@TempDir Path dir) throws IOException {
        assertRejected(dir, "2031-01-01 HOLIDAY\n", ":1: expected 'YYYY-MM-DD HOLIDAY|WORKDAY description'");
        assertRejected(dir, "2031-01-01 HOLYDAY Tết Dương lịch\n", ":1: unknown kind \"HOLYDAY\"");
        assertRejected(dir, "2030-12-31 HOLIDAY x\n", ":1: 2030-12-31 is not in 2031");
        assertRejected(dir, "2031-01-01 HOLIDAY a\n2031-01-01 HOLIDAY b\n", ":2: 2031-01-01 is listed twice (first on line 1)");
        assertRejected(dir, "2031-01-10 WORKDAY làm bù cho 2031-01-02\n", ":1: 2031-01-10 is a FRIDAY");
        assertRejected(dir, "2031-01-11 WORKDAY làm bù\n", ":1: a WORKDAY must say which day off it makes up for");
        assertRejected(dir, "2031-01-11 WORKDAY làm bù cho 2031-01-02\n", ":1: makes up for 2031-01-02, which is not listed");
        assertRejected(dir, "2031-01-02 HOLIDAY x\n2031-01-11 WORKDAY làm bù cho 2031-01-02\n2031-01-18 WORKDAY làm bù cho 2031-01-02\n",
                ":3: 2031-01-02 is already made up for on 2031-01-11");
    }

    private static void assertRejected(Path dir, String content, String expected) throws IOException {
        Path file = dir.resolve("vn-2031.txt");
        Files.writeString(file, content);
        assertThatThrownBy(() -> WorkingDayCalendar.load(dir))
                .isInstanceOf(CalendarFormatException.class)
                .hasMessageStartingWith(file + expected.substring(0, expected.indexOf(':', 1) + 1))
                .hasMessageContaining(expected);
    }

    @Test
    void a_misnamed_file_in_the_directory_is_reported_not_ignored(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vn-2031 (1).txt"), "2031-01-01 HOLIDAY Tết Dương lịch\n");
        assertThatThrownBy(() -> WorkingDayCalendar.load(dir)).hasMessageContaining("must be named vn-YYYY.txt");
        assertThatThrownBy(() -> WorkingDayCalendar.load(dir.resolve("missing"))).hasMessageContaining("does not exist");
    }
}
