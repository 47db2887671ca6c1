package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.docket.calendar.WorkingDayCalendar;

/** "trong thời hạn 07 ngày làm việc" counted on the bundled calendar, as the server's notice reader counts it. */
class WorkingDaysTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.bundled();
    private static final WorkingDays DAYS = CALENDAR::isWorkingDay;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void seven_working_days_from_a_friday_before_tet_skip_the_holiday() {
        // Signed Friday 24/1/2025: 3,4,5,6,7/2, the make-up Saturday 8/2, then Monday 10/2.
        assertThat(DAYS.plusWorkingDays(d("2025-01-24"), 7)).isEqualTo(d("2025-02-10"));
    }

    @Test
    void counting_starts_the_day_after_signing() {
        assertThat(DAYS.plusWorkingDays(d("2025-03-03"), 1)).isEqualTo(d("2025-03-04"));
        assertThat(DAYS.plusWorkingDays(d("2025-03-03"), 0)).isEqualTo(d("2025-03-03"));
        // Signed on a Saturday: the first working day counted is Monday.
        assertThat(DAYS.plusWorkingDays(d("2025-03-08"), 1)).isEqualTo(d("2025-03-10"));
    }

    @Test
    void working_days_around_30_april_2025_use_the_make_up_saturday_and_skip_the_long_break() {
        // Thu 24/4: Fri 25, Sat 26 (làm bù), Mon 28, Tue 29, then 30/4–4/5 off, Mon 5/5.
        assertThat(DAYS.plusWorkingDays(d("2025-04-24"), 4)).isEqualTo(d("2025-04-29"));
        assertThat(DAYS.plusWorkingDays(d("2025-04-24"), 5)).isEqualTo(d("2025-05-05"));
    }

    @Test
    void ten_working_days_across_hung_kings_and_30_april_2023_skip_the_compensatory_days() {
        // Signed Tue 25/4/2023: 26, 27, 28/4, then 29/4–3/5 off, then 4, 5, 8, 9, 10, 11, 12/5.
        assertThat(DAYS.plusWorkingDays(d("2023-04-25"), 10)).isEqualTo(d("2023-05-12"));
    }

    /** The reminders count the days left with the calendar's own count: both agree. */
    @Test
    void the_calendars_count_of_working_days_undoes_adding_them() {
        for (LocalDate start = d("2024-12-01"); start.isBefore(d("2026-03-01")); start = start.plusDays(3)) {
            for (int n : new int[] {0, 1, 7, 15, 30}) {
                assertThat(CALENDAR.workingDaysBetween(start, DAYS.plusWorkingDays(start, n))).as("%s + %d", start, n).isEqualTo(n);
            }
        }
    }
}
