package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyllablesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bộ Kếhoạch và Đầu tư                 | Bộ Kế hoạch và Đầu tư
            trong thờihạn 07 ngày                | trong thời hạn 07 ngày
            trước ngày 20 tháng8 năm 2026        | trước ngày 20 tháng 8 năm 2026
            trong 07ngày làm việc                | trong 07 ngày làm việc
            Sở Tàichính                          | Sở Tài chính
            """)
    void puts_back_the_space_between_words_run_together(String written, String mended) {
        assertThat(Syllables.mend(written)).isEqualTo(mended);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Số: 1234/QĐ-UBND ngày 02/3/2026
            gửi qua Zalo, Email và Internet
            phòng chống dịch COVID19 tại Vietcombank
            diện tích 250m2, 3km2, 12ha
            Nguyễn Thị Khuyến, huyện Krông Pắc
            PHÒNG TÀICHÍNH
            """)
    void leaves_words_codes_and_foreign_names_as_written(String written) {
        assertThat(Syllables.mend(written)).isEqualTo(written);
    }
}
