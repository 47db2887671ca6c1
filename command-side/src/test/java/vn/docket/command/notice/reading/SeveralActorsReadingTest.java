package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Who does what when a text names several bodies: groups of bodies written as one list, items whose
 * actors are broken over lines, closing formulas that name everyone. Invented wording in the layouts
 * of the shared corpus.
 */
class SeveralActorsReadingTest {

    private final NoticeReader reader = new NoticeReader();

    @Test
    void a_group_of_bodies_is_one_actor_over_the_kinds_it_lists_and_whose_they_are() {
        NoticeReading reading = reader.readText("""
                Ngày 12/3/2024, UBND tỉnh ban hành Công văn số 512/UBND-TH về rà soát dự án. Theo đó, UBND tỉnh có ý kiến như sau:
                Giao các sở, ngành tỉnh; UBND các huyện, thị xã rà soát danh mục dự án chậm tiến độ, gửi Sở Tài chính trước ngày 10/4/2024.
                Các Bộ, cơ quan, địa phương khác kịp thời cập nhật số liệu giải ngân trước ngày 20/4/2024.
                Giao Sở Xây dựng chủ trì, phối hợp với các cơ quan, đơn vị, địa phương kiểm tra chất lượng công trình.
                """);

        assertThat(reading.items()).hasSize(3);
        assertThat(reading.items().get(0).leads()).containsExactly("các sở, ngành tỉnh", "UBND các huyện, thị xã");
        assertThat(reading.items().get(0).deadline()).hasToString("2024-04-10");
        assertThat(reading.items().get(1).leads()).containsExactly("Các Bộ, cơ quan, địa phương khác");
        assertThat(reading.items().get(1).deadline()).hasToString("2024-04-20");
        assertThat(reading.items().get(2).coordinators()).containsExactly("các cơ quan, đơn vị, địa phương");
    }

    @Test
    void a_sentence_opening_with_truong_hop_is_no_actor_and_its_report_goes_with_the_body_before_it() {
        NoticeReading reading = reader.readText("""
                Sở Tài nguyên và Môi trường vừa có văn bản hướng dẫn kiểm kê đất đai.
                Theo đó, Phòng Tài nguyên và Môi trường chủ trì kiểm kê đất đai, hoàn thành trước ngày 20/3/2024. UBND các xã có trách nhiệm tiếp nhận tài liệu kiểm kê. Trường hợp có sai lệch kết quả thì báo cáo UBND huyện để chỉ đạo.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("Phòng Tài nguyên và Môi trường", "UBND các xã");
        assertThat(reading.items().get(1).submitTo()).containsExactly("UBND huyện");
        assertThat(reading.warnings()).noneMatch(w -> w.message().contains("Trường hợp"));
    }

    /** A .docx saved as text keeps the page's line breaks, also inside unit names and lists of actors. */
    private static final String WRAPPED_LETTER = """
            ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
            Số: 2210/UBND-KT
            Hà Giang, ngày 04 tháng 3 năm 2025
            Kính gửi: Các sở, ban, ngành thuộc tỉnh.
                   Thực hiện Kế hoạch số 15/KH-UBND ngày 20/01/2025 của Ủy ban nhân dân tỉnh về
            cải cách thủ tục hành chính, Chủ tịch Ủy ban nhân dân tỉnh giao nhiệm vụ như
            sau:
                   1. Sở Tài chính chủ trì rà soát các khoản chi thường xuyên năm 2025, phối
            hợp với Sở Xây dựng và Sở Nội vụ tổng hợp nhu cầu kinh phí, phối hợp với Sở
            Tư pháp thẩm định thủ tục, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/3/2025.
                   2. Các sở, ban, ngành thuộc tỉnh, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh,
            Ủy ban nhân dân các xã, phường tổ chức thực hiện các nội dung thuộc trách
            nhiệm của đơn vị, địa phương theo đúng kế hoạch đã được phê duyệt năm 2025.
                   Căn cứ nội dung chỉ đạo trên, yêu cầu các sở, ngành, cơ quan, đơn vị, Ủy
            ban nhân dân các xã, phường triển khai thực hiện./.
            Nơi nhận:
            - Như trên;
            - Lưu: VT.
            """;

    @Test
    void a_unit_name_broken_over_two_lines_of_a_page_is_read_whole() {
        NoticeItem first = reader.readText(WRAPPED_LETTER).items().get(0);

        assertThat(first.lead()).isEqualTo("Sở Tài chính");
        assertThat(first.coordinators()).containsExactly("Sở Xây dựng", "Sở Nội vụ", "Sở Tư pháp");
    }

    @Test
    void a_list_of_actors_broken_over_two_lines_of_a_page_leads_one_item() {
        NoticeItem second = reader.readText(WRAPPED_LETTER).items().get(1);

        assertThat(second.leads()).containsExactly("Các sở, ban, ngành thuộc tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
                "Ủy ban nhân dân các xã, phường");
    }

    @Test
    void an_actor_named_after_a_comma_with_a_duty_of_its_own_starts_a_task() {
        NoticeReading reading = reader.readText("""
                Sở Nông nghiệp và Phát triển nông thôn vừa hướng dẫn các địa phương phòng chống sạt lở.
                Theo đó, tại các xã có nguy cơ sạt lở ven sông, cấp huyện cần chỉ đạo UBND cấp xã di dời các hộ dân đến nơi an toàn trước ngày 30/9/2024. Các địa phương báo cáo kết quả về Sở Nông nghiệp và Phát triển nông thôn trước ngày 15/10/2024.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("cấp huyện", "Các địa phương");
        assertThat(reading.items()).extracting(NoticeItem::deadline).extracting(String::valueOf).containsExactly("2024-09-30", "2024-10-15");
    }

    @Test
    void a_group_named_with_a_passive_clause_before_its_duty_is_the_lead_with_that_clause() {
        NoticeReading reading = reader.readText("""
                Sở Nội vụ vừa hướng dẫn việc bàn giao hồ sơ sau khi sắp xếp đơn vị hành chính.
                Theo đó, UBND các xã cũ lập danh mục hồ sơ lưu trữ, bàn giao trước ngày 15/7/2025. UBND cấp xã được hình thành sau sắp xếp có trách nhiệm tiếp nhận hồ sơ, báo cáo Sở Nội vụ khi có vướng mắc.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead)
                .containsExactly("UBND các xã cũ", "UBND cấp xã được hình thành sau sắp xếp");
        assertThat(reading.items().get(1).submitTo()).containsExactly("Sở Nội vụ");
    }

    @Test
    void a_group_asked_together_with_a_named_unit_is_a_co_lead() {
        NoticeReading reading = reader.readText("""
                Kết luận cuộc họp, đồng chí Chủ tịch UBND xã đề nghị Công an xã và các thành viên Tổ an ninh được giao phụ trách các thôn phải rà soát người tạm trú trước ngày 20/6/2025.
                """);

        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).leads())
                .containsExactly("Công an xã", "các thành viên Tổ an ninh được giao phụ trách các thôn");
    }

    @Test
    void a_sentence_with_no_subject_opening_with_dong_thoi_and_its_own_limit_is_a_further_task_of_the_same_actor() {
        NoticeReading reading = reader.readText("""
                Văn phòng UBND tỉnh vừa có văn bản về chuẩn bị các phiên họp thường kỳ.
                Văn bản yêu cầu các sở, ngành bố trí lãnh đạo dự họp đầy đủ, không cử người dự thay. Đồng thời, chủ động chuẩn bị các đề án được giao, gửi về Văn phòng UBND tỉnh chậm nhất ngày 20 của tháng trước tháng họp.
                """);

        assertThat(reading.items()).hasSize(2);
        assertThat(reading.items()).extracting(NoticeItem::leads).containsOnly(List.of("các sở, ngành"));
        assertThat(reading.items().get(1).deadlineText()).isEqualTo("chậm nhất ngày 20 của tháng trước tháng họp");
        assertThat(reading.items().get(1).submitTo()).containsExactly("Văn phòng UBND tỉnh");
        assertThat(reading.warnings()).anyMatch(w -> w.field().equals("items[1].lead") && w.message().contains("mục trước"));
    }

    @Test
    void a_sentence_opening_with_dong_thoi_without_a_limit_of_its_own_is_the_next_step_of_the_same_task() {
        NoticeReading reading = reader.readText("""
                Chủ tịch UBND huyện có ý kiến như sau:
                Đề nghị Phòng Tài nguyên và Môi trường kiểm tra lại hồ sơ giao đất của các hộ dân ven sông. Đồng thời, báo cáo đề xuất UBND huyện hướng xử lý.
                """);

        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).submitTo()).containsExactly("UBND huyện");
    }

    @Test
    void units_listed_before_a_duty_stay_one_item() {
        NoticeReading reading = reader.readText("""
                Theo đó, UBND tỉnh giao Sở Y tế, Sở Giáo dục và Đào tạo có trách nhiệm kiểm tra an toàn thực phẩm tại các trường học trước ngày 15/9/2024.
                """);

        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).leads()).containsExactly("Sở Y tế", "Sở Giáo dục và Đào tạo");
    }

    @Test
    void things_written_like_a_group_are_no_actors() {
        NoticeReading reading = reader.readText("""
                Các công trình xây dựng trái phép ven biển: UBND tỉnh yêu cầu xử lý dứt điểm
                Sau khi nghe báo cáo, đồng chí Chủ tịch kết luận các việc trọng tâm trong quý IV, gồm: công tác quản lý đô thị; các nhiệm vụ thực hiện theo kế hoạch chỉnh trang đô thị.
                Theo đó, UBND tỉnh giao UBND thành phố Cam Ranh kiểm tra, xử lý vi phạm, báo cáo Sở Xây dựng trước ngày 20/12/2024.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("UBND thành phố Cam Ranh");
    }

    @Test
    void the_body_that_acts_leads_not_its_head_named_in_the_closing_formula() {
        NoticeReading reading = reader.readText("""
                Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến như sau:
                1. Đồng ý chủ trương điều chỉnh dự án Kè chống sạt lở bờ sông Nậm Na theo đề nghị của Ban Quản lý dự án các công trình giao thông tỉnh.
                2. Ban Quản lý dự án các công trình giao thông tỉnh khẩn trương hoàn thiện hồ sơ điều chỉnh dự án, trình Sở Xây dựng thẩm định trước ngày 15/11/2024. Chủ tịch UBND tỉnh yêu cầu Giám đốc Ban Quản lý dự án các công trình giao thông tỉnh và Thủ trưởng các đơn vị có liên quan triển khai thực hiện.
                """);

        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).leads()).containsExactly("Ban Quản lý dự án các công trình giao thông tỉnh");
        assertThat(reading.items().get(0).deadline()).hasToString("2024-11-15");
    }

    @Test
    void the_head_of_a_body_that_acts_in_the_item_is_read_as_the_body_any_other_office_holder_stays() {
        NoticeReading reading = reader.readText("""
                Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến như sau:
                1. Ban Quản lý dự án đầu tư xây dựng tỉnh khẩn trương lập hồ sơ điều chỉnh dự án. Giao Giám đốc Ban Quản lý dự án đầu tư xây dựng tỉnh chỉ đạo hoàn thành, trình Sở Xây dựng trước ngày 20/12/2024.
                2. Giao Chủ tịch UBND huyện Mường Tè chỉ đạo kiểm tra hiện trường, báo cáo UBND tỉnh trước ngày 25/12/2024.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead)
                .containsExactly("Ban Quản lý dự án đầu tư xây dựng tỉnh", "Chủ tịch UBND huyện Mường Tè");
        assertThat(reading.items().get(0).deadline()).hasToString("2024-12-20");
    }

    @Test
    void a_numbered_item_gives_one_item_per_actor_that_takes_a_part_of_its_work() {
        NoticeReading reading = reader.readText("""
                Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:
                1. UBND các huyện, thành phố rà soát danh sách hộ nghèo, gửi Sở Lao động - Thương binh và Xã hội trước ngày 15/01/2025. Riêng UBND huyện Mường Tè khẩn trương hoàn thành việc rà soát trước ngày 10/01/2025.
                Sở Tài chính kiểm tra, tổng hợp nhu cầu kinh phí hỗ trợ, báo cáo UBND tỉnh trước ngày 25/01/2025.
                2. Giao Sở Y tế chủ trì kiểm tra an toàn thực phẩm dịp Tết.
                Sở Công Thương phối hợp kiểm tra các chợ đầu mối.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead)
                .containsExactly("UBND các huyện, thành phố", "UBND huyện Mường Tè", "Sở Tài chính", "Sở Y tế");
        assertThat(reading.items()).extracting(NoticeItem::deadline).extracting(String::valueOf)
                .containsExactly("2025-01-15", "2025-01-10", "2025-01-25", "null");
    }

    @Test
    void the_heads_of_a_group_of_bodies_are_one_actor_and_asking_them_only_to_carry_it_out_is_a_closing_formula() {
        NoticeReading reading = reader.readText("""
                UBND tỉnh vừa có văn bản về việc treo cờ Tổ quốc dịp Quốc khánh.
                Theo đó, UBND tỉnh giao Sở Văn hóa, Thể thao và Du lịch hướng dẫn việc trang trí, báo cáo UBND tỉnh trước ngày 25/8/2024.
                UBND các xã, phường có trách nhiệm nhắc nhở việc treo cờ ở địa bàn dân cư; Thủ trưởng các cơ quan, đơn vị kiểm tra việc treo cờ ở đơn vị mình.
                Giám đốc Sở Văn hóa, Thể thao và Du lịch và thủ trưởng các sở, ngành liên quan phối hợp triển khai thực hiện, đảm bảo đúng quy định.
                """);

        assertThat(reading.items()).extracting(NoticeItem::lead)
                .containsExactly("Sở Văn hóa, Thể thao và Du lịch", "UBND các xã, phường", "Thủ trưởng các cơ quan, đơn vị");
    }

    @Test
    void sending_a_result_for_collecting_with_no_sender_named_is_the_items_own_task_and_route() {
        NoticeItem item = reader.readText("""
                Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương thực hiện như sau:
                a) Chỉ đạo cơ quan chuyên môn rà soát số liệu nợ đọng xây dựng cơ bản trên địa bàn, gửi Bộ Tài chính trước ngày 30/6/2025 để tổng hợp, trình Thủ tướng Chính phủ.
                b) Bố trí kinh phí thực hiện rà soát trong dự toán năm 2025 của địa phương.
                """).items().get(0);

        assertThat(item.contributions()).isEmpty();
        assertThat(item.leads()).containsExactly("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương");
        assertThat(item.deadline()).hasToString("2025-06-30");
        assertThat(item.submitTo()).contains("Bộ Tài chính");
    }

    @Test
    void the_closing_formula_that_asks_everyone_to_carry_out_the_letter_is_no_part_of_the_last_item() {
        NoticeReading reading = reader.readText(WRAPPED_LETTER);

        assertThat(reading.items()).hasSize(2);
        assertThat(reading.items().get(1).source()).doesNotContain("Căn cứ nội dung chỉ đạo");
    }
}
