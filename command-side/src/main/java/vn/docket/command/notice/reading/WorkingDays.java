package vn.docket.command.notice.reading;

import java.time.LocalDate;

/**
 * Which days count for "trong thời hạn 07 ngày làm việc": the Vietnamese working-day calendar
 * ({@code WorkingDayCalendar::isWorkingDay}) for the server and the command line alike.
 */
@FunctionalInterface
public interface WorkingDays {

    boolean isWorkingDay(LocalDate day);

    /** The day on which {@code days} working days after {@code from} have passed ({@code from} itself not counted). */
    default LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
