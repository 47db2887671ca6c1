package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Paragraphs that read like tasks but are not: a report's headline, what a meeting did before its
 * conclusion, an assessment section. And directives that name no one, which are tasks all the same.
 * Invented wording in the layouts of the shared corpus.
 */
class ReportReadingTest {

    private final NoticeReader reader = new NoticeReader();

    @Test
    void a_meeting_report_assigns_work_only_from_its_conclusion_and_its_headline_assigns_none() {
        NoticeReading reading = reader.readText("""
                UBND xã Tân Lập triển khai công tác tuyển quân năm 2025
                Chiều ngày 14/11/2024, UBND xã Tân Lập tổ chức hội nghị triển khai công tác tuyển quân năm 2025. Đồng chí Lê Văn Nam – Chủ tịch UBND xã chủ trì hội nghị.
                Tại hội nghị, Ban Chỉ huy Quân sự xã báo cáo kết quả sơ tuyển. Hội đồng nghĩa vụ quân sự xã xem xét hồ sơ các công dân được tạm hoãn.
                Kết luận hội nghị, đồng chí Chủ tịch nhấn mạnh: tuyển quân là nhiệm vụ chính trị quan trọng, Hội đồng nghĩa vụ quân sự xã cần phối hợp với các thôn rà soát lại danh sách trước ngày 30/11/2024. Đề nghị Ban Chỉ huy Quân sự xã hoàn thiện hồ sơ gọi công dân nhập ngũ.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("Hội đồng nghĩa vụ quân sự xã", "Ban Chỉ huy Quân sự xã");
        assertThat(reading.items().get(0).deadline()).hasToString("2024-11-30");
    }

    @Test
    void a_conclusion_of_another_meeting_cited_in_a_task_does_not_hide_the_tasks_before_it() {
        NoticeReading reading = reader.readText("""
                UBND tỉnh giao Sở Tài chính rà soát nguồn vốn, báo cáo UBND tỉnh trước ngày 10/5/2024.
                Giao Sở Nội vụ hướng dẫn các đơn vị thực hiện Kết luận hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("Sở Tài chính", "Sở Nội vụ");
    }

    @Test
    void the_units_asked_come_after_the_month_the_work_is_for() {
        NoticeReading reading = reader.readText("""
                Kết luận cuộc họp, đồng chí Chủ tịch HĐND phường đề nghị trong tháng 12/2024 Thường trực HĐND, các Ban HĐND phường tập trung chuẩn bị kỳ họp cuối năm.
                Chủ tịch UBND phường đề nghị các bên tiếp thu ý kiến, hoàn thiện dự thảo, trình Chủ tịch UBND phường ký ban hành.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("Thường trực HĐND", "các bên");
    }

    @Test
    void the_dash_entries_under_a_directive_that_names_no_one_are_items_and_a_briefing_is_no_unit() {
        NoticeReading reading = reader.readText("""
                Ngày 05/3/2024, Sở Nội vụ ban hành Thông báo số 210/TB-SNV về chế độ báo cáo.
                Về việc này, Giám đốc Sở có ý kiến chỉ đạo như sau:
                - Tổ chức họp giao ban hằng tháng của Sở trước ngày 25 hằng tháng.
                - Các phòng gửi báo cáo tháng về Văn phòng Sở trước ngày 20 hằng tháng.
                """);

        assertThat(reading.items()).hasSize(2);
        assertThat(reading.items().get(0).lead()).isNull();
        assertThat(reading.items().get(0).title()).startsWith("Tổ chức họp giao ban");
        assertThat(reading.items().get(1).lead()).isEqualTo("Các phòng");
    }

    @Test
    void a_letter_that_reminds_the_members_of_government_assigns_them_the_work() {
        NoticeReading reading = reader.readText("""
                Văn phòng Chính phủ vừa có văn bản về chuẩn bị phiên họp Chính phủ thường kỳ.
                Văn bản cũng lưu ý các thành viên Chính phủ sắp xếp công việc để dự đầy đủ các phiên họp, gửi báo cáo về Văn phòng Chính phủ chậm nhất ngày 20 hằng tháng. Khi chuẩn bị báo cáo cần lưu ý các nội dung về số liệu.
                """);

        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).leads()).containsExactly("các thành viên Chính phủ");
        assertThat(reading.items().get(0).submitTo()).contains("Văn phòng Chính phủ");
    }

    @Test
    void an_assessment_section_of_a_conclusion_notice_is_context_not_an_item() {
        NoticeReading reading = reader.readText("""
                VĂN PHÒNG CHÍNH PHỦ
                Số: 512/TB-VPCP
                Hà Nội, ngày 12 tháng 10 năm 2023
                THÔNG BÁO
                Kết luận của Phó Thủ tướng tại buổi làm việc với tỉnh Hà Nam
                Ngày 02 tháng 10 năm 2023, Phó Thủ tướng đã làm việc với tỉnh Hà Nam. Phó Thủ tướng kết luận như sau:
                I. ĐÁNH GIÁ CHUNG
                Thời gian qua, Tỉnh đã đạt được nhiều kết quả quan trọng trên các lĩnh vực.
                II. NHIỆM VỤ THỜI GIAN TỚI
                Giao Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Ủy ban nhân dân tỉnh Hà Nam rà soát quy hoạch, báo cáo Thủ tướng Chính phủ trước ngày 30/11/2023.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("Bộ Kế hoạch và Đầu tư");
    }
}
