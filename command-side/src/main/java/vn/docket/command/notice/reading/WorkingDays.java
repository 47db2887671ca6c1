package vn.docket.command.notice.reading;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days count for "trong thời hạn 07 ngày làm việc". The default skips weekends only; the
 * Vietnamese public-holiday calendar built elsewhere plugs in through this interface.
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

    static WorkingDays weekendsOff() {
        return day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
