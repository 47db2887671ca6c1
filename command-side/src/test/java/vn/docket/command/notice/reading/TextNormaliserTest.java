package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    /** A page's line of figures only is not a sentence the page width cut: it has no lowercase letter, as a heading. */
    @Test
    void a_full_width_line_without_letters_stays_apart_from_the_lines_around_it() {
        String figures = "2024 – 2025 – 2026 – 2027 – 2028 – 2029 – 2030 – 2031 – 2032 – 2033";
        String page = String.join("\n",
                "Giao Sở Tài chính chủ trì rà soát kinh phí các dự án đầu tư công của tỉnh",
                "Sở Kế hoạch và Đầu tư phối hợp thực hiện, báo cáo trước ngày 20/3/2024",
                figures,
                "Thường trực UBND tỉnh đề nghị các sở, ngành khẩn trương thực hiện ngay.",
                "Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện các nội dung trên.");
        assertThat(TextNormaliser.normalise(page, true).split("\n")).contains(figures);
    }
}
