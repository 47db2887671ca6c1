package vn.docket.query.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.docket.platform.refusal.RuleBroken;

/**
 * The days a follow-up report covers, both ends included. Given as {@code from}/{@code to}, or by name:
 * {@code this-month}, {@code last-month}, {@code this-quarter}, {@code last-quarter}, {@code this-year},
 * {@code last-year}, or {@code 2021}, {@code 2021-Q1}, {@code 2021-04}.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new RuleBroken("period-reversed", "The period starts (" + from + ") after it ends (" + to + ").");
        }
    }

    public static ReportPeriod of(LocalDate from, LocalDate to, String period, LocalDate today) {
        if (period != null && !period.isBlank()) {
            if (from != null || to != null) {
                throw new RuleBroken("period-twice", "Give either period or from and to, not both.");
            }
            return named(period.strip(), today);
        }
        if (from == null || to == null) {
            throw new RuleBroken("period-required",
                    "Say which period to report: from and to (yyyy-MM-dd), or period (e.g. last-quarter, 2021-Q1, 2021-04).");
        }
        return new ReportPeriod(from, to);
    }

    static ReportPeriod named(String name, LocalDate today) {
        switch (name.toLowerCase()) {
            case "this-month":
                return month(YearMonth.from(today));
            case "last-month":
                return month(YearMonth.from(today).minusMonths(1));
            case "this-quarter":
                return quarter(today);
            case "last-quarter":
                return quarter(quarterStart(today).minusMonths(3));
            case "this-year":
                return year(today.getYear());
            case "last-year":
                return year(today.getYear() - 1);
            default:
                break;
        }
        Matcher m;
        if ((m = YEAR.matcher(name)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        if ((m = QUARTER.matcher(name)).matches()) {
            return quarter(LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1));
        }
        if ((m = MONTH.matcher(name)).matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        throw new RuleBroken("unknown-period", "\"" + name + "\" is not a period Docket knows: use this-month, "
                + "last-month, this-quarter, last-quarter, this-year, last-year, 2021, 2021-Q1 or 2021-04.");
    }

    private static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    private static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static ReportPeriod quarter(LocalDate day) {
        LocalDate start = quarterStart(day);
        return new ReportPeriod(start, start.plusMonths(3).minusDays(1));
    }

    private static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
