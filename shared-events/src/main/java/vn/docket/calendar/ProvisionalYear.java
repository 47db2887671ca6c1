package vn.docket.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Drafts the calendar file of a year the government has not decided yet, from the Labour Code 2019
 * (Điều 112) alone: Tết Dương lịch; 5 days of Tết (the last day of the lunar year and the first four
 * of the new one); Giỗ Tổ Hùng Vương (10/3 âm lịch); 30/4; 1/5; 2/9 plus one adjacent day; and a
 * compensatory day (nghỉ bù) on the next working day for each of these that falls on a weekend.
 * The real decision usually reshuffles Tết and adds swaps, so the draft is marked provisional.
 *
 * <p>Run {@code java -cp shared-events/target/classes vn.docket.calendar.ProvisionalYear 2031 > vn-2031.txt}.
 */
public final class ProvisionalYear {

    private ProvisionalYear() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            System.out.print(draft(Integer.parseInt(arg)));
        }
    }

    public static String draft(int year) {
        Map<LocalDate, String> days = statutoryDays(year);
        Set<LocalDate> compensations = new HashSet<>();
        for (Map.Entry<LocalDate, String> holiday : new TreeMap<>(days).entrySet()) {
            if (WorkingDayCalendar.isWeekend(holiday.getKey())) {
                LocalDate compensation = holiday.getKey().plusDays(1);
                while (WorkingDayCalendar.isWeekend(compensation) || days.containsKey(compensation)) {
                    compensation = compensation.plusDays(1);
                }
                days.put(compensation, "nghỉ bù " + holiday.getValue());
                compensations.add(compensation);
            }
        }
        StringBuilder out = new StringBuilder()
                .append("# Lịch nghỉ lễ, Tết năm ").append(year).append(" cho cán bộ, công chức, viên chức\n")
                .append("# provisional: no swap decision announced yet\n")
                .append("# Drafted by vn.docket.calendar.ProvisionalYear from the Labour Code 2019 (Điều 112) and the\n")
                .append("# lunar calendar; replace with the announced schedule once the Prime Minister decides.\n");
        days.forEach((date, name) -> out.append(date).append(" HOLIDAY ").append(name).append('\n'));
        return out.toString();
    }

    private static Map<LocalDate, String> statutoryDays(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        add(days, LocalDate.of(year, 1, 1), "Tết Dương lịch");
        LocalDate tet = LunarCalendar.toSolar(year, 1, 1);
        for (LocalDate d = tet.minusDays(1); d.isBefore(tet.plusDays(4)); d = d.plusDays(1)) {
            add(days, d, "Tết Nguyên đán");
        }
        add(days, LunarCalendar.toSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        add(days, LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)");
        add(days, LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động (1/5)");
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        add(days, nationalDay, "Quốc khánh (2/9)");
        add(days, adjacentNationalDay(nationalDay), "Quốc khánh (ngày liền kề)");
        return days;
    }

    /** Giỗ Tổ can land on 30/4 or 1/5 in some year; keep both names rather than lose one. */
    private static void add(Map<LocalDate, String> days, LocalDate date, String name) {
        days.merge(date, name, (first, second) -> first + "; " + second);
    }

    /**
     * Which of 1/9 and 3/9 goes with 2/9 is chosen each year; 2021–2025 the choice joined the break to a
     * weekend (Thu→3/9, Fri→1/9, Sat→1/9, Mon→3/9, Tue→1/9). Sunday and Wednesday have no precedent yet.
     */
    static LocalDate adjacentNationalDay(LocalDate nationalDay) {
        DayOfWeek dow = nationalDay.getDayOfWeek();
        boolean after = dow == DayOfWeek.SUNDAY || dow == DayOfWeek.MONDAY || dow == DayOfWeek.THURSDAY;
        return after ? nationalDay.plusDays(1) : nationalDay.minusDays(1);
    }
}
