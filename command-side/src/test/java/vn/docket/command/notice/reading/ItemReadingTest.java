package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.docket.events.DeliverableKind;
import vn.docket.events.MeetingVerdict;

/** Layouts and item fields beyond the notices with hand-made answers. */
class ItemReadingTest {

    private final NoticeReader reader = new NoticeReader();

    private NoticeReading read(String body) {
        return reader.readText("""
                Số: 12/TB-UBND
                TP. Lạng Sơn, ngày 10 tháng 5 năm 2021
                THÔNG BÁO
                Ngày 07/5/2021, đồng chí Nguyễn Văn Hạnh - Chủ tịch UBND thành phố chủ trì cuộc họp, kết luận như sau:
                """ + body + """

                Trên đây là kết luận của Chủ tịch UBND thành phố.
                Lăng Thị Trịnh
                """);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Dự thảo Kế hoạch thực hiện Chương trình hành động      | PLAN
            Dự thảo triển khai công tác xây dựng khu căn cứ        | PLAN
            Dự thảo báo cáo kết quả thực hiện Đề án cây xanh       | REPORT
            Dự thảo Đề án Trường mầm non                           | SCHEME
            Dự thảo Chương trình chuyển đổi số                     | PROGRAMME
            Dự thảo Thông tư hướng dẫn quản lý thuế                | OTHER
            Giao Sở Xây dựng chủ trì xây dựng Kế hoạch              | OTHER
            Kế hoạch tổ chức Tết Nguyên đán                         | PLAN
            """)
    void decides_the_kind_by_the_first_deliverable_word_after_du_thao(String title, DeliverableKind kind) {
        assertThat(ItemReader.kind(title)).isEqualTo(kind);
    }

    @Test
    void reads_items_numbered_with_roman_numerals() {
        NoticeReading reading = read("""
                I. Dự thảo Kế hoạch phát triển đô thị năm 2021 (Phòng Quản lý đô thị trình)
                Cơ bản nhất trí. Giao phòng QLĐT hoàn thiện, trình Chủ tịch UBND thành phố trong tháng 5/2021.
                II. Dự thảo Báo cáo tình hình kinh tế - xã hội (Phòng Tài chính - Kế hoạch trình)
                Yêu cầu phòng TC-KH bổ sung số liệu thu ngân sách 4 tháng đầu năm, trình Lãnh đạo UBND thành phố.
                """);
        assertThat(reading.items()).extracting(NoticeItem::ordinal).containsExactly(1, 2);
        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("Phòng Quản lý đô thị", "Phòng Tài chính - Kế hoạch");
        assertThat(reading.items()).extracting(NoticeItem::verdict).containsExactly(MeetingVerdict.APPROVED_IN_PRINCIPLE, MeetingVerdict.REVISION_REQUIRED);
        assertThat(reading.items().get(0).deadline()).isNull();
        assertThat(reading.items().get(0).deadlineText()).isEqualTo("trong tháng 5/2021");
        assertThat(reading.items().get(1).requirements()).isNotEmpty();
    }

    @Test
    void does_not_start_an_item_at_a_number_out_of_sequence() {
        NoticeReading reading = read("""
                1. Dự thảo Kế hoạch A (Phòng Kinh tế trình)
                Giao phòng Kinh tế hoàn thiện, trình Lãnh đạo UBND thành phố.
                3. Đây là một dòng số lạc trong văn bản chuyển đổi.
                2. Dự thảo Kế hoạch B (Phòng Nội vụ trình)
                Giao phòng Nội vụ hoàn thiện, trình Lãnh đạo UBND thành phố.
                """);
        assertThat(reading.items()).extracting(NoticeItem::title).containsExactly("Dự thảo Kế hoạch A", "Dự thảo Kế hoạch B");
    }

    @Test
    void strips_the_meeting_note_from_a_title_and_joins_its_broken_line() {
        NoticeReading reading = read("""
                1. Dự thảo Báo cáo công tác giải phóng mặt bằng năm 2020,

                nhệm vụ năm 2021 (Trình kỳ họp BTV Thành ủy tháng 11/2020) - Trung tâm Phát triển quỹ đất thành phố trình
                Cơ bản nhất trí, giao Trung tâm Phát triển quỹ đất thành phố hoàn thiện, trình đ/c Phó Chủ tịch UBND thành phố phụ trách lĩnh vực xem xét.
                """);
        NoticeItem item = reading.items().get(0);
        assertThat(item.title()).isEqualTo("Dự thảo Báo cáo công tác giải phóng mặt bằng năm 2020, nhiệm vụ năm 2021");
        assertThat(item.presentedBy()).isEqualTo("Trung tâm Phát triển quỹ đất thành phố");
        assertThat(item.submitTo()).containsExactly("Phó Chủ tịch UBND thành phố phụ trách lĩnh vực");
    }

    @Test
    void reads_the_approval_route_in_order() {
        ApprovalRouteReader route = new ApprovalRouteReader("thành phố", UnitDirectory.bundled());
        assertThat(route.read("trình Lãnh đạo UBND thành phố xét duyệt trước khi trình tại kỳ họp Ban Thường vụ Thành ủy tháng 4/2021"))
                .containsExactly("Lãnh đạo UBND thành phố", "Ban Thường vụ Thành ủy");
        assertThat(route.read("hoàn thiện dự thảo Báo cáo trình kỳ họp BTV Thành uỷ tháng 11/2020"))
                .containsExactly("Ban Thường vụ Thành ủy");
        assertThat(route.read("trình đ/c Chủ tịch UBND TP phê duyệt")).containsExactly("Chủ tịch UBND thành phố");
        assertThat(new ApprovalRouteReader("tỉnh", UnitDirectory.bundled()).read("trình đồng chí Phó Chủ tịch phụ trách; báo cáo Thủ tướng Chính phủ"))
                .containsExactly("Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực", "Thủ tướng Chính phủ");
        assertThat(route.read("thực hiện Chương trình hành động, rà soát quy trình, lập Tờ trình")).isEmpty();
    }

    @Test
    void a_result_sent_to_a_unit_is_its_route() {
        ApprovalRouteReader route = new ApprovalRouteReader("tỉnh", UnitDirectory.bundled());
        assertThat(route.read("tổng hợp, gửi hỏa tốc đến Văn phòng Chính phủ trước 14 giờ")).containsExactly("Văn phòng Chính phủ");
        assertThat(route.read("định kỳ gửi báo cáo công tác tháng, quý về Sở Xây dựng")).containsExactly("Sở Xây dựng");
        assertThat(route.read("chủ động thực hiện và trực tiếp báo cáo Bộ Tài nguyên và Môi trường theo hướng dẫn"))
                .containsExactly("Bộ Tài nguyên và Môi trường");
        assertThat(route.read("trường hợp có sai lệch thì báo cáo UBND cấp huyện để chỉ đạo")).containsExactly("UBND cấp huyện");
        assertThat(route.read("giải trình rõ với Sở Tài chính về quá trình thực hiện")).isEmpty();
    }

    @Test
    void giai_trinh_qua_trinh_and_to_trinh_are_not_the_approval_step() {
        NoticeReading reading = read("""
                1. Giao Phòng Tài chính - Kế hoạch giải trình các khoản chi vượt dự toán trong quá trình thi công cầu Kỳ Cùng, lập tờ trình điều chỉnh dự toán, trình Chủ tịch UBND thành phố trước ngày 28/5/2021.
                """);
        NoticeItem item = reading.items().get(0);
        assertThat(item.lead()).isEqualTo("Phòng Tài chính - Kế hoạch");
        assertThat(item.requirements()).containsExactly(
                "giải trình các khoản chi vượt dự toán trong quá trình thi công cầu Kỳ Cùng, lập tờ trình điều chỉnh dự toán");
        assertThat(item.submitTo()).containsExactly("Chủ tịch UBND thành phố");
        assertThat(item.deadline()).hasToString("2021-05-28");
    }

    @Test
    void a_deadline_earlier_than_the_notice_itself_is_flagged() {
        NoticeReading reading = read("""
                1. Giao Phòng Quản lý đô thị rà soát hồ sơ cấp phép xây dựng, báo cáo trước ngày 05/5/2020.
                """);
        assertThat(reading.items().get(0).deadline()).hasToString("2020-05-05");
        assertThat(reading.warnings()).anySatisfy(w -> {
            assertThat(w.field()).isEqualTo("items[0].deadline");
            assertThat(w.message()).contains("5/5/2020", "sớm hơn ngày ban hành");
        });
    }

    @Test
    void an_input_owed_to_the_lead_before_the_notice_was_issued_is_flagged() {
        NoticeReading reading = read("""
                1. Dự thảo Kế hoạch chỉnh trang đô thị năm 2021 (Phòng Quản lý đô thị trình)
                Giao phòng Quản lý đô thị hoàn thiện, trình Chủ tịch UBND thành phố trước ngày 30/5/2021.
                Yêu cầu phòng Kinh tế, phòng Tài chính - Kế hoạch gửi về phòng Quản lý đô thị ý kiến tham gia trước ngày 06/5/2021 để tổng hợp.
                """);
        assertThat(reading.items().get(0).contributions()).hasSize(1);
        assertThat(reading.warnings()).anySatisfy(w -> {
            assertThat(w.field()).isEqualTo("items[0].contributions[0].deadline");
            assertThat(w.message()).contains("6/5/2021", "sớm hơn ngày ban hành");
        });
    }

    @Test
    void flags_units_the_directory_does_not_know() {
        NoticeReading reading = read("""
                1. Giao Ban Quản lý dự án giao thông tỉnh chủ trì, phối hợp với Phòng Kinh tế khảo sát tuyến đường, trước ngày 30/5/2021.
                """);
        NoticeItem item = reading.items().get(0);
        assertThat(item.lead()).isEqualTo("Ban Quản lý dự án giao thông tỉnh");
        assertThat(item.unknownUnits()).containsExactly("Ban Quản lý dự án giao thông tỉnh");
        assertThat(item.coordinators()).containsExactly("Phòng Kinh tế");
        assertThat(reading.warnings()).extracting(ReadingWarning::field).contains("items[0].lead");
    }

    @Test
    void warns_when_an_item_has_no_deadline_and_the_notice_no_number() {
        NoticeReading reading = reader.readText("""
                Số:   /TB-UBND
                TP. Lạng Sơn, ngày    tháng 11 năm 2020
                THÔNG BÁO
                Ngày 10/11/2020, Đồng chí Nguyễn Văn Hạnh - Chủ tịch UBND thành phố đã chủ trì cuộc họp.
                1. Dự thảo Đề án X - Phòng Kinh tế thành phố trình
                Cơ bản nhất trí, giao phòng Kinh tế thành phố chủ trì hoàn thiện, trình Lãnh đạo UBND thành phố.
                Trên đây là kết luận.
                Hoàng Quân
                """);
        assertThat(reading.notice().number()).isNull();
        assertThat(reading.notice().issuedMonth()).isEqualTo("2020-11");
        List<String> fields = reading.warnings().stream().map(ReadingWarning::field).toList();
        assertThat(fields).contains("notice.number", "notice.issuedOn", "items[0].deadline");
    }
}
