package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Letters (công văn), portal summaries and news reports of meetings: the other documents that
 * assign tasks besides formal conclusion notices. Invented wording in the layouts of the shared
 * corpus.
 */
class LetterReadingTest {

    private final NoticeReader reader = new NoticeReader();

    private static final String LETTER = """
            VĂN PHÒNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 1234/VPCP-KTN
            Hà Nội, ngày 18 tháng 11 năm 2016
            Kính gửi: Bộ Y tế.
            Ngày 07 tháng 11 năm 2016, báo Thanh niên có bài viết về việc cấp phép thuốc. Về việc này, Phó Thủ tướng có ý kiến như sau:
            Giao Bộ Y tế kiểm tra, làm rõ, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 11 năm 2016.
            Văn phòng Chính phủ thông báo để Bộ Y tế biết, thực hiện./.
            Nơi nhận:
            - Như trên;
            - Sở Y tế thành phố Hà Nội chủ trì theo dõi;
            KT. BỘ TRƯỞNG, CHỦ NHIỆM
            Lê Mạnh Hà
            """;

    @Test
    void a_letter_has_no_meeting_date_even_when_it_dates_a_cited_article() {
        NoticeReading reading = reader.readText(LETTER);
        assertThat(reading.notice().meetingOn()).isNull();
        assertThat(reading.notice().chair()).isNull();
        assertThat(reading.notice().issuedOn()).hasToString("2016-11-18");
    }

    @Test
    void a_letter_is_not_doubted_for_naming_no_meeting_while_a_notice_without_one_is() {
        assertThat(reader.readText(LETTER).warnings()).extracting(ReadingWarning::field)
                .doesNotContain("notice.meetingOn", "notice.chair");

        // The same text as a conclusion notice, addressed to no one: its meeting is missing, and the clerk is told.
        NoticeReading notice = reader.readText(LETTER.replace("Số: 1234/VPCP-KTN", "Số: 1234/TB-VPCP")
                .replace("Kính gửi: Bộ Y tế.\n", ""));
        assertThat(notice.warnings()).extracting(ReadingWarning::field).contains("notice.meetingOn", "notice.chair");
    }

    @Test
    void the_issuer_is_read_from_a_header_table_converted_into_a_row_of_cells() {
        assertThat(reader.readText(LETTER).notice().issuer()).isEqualTo("Văn phòng Chính phủ");
    }

    @Test
    void the_distribution_list_after_noi_nhan_gives_no_item() {
        NoticeReading reading = reader.readText(LETTER.replace("Văn phòng Chính phủ thông báo để Bộ Y tế biết, thực hiện./.\n", ""));
        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).lead()).isEqualTo("Bộ Y tế");
        assertThat(reading.notice().signer()).isEqualTo("Lê Mạnh Hà");
    }

    @Test
    void a_web_page_clock_is_not_the_meeting_date() {
        NoticeReading reading = reader.readText("""
                Thứ hai, 29/3/2022 08:15:02 AM
                UBND phường họp thường kỳ tháng 3/2022
                Sáng ngày 28/3/2022, tại phòng họp 1, UBND phường tổ chức họp thường kỳ tháng 3/2022. Đồng chí Nguyễn Văn Luyện – Chủ tịch UBND phường chủ trì hội nghị.
                Kết luận hội nghị, đồng chí Chủ tịch giao Phòng Y tế kiểm tra an toàn thực phẩm tại các trường học.
                """);
        assertThat(reading.notice().meetingOn()).hasToString("2022-03-28");
        assertThat(reading.notice().chair()).isEqualTo("Nguyễn Văn Luyện");
    }

    @Test
    void a_place_name_that_begins_like_a_family_name_is_not_the_chair() {
        NoticeReading reading = reader.readText("""
                Ngày 08/01/2016, UBND tỉnh ban hành Công văn số 23/UBND-TN về báo cáo môi trường.
                Theo đó, giao Sở Tài nguyên và Môi trường chủ trì, phối hợp Ban Quản lý Khu kinh tế cửa khẩu Ma Lù Thàng xây dựng báo cáo, gửi Bộ Tài nguyên và Môi trường trước ngày 31/01/2016.
                """);
        assertThat(reading.notice().chair()).isNull();
        assertThat(reading.notice().meetingOn()).isNull();
        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).deadline()).hasToString("2016-01-31");
    }

    @Test
    void a_date_without_a_year_takes_the_year_of_the_page() {
        NoticeReading reading = reader.readText("""
                10:12, 01/12/2021
                Theo đó, UBND tỉnh giao UBND huyện Khánh Vĩnh khẩn trương báo cáo kết quả xử lý vi phạm, gửi Sở Xây dựng trước ngày 3-12.
                """);
        assertThat(reading.notice().meetingOn()).isNull();
        assertThat(reading.items()).extracting(NoticeItem::deadline).extracting(String::valueOf).contains("2021-12-03");
    }

    @Test
    void an_office_holder_asked_to_act_is_the_lead() {
        NoticeReading reading = reader.readText("""
                Phó Thủ tướng có ý kiến chỉ đạo như sau:
                Yêu cầu Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên chỉ đạo cơ quan công an kiểm tra, xác minh, báo cáo Thủ tướng Chính phủ trước ngày 01 tháng 01 năm 2017.
                """);
        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).lead()).isEqualTo("Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên");
        assertThat(reading.items().get(0).deadline()).hasToString("2017-01-01");
    }

    @Test
    void a_body_opening_a_directive_sentence_is_the_lead_without_an_assigning_verb() {
        NoticeReading reading = reader.readText("""
                Xét báo cáo về dư luận liên quan đến thuốc, Thủ tướng Chính phủ có ý kiến như sau:
                Bộ Y tế tăng cường công tác quản lý, chỉ đạo, hướng dẫn việc cấp phép lưu hành thuốc.
                """);
        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("Bộ Y tế");
    }

    @Test
    void a_shorthand_list_of_ministries_names_each_ministry() {
        NoticeReading reading = reader.readText("""
                Về đề nghị của tỉnh, Phó Thủ tướng có ý kiến như sau:
                Giao các Bộ: Tài chính, Kế hoạch và Đầu tư xem xét, xử lý theo thẩm quyền, báo cáo Thủ tướng Chính phủ.
                """);
        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).leads()).containsExactly("Bộ Tài chính", "Bộ Kế hoạch và Đầu tư");
    }

    @Test
    void a_shorthand_list_of_three_ministries_without_a_colon_names_each_ministry() {
        NoticeReading reading = reader.readText("""
                Về kiến nghị của Hiệp hội, Phó Thủ tướng có ý kiến như sau:
                Giao các Bộ Tư pháp, Tài nguyên và Môi trường, Nội vụ nghiên cứu, trả lời kiến nghị theo thẩm quyền.
                """);
        assertThat(reading.items()).hasSize(1);
        assertThat(reading.items().get(0).leads()).containsExactly("Bộ Tư pháp", "Bộ Tài nguyên và Môi trường", "Bộ Nội vụ");
    }

    @Test
    void a_pasted_letter_opening_with_a_task_without_a_full_stop_keeps_that_task() {
        NoticeReading reading = reader.readText("""
                Giao Sở Xây dựng kiểm tra an toàn các chung cư cũ trên địa bàn, báo cáo UBND tỉnh trước ngày 15/7/2026
                Giao Công an tỉnh hướng dẫn các hộ dân phòng cháy tại nhà trọ
                """);
        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("Sở Xây dựng", "Công an tỉnh");
        assertThat(reading.items().get(0).deadline()).hasToString("2026-07-15");
    }

    @Test
    void words_run_together_in_a_web_copy_are_read_apart() {
        NoticeReading reading = reader.readText("""
                Về đề nghị của tỉnh, Phó Thủ tướng có ý kiến như sau:
                Giao Bộ Kếhoạch và Đầu tư thẩm định nguồn vốn, báo cáo Thủ tướng Chính phủ trong thờihạn 07 ngày làm việc kể từ ngày ký.
                Giao Bộ Tài chính bố trí kinh phí, hoàn thành trước ngày 20 tháng8 năm 2026.
                """);
        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính");
        assertThat(reading.items().get(0).deadlineText()).isEqualTo("trong thời hạn 07 ngày làm việc kể từ ngày ký");
        assertThat(reading.items().get(1).deadline()).hasToString("2026-08-20");
    }

    @Test
    void lettered_tasks_under_topic_sections_take_their_actor_from_the_lead_in() {
        NoticeReading reading = reader.readText("""
                Để triển khai các quy định mới, Bộ kính đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo thực hiện các nhiệm vụ cụ thể như sau:
                1. Về giảm nhẹ phát thải khí nhà kính
                a) Chỉ đạo cơ quan chuyên môn rà soát số liệu tiêu thụ năng lượng.
                b) Tiếp nhận, rà soát và tổng hợp kết quả kiểm kê khí nhà kính.
                2. Về thị trường các-bon
                a) Phối hợp với Bộ Tài chính xây dựng sàn giao dịch các-bon.
                """);
        assertThat(reading.items()).hasSize(3);
        assertThat(reading.items()).extracting(NoticeItem::lead)
                .containsOnly("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương");
        assertThat(reading.warnings()).anySatisfy(w -> assertThat(w.message()).contains("câu dẫn"));
    }

    @Test
    void a_generic_group_opening_a_directive_sentence_is_the_lead_group() {
        NoticeReading reading = reader.readText("""
                Văn phòng Chính phủ đề nghị các Bộ, cơ quan báo cáo tình hình trong dịp nghỉ Lễ như sau:
                - Bộ Công an báo cáo nhanh tình hình từng ngày, gửi Văn phòng Chính phủ.
                Các tỉnh, thành phố khác kịp thời báo cáo về những vấn đề phát sinh nếu có trước 14h ngày 03/5/2021.
                """);
        assertThat(reading.items()).hasSize(3);
        NoticeItem others = reading.items().get(2);
        assertThat(others.lead()).isEqualTo("Các tỉnh, thành phố khác");
        assertThat(others.deadline()).hasToString("2021-05-03");
    }

    @Test
    void a_body_that_hands_work_on_is_not_the_lead() {
        NoticeReading reading = reader.readText("""
                Ủy ban nhân dân thành phố Hà Nội đề nghị các cơ quan, đơn vị của Trung ương treo cờ Tổ quốc tại trụ sở.
                """);
        assertThat(reading.items()).extracting(NoticeItem::lead).containsExactly("các cơ quan, đơn vị");
        assertThat(reading.items().get(0).leads()).doesNotContain("Ủy ban nhân dân thành phố Hà Nội");
    }

    @Test
    void two_actors_joined_by_a_semicolon_give_two_items() {
        NoticeReading reading = reader.readText("""
                Ủy ban nhân dân thành phố đề nghị các cơ quan treo cờ Tổ quốc.
                Ủy ban nhân dân các phường, xã có trách nhiệm chỉ đạo, kiểm tra việc treo cờ ở địa bàn dân cư; Công an thành phố kiểm tra, bảo đảm an ninh trật tự.
                """);
        assertThat(reading.items()).extracting(NoticeItem::lead)
                .containsExactly("các cơ quan", "Ủy ban nhân dân các phường, xã", "Công an thành phố");
    }

    @Test
    void an_approval_paragraph_is_context_not_an_item() {
        NoticeReading reading = reader.readText("""
                Xét báo cáo của Bộ Tài nguyên và Môi trường, Phó Thủ tướng có ý kiến như sau:
                1. Đồng ý với nội dung báo cáo của Bộ Tài nguyên và Môi trường về công tác quản lý tài nguyên nước.
                2. Giao Bộ Tài nguyên và Môi trường chủ trì, phối hợp với các Bộ, ngành liên quan xây dựng Chương trình, trình Thủ tướng Chính phủ trong Quý II năm 2014.
                """);
        assertThat(reading.items()).hasSize(1);
        NoticeItem task = reading.items().get(0);
        assertThat(task.ordinal()).isEqualTo(1);
        assertThat(task.lead()).isEqualTo("Bộ Tài nguyên và Môi trường");
        assertThat(task.deadline()).isNull();
        assertThat(task.deadlineText()).isEqualTo("trong Quý II năm 2014");
        assertThat(reading.warnings()).anySatisfy(w -> assertThat(w.message()).contains("không giao việc"));
    }

    @Test
    void the_result_reported_up_to_the_prime_minister_is_the_route() {
        NoticeReading reading = reader.readText("""
                Phó Thủ tướng có ý kiến chỉ đạo như sau:
                Yêu cầu Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên chỉ đạo kiểm tra, xác minh, báo cáo kết quả lên Thủ tướng Chính phủ.
                """);
        assertThat(reading.items().get(0).submitTo()).containsExactly("Thủ tướng Chính phủ");
    }

    @Test
    void a_portal_summary_gives_the_number_date_and_issuer_of_the_letter_it_reports() {
        NoticeReading reading = reader.readText("""
                Ngày 21/ 5, UBND tỉnh Lai Châu ban hành Công văn số 846 /UBND-TH về việc báo cáo giải ngân vốn đầu tư công năm 2019.
                Công văn nêu rõ: UBND tỉnh nhận được Công văn số 3145/BKHĐT-KTĐPLT ngày 15/5/2019 của Bộ Kế hoạch và Đầu tư.
                Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp báo cáo, gửi Văn phòng UBND tỉnh trước ngày 24/5/2019.
                """);
        assertThat(reading.notice().number()).isEqualTo("846/UBND-TH");
        assertThat(reading.notice().issuedOn()).hasToString("2019-05-21");
        assertThat(reading.notice().issuer()).isEqualTo("UBND tỉnh Lai Châu");
        assertThat(reading.warnings()).anySatisfy(w -> assertThat(w.field()).isEqualTo("notice.issuedOn"));
    }

    @Test
    void an_issuer_named_by_its_level_only_takes_the_province_the_text_is_about() {
        NoticeReading reading = reader.readText("""
                Tăng cường phòng chống dịch bệnh trên đàn gia súc
                Chủ tịch UBND tỉnh Phạm Văn Hùng yêu cầu Sở Nông nghiệp và Phát triển nông thôn khẩn trương kiểm tra các ổ dịch trên địa bàn tỉnh Hà Giang, báo cáo trước ngày 20/3/2024.
                """);
        assertThat(reading.notice().issuer()).isEqualTo("UBND tỉnh Hà Giang");
        assertThat(reading.warnings()).anyMatch(w -> w.field().equals("notice.issuer"));
    }

    @Test
    void an_issuer_that_sent_the_letter_in_the_passive_is_the_issuer() {
        NoticeReading reading = reader.readText("""
                Đó là nội dung văn bản về công tác phòng chống thiên tai vừa được Văn phòng Chính phủ gửi các bộ, ngành và địa phương.
                Văn bản yêu cầu Bộ Nông nghiệp và Phát triển nông thôn chủ trì theo dõi tình hình mưa lũ.
                """);
        assertThat(reading.notice().issuer()).isEqualTo("Văn phòng Chính phủ");
    }

    @Test
    void a_department_under_a_province_heading_carries_the_province() {
        NoticeReading reading = reader.readText("""
                ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
                SỞ KẾ HOẠCH VÀ ĐẦU TƯ
                Số: 120/SKHĐT-TH
                Yên Bái, ngày 02 tháng 3 năm 2024
                Kính gửi: Sở Tài chính.
                Đề nghị Sở Tài chính rà soát, gửi ý kiến về Sở Kế hoạch và Đầu tư trước ngày 10/3/2024.
                """);
        assertThat(reading.notice().issuer()).isEqualTo("Sở Kế hoạch và Đầu tư tỉnh Yên Bái");
        assertThat(reading.items().get(0).submitTo()).containsExactly("Sở Kế hoạch và Đầu tư");
    }

    @Test
    void a_portal_title_ending_with_the_number_and_date_gives_them() {
        NoticeReading reading = reader.readText("""
                Về việc kiểm tra an toàn hồ đập trước mùa mưa lũ (1207/VP-NN, ngày 14/5/2022).
                Thực hiện Công văn số 456/BNN-TCTL ngày 10/5/2022 của Bộ Nông nghiệp và Phát triển nông thôn, Chủ tịch UBND tỉnh có ý kiến như sau:
                Giao Sở Nông nghiệp và Phát triển nông thôn kiểm tra các hồ đập, báo cáo UBND tỉnh trước ngày 30/5/2022.
                """);
        assertThat(reading.notice().number()).isEqualTo("1207/VP-NN");
        assertThat(reading.notice().issuedOn()).hasToString("2022-05-14");
    }

    @Test
    void a_reported_date_written_in_words_is_the_issue_date() {
        NoticeReading reading = reader.readText("""
                Ngày 12 tháng 03 năm 2015, Bộ Tư pháp ban hành Thông báo số 845/TB-BTP về việc rà soát văn bản.
                Các đơn vị gửi kết quả rà soát về Văn phòng Bộ trước ngày 30/3/2015.
                """);
        assertThat(reading.notice().number()).isEqualTo("845/TB-BTP");
        assertThat(reading.notice().issuedOn()).hasToString("2015-03-12");
        assertThat(reading.notice().issuer()).isEqualTo("Bộ Tư pháp");
    }

    @Test
    void a_trailing_citation_gives_the_number_and_date_and_a_cited_number_in_the_text_does_not() {
        NoticeReading reading = reader.readText("""
                Thực hiện Công văn số 11034/VPCP-KGVX ngày 17/10/2017 của Văn phòng Chính phủ, Chủ tịch UBND tỉnh giao Sở Tài nguyên và Môi trường chủ trì, báo cáo Bộ Tài nguyên và Môi trường.
                (Theo Công văn số 1598/UBND-TH, ngày 3/4/2024)
                """);
        assertThat(reading.notice().number()).isEqualTo("1598/UBND-TH");
        assertThat(reading.notice().issuedOn()).hasToString("2024-04-03");
    }

    @Test
    void the_issuer_of_a_flattened_two_column_header_is_read_across_the_motto() {
        NoticeReading reading = reader.readText("""
                ỦY BAN NHÂN DÂN                       CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                  TỈNH LÀO CAI                                Độc lập - Tự do - Hạnh phúc
                  Số: 9387 /UBND-KT                       Lào Cai, ngày 15 tháng 9 năm 2026
                Kính gửi: Sở Nông nghiệp và Môi trường.
                Giao Sở Nông nghiệp và Môi trường chủ trì xây dựng dự thảo Kế hoạch, xong trước ngày 05/10/2026.
                """);
        assertThat(reading.notice().issuer()).isEqualTo("UBND tỉnh Lào Cai");
        assertThat(reading.notice().number()).isEqualTo("9387/UBND-KT");
        assertThat(reading.notice().issuedOn()).hasToString("2026-09-15");
    }

    @Test
    void a_body_of_another_level_is_not_taken_for_the_directory_unit_of_the_same_name() {
        NoticeReading reading = reader.readText("""
                Giao Trung tâm Phát triển Quỹ đất tỉnh chủ trì rà soát hồ sơ bồi thường, báo cáo đề xuất UBND huyện.
                """);
        NoticeItem item = reading.items().get(0);
        assertThat(item.lead()).isEqualTo("Trung tâm Phát triển Quỹ đất tỉnh");
        assertThat(item.unknownUnits()).containsExactly("Trung tâm Phát triển Quỹ đất tỉnh");
    }

    @Test
    void a_unit_that_collects_and_sends_the_result_on_is_the_lead_of_its_own_task() {
        NoticeReading reading = reader.readText("""
                Theo đó, UBND tỉnh giao UBND huyện Khánh Vĩnh khẩn trương tổng hợp, báo cáo kết quả xử lý vi phạm, gửi Sở Xây dựng trước ngày 03/12/2021.
                """);
        NoticeItem item = reading.items().get(0);
        assertThat(item.lead()).isEqualTo("UBND huyện Khánh Vĩnh");
        assertThat(item.deadline()).hasToString("2021-12-03");
        assertThat(item.contributions()).isEmpty();
    }

    @Test
    void a_generic_coordinator_keeps_co_lien_quan() {
        NoticeReading reading = reader.readText("""
                Giao Bộ Tài chính chủ trì, phối hợp với Bộ Tài nguyên và Môi trường và các cơ quan có liên quan nghiên cứu đề nghị của tỉnh.
                """);
        assertThat(reading.items().get(0).coordinators()).containsExactly("Bộ Tài nguyên và Môi trường", "các cơ quan có liên quan");
    }
}
