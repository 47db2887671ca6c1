package vn.docket.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LunarCalendarTest {

    /** Tết dates announced each year; the whole holiday calendar leans on these. */
    private static final Map<Integer, LocalDate> TET = Map.ofEntries(
            Map.entry(2020, LocalDate.of(2020, 1, 25)),
            Map.entry(2021, LocalDate.of(2021, 2, 12)),
            Map.entry(2022, LocalDate.of(2022, 2, 1)),
            Map.entry(2023, LocalDate.of(2023, 1, 22)),
            Map.entry(2024, LocalDate.of(2024, 2, 10)),
            Map.entry(2025, LocalDate.of(2025, 1, 29)),
            Map.entry(2026, LocalDate.of(2026, 2, 17)),
            Map.entry(2027, LocalDate.of(2027, 2, 6)),
            Map.entry(2028, LocalDate.of(2028, 1, 26)),
            Map.entry(2029, LocalDate.of(2029, 2, 13)),
            // Not 3 Feb: that is the Chinese New Year. The new moon is at 16:07 UT on 2 Feb 2030, i.e.
            // 23:07 in Hanoi but 00:07 on 3 Feb in Beijing, so Vietnamese Tết is a day earlier (as in 2007).
            Map.entry(2030, LocalDate.of(2030, 2, 2)));

    @Test
    void tet_falls_on_the_known_dates_2020_to_2030() {
        TET.forEach((year, tet) -> {
            assertThat(LunarCalendar.toSolar(year, 1, 1)).as("Tết %d", year).isEqualTo(tet);
            assertThat(LunarCalendar.toLunar(tet)).isEqualTo(new LunarDate(year, 1, 1, false));
            assertThat(LunarCalendar.toLunar(tet.minusDays(1)).month()).isEqualTo(12);
            assertThat(LunarCalendar.toLunar(tet.minusDays(1)).year()).isEqualTo(year - 1);
        });
    }

    @Test
    void hung_kings_day_falls_on_the_known_dates() {
        assertThat(LunarCalendar.toSolar(2024, 3, 10)).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(LunarCalendar.toSolar(2025, 3, 10)).isEqualTo(LocalDate.of(2025, 4, 7));
        // 2023 has a leap second month, which pushes 10/3 to the end of April.
        assertThat(LunarCalendar.toSolar(2023, 3, 10)).isEqualTo(LocalDate.of(2023, 4, 29));
    }

    @Test
    void leap_months_are_placed_where_the_calendar_has_them() {
        assertThat(LunarCalendar.toLunar(LocalDate.of(2020, 5, 23))).isEqualTo(new LunarDate(2020, 4, 1, true));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(2023, 2, 1, true));
        assertThat(LunarCalendar.toSolar(2025, 6, 1, true)).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThatThrownBy(() -> LunarCalendar.toSolar(2024, 6, 1, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_day_boundary_is_at_utc_plus_7_not_china_time() {
        // The 2007 new moon fell just after midnight in Vietnam but before midnight in China:
        // Vietnamese Tết was a day earlier than the Chinese New Year (18 Feb).
        assertThat(LunarCalendar.toSolar(2007, 1, 1)).isEqualTo(LocalDate.of(2007, 2, 17));
        // 1985: the UTC+7 solstice/new moon placement moved month 11, so Tết came a month earlier than in China.
        assertThat(LunarCalendar.toSolar(1985, 1, 1)).isEqualTo(LocalDate.of(1985, 1, 21));
    }

    @Test
    void the_2030_new_moon_is_late_in_the_evening_of_2_february_hanoi_time() {
        // Guards the 2030 anchor above: the margin to midnight is ~50 minutes, far above the series' error.
        double jdUt = LunarCalendar.newMoonJde(372) - 70.0 / 86400;
        double hanoiHour = ((jdUt + 0.5 + 7.0 / 24) % 1) * 24;
        assertThat(LunarCalendar.newMoonDate(372)).isEqualTo(LocalDate.of(2030, 2, 2));
        assertThat(hanoiHour).isBetween(22.9, 23.3);
    }

    @Test
    void mid_autumn_2024_is_the_fifteenth_of_the_eighth_month() {
        assertThat(LunarCalendar.toLunar(LocalDate.of(2024, 9, 17))).isEqualTo(new LunarDate(2024, 8, 15, false));
    }

    @Test
    void converting_to_lunar_and_back_is_the_identity_for_every_day_of_the_bundled_range() {
        for (LocalDate d = LocalDate.of(2019, 1, 1); d.isBefore(LocalDate.of(2032, 1, 1)); d = d.plusDays(1)) {
            LunarDate lunar = LunarCalendar.toLunar(d);
            assertThat(LunarCalendar.toSolar(lunar.year(), lunar.month(), lunar.day(), lunar.leapMonth()))
                    .as("%s -> %s", d, lunar).isEqualTo(d);
        }
    }
}
