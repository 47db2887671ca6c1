package vn.docket.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VietnameseDatesTest {

    @Test
    void the_date_above_the_signature_pads_a_day_below_ten_and_january_and_february_as_the_decree_on_official_documents_requires() {
        assertThat(Vietnamese.longDate(LocalDate.of(2021, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2021");
        assertThat(Vietnamese.longDate(LocalDate.of(2021, 1, 31))).isEqualTo("ngày 31 tháng 01 năm 2021");
        assertThat(Vietnamese.longDate(LocalDate.of(2009, 11, 9))).isEqualTo("ngày 09 tháng 11 năm 2009");
        assertThat(Vietnamese.longDate(LocalDate.of(2021, 5, 10))).isEqualTo("ngày 10 tháng 5 năm 2021");
    }
}
