package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where the issuing body's place comes from when the text names the body by its level only
 * ("UBND tỉnh", "UBND huyện"). Invented wording, in the layouts of letters and portal summaries.
 */
class IssuerReadingTest {

    private final NoticeReader reader = new NoticeReader();

    private static final String TASK = "Giao Sở Tài chính chủ trì rà soát kinh phí, báo cáo UBND tỉnh trước ngày 20/3/2024.\n";

    @Test
    void a_province_named_only_in_the_dateline_completes_the_issuer() {
        NoticeReading reading = reader.readText("""
                Lạng Sơn, ngày 05 tháng 3 năm 2024
                Kính gửi: Sở Tài chính.
                Sau khi xem xét, UBND tỉnh có ý kiến như sau:
                """ + TASK);
        assertThat(reading.notice().issuer()).isEqualTo("UBND tỉnh Lạng Sơn");
    }

    @Test
    void a_province_named_only_in_the_signature_block_completes_the_issuer() {
        NoticeReading reading = reader.readText("Sau khi xem xét, UBND tỉnh có ý kiến như sau:\n" + TASK + """
                Nơi nhận:
                - Như trên;
                - Lưu: VT.
                TM. ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
                KT. CHỦ TỊCH
                PHÓ CHỦ TỊCH
                Nguyễn Văn An
                """);
        assertThat(reading.notice().issuer()).isEqualTo("UBND tỉnh Lạng Sơn");
    }

    @Test
    void a_district_named_by_its_level_takes_the_district_the_text_names() {
        NoticeReading reading = reader.readText("""
                UBND huyện vừa có văn bản gửi các phòng, ban về rà soát kinh phí trên địa bàn huyện Nam Đông.
                Theo đó, UBND huyện giao Phòng Tài chính - Kế hoạch chủ trì rà soát kinh phí, báo cáo UBND huyện trước ngày 20/3/2024.
                """);
        assertThat(reading.notice().issuer()).isEqualTo("UBND huyện Nam Đông");
    }

    @Test
    void a_commune_named_by_its_level_is_not_completed_with_the_town_of_a_thi_xa() {
        NoticeReading reading = reader.readText("""
                UBND xã vừa có văn bản gửi các thôn trên địa bàn thị xã Phúc Yên về rà soát hộ nghèo; xã Ngọc Thanh là xã miền núi của thị xã Phúc Yên.
                Theo đó, UBND xã giao Công an xã chủ trì rà soát, báo cáo UBND xã trước ngày 20/3/2024.
                """);
        assertThat(reading.notice().issuer()).isEqualTo("UBND xã Ngọc Thanh");
    }

    @Test
    void a_ward_named_by_its_level_takes_the_ward_of_the_dateline() {
        NoticeReading reading = reader.readText("""
                Bồ Đề, ngày 05 tháng 3 năm 2024
                UBND phường tổ chức họp giao ban. Đồng chí Chủ tịch giao Công an phường kiểm tra trật tự đô thị tại các chợ.
                """);
        assertThat(reading.notice().issuer()).isEqualTo("UBND phường Bồ Đề");
    }

    @Test
    void a_number_coded_vp_is_issued_by_the_office_of_the_committee_the_text_names() {
        NoticeReading reading = reader.readText("""
                Về việc rà soát kinh phí (1234/VP-KT, ngày 05/3/2024).
                Phó Chủ tịch UBND tỉnh Lạng Sơn có ý kiến như sau:
                """ + TASK);
        assertThat(reading.notice().issuer()).isEqualTo("Văn phòng UBND tỉnh Lạng Sơn");
    }

    @Test
    void an_issuer_whose_place_the_text_never_names_is_kept_with_a_warning_asking_for_it() {
        NoticeReading reading = reader.readText("Sau khi xem xét, UBND tỉnh có ý kiến như sau:\n" + TASK);
        assertThat(reading.notice().issuer()).isEqualTo("UBND tỉnh");
        assertThat(reading.warnings()).filteredOn(w -> w.field().equals("notice.issuer"))
                .singleElement().extracting(ReadingWarning::message).asString().contains("không ghi tên tỉnh");
    }

    @Test
    void a_rule_of_dashes_under_the_issuer_is_not_part_of_its_name() {
        NoticeReading reading = reader.readText("""
                ỦY BAN NHÂN DÂN HUYỆN ĐỒNG HỶ
                ———
                Số: 12/TB-UBND
                THÔNG BÁO
                Kết luận của Chủ tịch UBND huyện tại cuộc họp ngày 05/3/2024
                """ + TASK);
        assertThat(reading.notice().issuer()).isEqualTo("UBND huyện Đồng Hỷ");
    }
}
