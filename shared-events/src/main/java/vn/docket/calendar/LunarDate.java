package vn.docket.calendar;

/** A date of the Vietnamese lunisolar calendar (âm lịch). {@code leapMonth} marks the repeated month (tháng nhuận). */
public record LunarDate(int year, int month, int day, boolean leapMonth) {
    public LunarDate {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("no such lunar date: " + day + "/" + month + "/" + year);
        }
    }

    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? " nhuận" : "") + "/" + year + " âm lịch";
    }
}
