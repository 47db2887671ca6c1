package vn.docket.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class ReadModelsTest {

    @Test
    void every_date_a_read_model_stores_reads_back_as_the_same_day() {
        for (LocalDate day = LocalDate.of(1999, 1, 1); day.isBefore(LocalDate.of(2101, 1, 1)); day = day.plusDays(1)) {
            assertThat(ReadModels.date(ReadModels.iso(day))).isEqualTo(day);
        }
        assertThat(ReadModels.date(null)).isNull();
    }

    @Test
    void a_stored_date_in_another_form_or_that_does_not_exist_is_read_as_local_date_reads_it() {
        assertThat(ReadModels.date("+10000-01-01")).isEqualTo(LocalDate.parse("+10000-01-01"));
        assertThatThrownBy(() -> ReadModels.date("2021-02-30")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> ReadModels.date("2021-+2-03")).isInstanceOf(DateTimeParseException.class);
    }
}
