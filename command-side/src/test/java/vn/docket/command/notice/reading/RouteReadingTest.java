package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a task's result goes next, in the wordings of letters and meeting reports. Invented wording. */
class RouteReadingTest {

    private final NoticeReader reader = new NoticeReader();

    @Test
    void a_report_made_so_that_the_leadership_directs_goes_to_that_leadership() {
        NoticeReading reading = reader.readText("""
                Sáng ngày 28/3/2022, UBND phường Bồ Đề tổ chức họp thường kỳ. Đồng chí Nguyễn Văn Luyện – Chủ tịch UBND phường chủ trì hội nghị.
                Chủ tịch UBND phường yêu cầu Công an phường bám sát tiến độ, kịp thời báo cáo các nội dung khó khăn, vướng mắc để lãnh đạo UBND chỉ đạo xử lý kịp thời.
                """);
        assertThat(reading.items()).singleElement().extracting(NoticeItem::submitTo).asList()
                .containsExactly("Lãnh đạo UBND phường");
    }

    @Test
    void a_purpose_clause_that_names_no_body_gives_no_route_and_hides_no_later_recipient() {
        NoticeReading reading = reader.readText("""
                Kính gửi: Sở Tài chính.
                Giao Sở Tài chính gửi đề xuất để tổng hợp về Sở Kế hoạch và Đầu tư trước ngày 20/3/2024.
                """);
        assertThat(reading.items()).singleElement().extracting(NoticeItem::submitTo).asList()
                .containsExactly("Sở Kế hoạch và Đầu tư");
    }

    @Test
    void a_handover_to_the_investor_named_after_la_goes_to_that_body() {
        NoticeReading reading = reader.readText("""
                Chủ tịch UBND tỉnh yêu cầu UBND huyện Lý Sơn khẩn trương giải phóng mặt bằng, chậm nhất đến ngày 15/8/2022 phải bàn giao cho chủ đầu tư là Ban Quản lý dự án các công trình giao thông tỉnh.
                """);
        assertThat(reading.items()).singleElement().extracting(NoticeItem::submitTo).asList()
                .containsExactly("Ban Quản lý dự án các công trình giao thông tỉnh");
    }
}
