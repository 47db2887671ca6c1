package vn.docket.calendar;

import java.time.LocalDate;

/**
 * Vietnamese lunisolar calendar, computed from the astronomy rather than from a table, so that the
 * bundled holiday files can be checked (and new years drafted) without trusting anyone's list.
 *
 * <p>Rules of the Vietnamese calendar: a month starts on the civil day (at UTC+7, which is why the
 * Vietnamese and Chinese Tết differ in some years) that contains a new moon; the month containing the
 * winter solstice is month 11; when 13 new moons start between two months 11, the first month after
 * month 11 that contains no major solar term (the sun's longitude crossing a multiple of 30°) is the
 * leap month and repeats the number of the month before it.
 *
 * <p>Astronomy: new moons from the mean lunation plus the largest periodic terms of the classical
 * series in the Moon's and Sun's anomalies and the Moon's argument of latitude; the Sun's apparent
 * longitude from its mean longitude and equation of centre. Both are good to a few minutes, which
 * only matters for a new moon or solar term within minutes of local midnight; the tests pin the
 * known Tết dates of 2020–2030 so such a case would show up.
 */
public final class LunarCalendar {

    /** Vietnam's legal time since 1975. */
    private static final double UTC_OFFSET_DAYS = 7.0 / 24.0;
    /** TT − UT in the 2020s is about 69–72 s; the new-moon series is in TT. */
    private static final double DELTA_T_DAYS = 70.0 / 86400.0;
    private static final double SYNODIC_MONTH = 29.530588861;
    /** Julian Ephemeris Day of the mean new moon of 2000-01-06, lunation number 0. */
    private static final double NEW_MOON_EPOCH = 2451550.09766;
    private static final double JD_UNIX_EPOCH = 2440587.5;

    private LunarCalendar() {
    }

    /** Solar date of a lunar date; {@code leapMonth} asks for the repeated month, which must exist that year. */
    public static LocalDate toSolar(int lunarYear, int month, int day, boolean leapMonth) {
        // Months 11 and 12 of lunar year Y come after month 11 of solar year Y; the others after that of Y - 1.
        int cycleYear = month >= 11 ? lunarYear : lunarYear - 1;
        int a = month11Lunation(cycleYear);
        int b = month11Lunation(cycleYear + 1);
        int offset = Math.floorMod(month - 11, 12);
        if (b - a == 13) {
            int leapIndex = leapIndex(a);
            if (leapMonth && month != monthNumber(leapIndex - 1)) {
                throw new IllegalArgumentException("lunar year " + lunarYear + " has no leap month " + month);
            }
            if (leapMonth || offset >= leapIndex) {
                offset++;
            }
        } else if (leapMonth) {
            throw new IllegalArgumentException("lunar year " + lunarYear + " has no leap month");
        }
        LocalDate start = newMoonDate(a + offset);
        int length = (int) (newMoonDate(a + offset + 1).toEpochDay() - start.toEpochDay());
        if (day < 1 || day > length) {
            throw new IllegalArgumentException("lunar month " + month + "/" + lunarYear + " has " + length + " days");
        }
        return start.plusDays(day - 1);
    }

    public static LocalDate toSolar(int lunarYear, int month, int day) {
        return toSolar(lunarYear, month, day, false);
    }

    public static LunarDate toLunar(LocalDate date) {
        int k = lunationContaining(date);
        int a;
        int b = month11Lunation(date.getYear());
        if (k >= b) {
            a = b;
            b = month11Lunation(date.getYear() + 1);
        } else {
            a = month11Lunation(date.getYear() - 1);
            b = month11Lunation(date.getYear());
        }
        int lunarYear = newMoonDate(a).getYear() + 1;
        int diff = k - a;
        int month;
        boolean leap = false;
        if (b - a == 13 && diff >= leapIndex(a)) {
            month = monthNumber(diff - 1);
            leap = diff == leapIndex(a);
        } else {
            month = monthNumber(diff);
        }
        if (month >= 11 && diff < 4) {
            lunarYear--;
        }
        int day = (int) (date.toEpochDay() - newMoonDate(k).toEpochDay()) + 1;
        return new LunarDate(lunarYear, month, day, leap);
    }

    /** Month number of the month {@code offset} lunations after a month 11, ignoring leap months. */
    private static int monthNumber(int offset) {
        return Math.floorMod(10 + offset, 12) + 1;
    }

    /** Index, counted from month 11, of the first month without a major solar term. */
    private static int leapIndex(int month11) {
        for (int i = 1; i <= 12; i++) {
            if (termSector(newMoonDate(month11 + i)) == termSector(newMoonDate(month11 + i + 1))) {
                return i;
            }
        }
        throw new IllegalStateException("13-month year without a month lacking a major term, lunation " + month11);
    }

    /** Lunation number of the month 11 (the one containing the winter solstice) of a solar year. */
    static int month11Lunation(int year) {
        LocalDate dec31 = LocalDate.of(year, 12, 31);
        int k = lunationContaining(dec31);
        // The solstice (longitude 270°) falls on 21 or 22 December; if it came before this month began,
        // month 11 is the previous one.
        if (sunLongitude(localMidnightJd(newMoonDate(k))) >= 270.0) {
            k--;
        }
        return k;
    }

    private static int lunationContaining(LocalDate date) {
        int k = (int) Math.floor((localMidnightJd(date) - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        while (newMoonDate(k + 1).compareTo(date) <= 0) {
            k++;
        }
        while (newMoonDate(k).isAfter(date)) {
            k--;
        }
        return k;
    }

    /** Which 30° sector of ecliptic longitude the Sun is in at the start of a civil day. */
    private static int termSector(LocalDate date) {
        return (int) Math.floor(sunLongitude(localMidnightJd(date)) / 30.0);
    }

    /** Civil date at UTC+7 of new moon number {@code k} (k = 0 on 2000-01-06). */
    static LocalDate newMoonDate(int k) {
        double jdUt = newMoonJde(k) - DELTA_T_DAYS;
        long epochDay = (long) Math.floor(jdUt + 0.5 + UTC_OFFSET_DAYS) - (long) (JD_UNIX_EPOCH + 0.5);
        return LocalDate.ofEpochDay(epochDay);
    }

    /** True new moon in Julian Ephemeris Days: mean lunation corrected by its largest periodic terms. */
    static double newMoonJde(int k) {
        double t = k / 1236.85; // Julian centuries from J2000
        double t2 = t * t;
        double jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2);        // Sun's mean anomaly
        double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2);    // Moon's mean anomaly
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2);     // Moon's argument of latitude
        double omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2);   // ascending node
        double e = 1 - 0.002516 * t - 0.0000074 * t2;                     // Earth orbit eccentricity factor
        jde += -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(omega)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f);
        // Largest planetary perturbation (Venus/Jupiter argument), ~30 s.
        jde += 0.000325 * Math.sin(rad(299.77 + 0.107408 * k - 0.009173 * t2));
        return jde;
    }

    /** Sun's apparent ecliptic longitude in degrees [0, 360) at a Julian Day. */
    static double sunLongitude(double jd) {
        double t = (jd - 2451545.0) / 36525.0;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;     // mean longitude
        double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t); // mean anomaly
        double centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
                + 0.000289 * Math.sin(3 * m);
        double omega = rad(125.04 - 1934.136 * t);
        double apparent = l0 + centre - 0.00569 - 0.00478 * Math.sin(omega); // aberration + nutation
        return ((apparent % 360.0) + 360.0) % 360.0;
    }

    /** Julian Day (UT) of 00:00 at UTC+7 on a civil date. */
    private static double localMidnightJd(LocalDate date) {
        return date.toEpochDay() + JD_UNIX_EPOCH - UTC_OFFSET_DAYS;
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360.0);
    }
}
