package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UnitDirectoryTest {

    private final UnitDirectory directory = UnitDirectory.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            phòng TC-KH                          | Phòng Tài chính - Kế hoạch
            TC-KH                                | Phòng Tài chính - Kế hoạch
            Phòng Tài chính – Kế hoạch           | Phòng Tài chính - Kế hoạch
            PHÒNG TÀI CHÍNH - KẾ HOẠCH           | Phòng Tài chính - Kế hoạch
            phòng Văn hóa - Thông tin thành phố  | Phòng Văn hóa và Thông tin
            Phòng Văn hoá và Thông tin           | Phòng Văn hóa và Thông tin
            VH-TT                                | Phòng Văn hóa và Thông tin
            Phòng VHTT                           | Phòng Văn hóa và Thông tin
            QLĐT                                 | Phòng Quản lý đô thị
            phòng QLĐT                           | Phòng Quản lý đô thị
            Phòng Kinh tế thành phố              | Phòng Kinh tế
            Phòng Kinh tế TP                     | Phòng Kinh tế
            phòng GD-ĐT                          | Phòng Giáo dục và Đào tạo
            Phòng Giáo dục và Đào tạo thành phố  | Phòng Giáo dục và Đào tạo
            Ban CHQS thành phố                   | Ban Chỉ huy Quân sự thành phố
            Ban Chỉ huy Quân sự thành phố        | Ban Chỉ huy Quân sự thành phố
            Trung tâm Phát triển quỹ đất         | Trung tâm Phát triển quỹ đất thành phố
            Phòng LĐ-TB&XH                       | Phòng Lao động - Thương binh và Xã hội
            Sở Văn hóa, Thể thao và Du lịch      | Sở Văn hóa, Thể thao và Du lịch
            Sở KH&ĐT                             | Sở Kế hoạch và Đầu tư
            Công an tỉnh                         | Công an tỉnh
            Công an thành phố                    | Công an thành phố
            Văn phòng Chính phủ                  | Văn phòng Chính phủ
            Tài chính - Kế hoạch                 | Phòng Tài chính - Kế hoạch
            """)
    void resolves_aliases_to_the_canonical_name(String mention, String canonical) {
        assertThat(directory.resolve(mention)).map(Unit::name).contains(canonical);
    }

    @Test
    void a_unit_of_the_office_typed_another_way_is_stored_under_its_name_and_any_other_name_as_typed() {
        assertThat(directory.nameOf("TC-KH")).isEqualTo("Phòng Tài chính - Kế hoạch");
        assertThat(directory.nameOf("Phòng Tài chính – Kế hoạch")).isEqualTo("Phòng Tài chính - Kế hoạch");
        assertThat(directory.nameOf("phòng QLĐT")).isEqualTo("Phòng Quản lý đô thị");
        assertThat(directory.nameOf("Phòng Kinh tế")).isEqualTo("Phòng Kinh tế");
        // Not the office's own: a body of the country keeps its name as written, as does one no directory knows.
        assertThat(directory.nameOf("Văn phòng Chính phủ")).isEqualTo("Văn phòng Chính phủ");
        assertThat(directory.nameOf("Ban Quản lý chợ Đồng Xoài")).isEqualTo("Ban Quản lý chợ Đồng Xoài");
        assertThat(directory.nameOf(null)).isNull();
    }

    @Test
    void does_not_resolve_generic_or_unknown_mentions() {
        assertThat(directory.resolve("các cơ quan liên quan")).isEmpty();
        assertThat(directory.resolve("Ban Quản lý chợ Đồng Xoài")).isEmpty();
        assertThat(directory.resolve("Phòng Y tế dự phòng")).isEmpty();
        assertThat(directory.isGeneric("các cơ quan, đơn vị")).isTrue();
    }

    @Test
    void a_group_goes_on_over_co_lien_quan_and_stops_at_the_next_body() {
        assertThat(directory.leading("các ngành có liên quan và UBND các xã rà soát số liệu"))
                .extracting(UnitMention::display).containsExactly("các ngành có liên quan", "UBND các xã");
    }

    @Test
    void a_passive_clause_before_a_duty_says_which_bodies_of_a_group_and_without_a_duty_it_is_the_verb() {
        assertThat(directory.leading("UBND cấp xã được hình thành sau sắp xếp có trách nhiệm tiếp nhận hồ sơ"))
                .extracting(UnitMention::written).containsExactly("UBND cấp xã được hình thành sau sắp xếp");
        assertThat(directory.leading("các xã được giao phụ trách vùng biên phải rà soát số hộ"))
                .extracting(UnitMention::written).containsExactly("các xã được giao phụ trách vùng biên");
        assertThat(directory.leading("các đơn vị được giao nhiệm vụ tại Mục 2 phải báo cáo kết quả"))
                .extracting(UnitMention::written).containsExactly("các đơn vị được giao nhiệm vụ tại Mục 2");
        assertThat(directory.leading("các xã được hỗ trợ kinh phí, có trách nhiệm báo cáo"))
                .extracting(UnitMention::written).containsExactly("các xã");
        assertThat(directory.leading("các xã được hỗ trợ kinh phí làm đường giao thông nông thôn"))
                .extracting(UnitMention::written).containsExactly("các xã");
    }

    @Test
    void a_council_named_in_full_before_cac_is_a_group_of_bodies_not_one_unit() {
        assertThat(directory.leading("Hội đồng nhân dân các xã, thị trấn và Ủy ban nhân dân các xã giám sát việc chi trả"))
                .extracting(UnitMention::written, UnitMention::kind)
                .containsExactly(tuple("Hội đồng nhân dân các xã, thị trấn", UnitMention.Kind.GENERIC),
                        tuple("Ủy ban nhân dân các xã", UnitMention.Kind.GENERIC));
    }

    @Test
    void the_heads_of_a_group_of_committees_are_a_group_not_one_unknown_unit() {
        assertThat(directory.leading("Chủ tịch UBND các xã, thị trấn và Chủ tịch Ủy ban nhân dân các huyện chỉ đạo rà soát"))
                .extracting(UnitMention::written, UnitMention::kind)
                .containsExactly(tuple("Chủ tịch UBND các xã, thị trấn", UnitMention.Kind.GENERIC),
                        tuple("Chủ tịch Ủy ban nhân dân các huyện", UnitMention.Kind.GENERIC));
    }

    @Test
    void the_head_of_a_body_the_directory_knows_is_one_actor_not_an_unknown_unit() {
        assertThat(directory.leading("Chủ tịch UBND huyện Bình Xuyên chỉ đạo"))
                .extracting(UnitMention::written, UnitMention::kind)
                .containsExactly(tuple("Chủ tịch UBND huyện Bình Xuyên", UnitMention.Kind.KNOWN));
        assertThat(directory.leading("Giám đốc Sở Tài chính chủ trì"))
                .extracting(UnitMention::written, UnitMention::kind)
                .containsExactly(tuple("Giám đốc Sở Tài chính", UnitMention.Kind.KNOWN));
        // The head of a body nobody listed is still for the clerk to check.
        assertThat(directory.leading("Giám đốc Ban Quản lý dự án giao thông chủ trì"))
                .extracting(UnitMention::kind).containsExactly(UnitMention.Kind.UNKNOWN);
    }

    @Test
    void a_phrase_that_begins_like_a_body_but_names_none_is_no_unit() {
        assertThat(directory.leading("Trường hợp có sai lệch kết quả thì báo cáo UBND huyện")).isEmpty();
        assertThat(directory.leading("Phòng, chống dịch bệnh trên địa bàn")).isEmpty();
        assertThat(directory.leading("Trường Tiểu học Kim Đồng có trách nhiệm tiếp nhận"))
                .extracting(UnitMention::written).containsExactly("Trường Tiểu học Kim Đồng");
    }

    @Test
    void lists_the_units_of_a_running_sentence_in_order() {
        List<UnitMention> units = directory.leading("phòng Kinh tế, QLĐT, VH-TT, Ban CHQS thành phố): Chịu trách nhiệm");
        assertThat(units).extracting(UnitMention::display).containsExactly(
                "Phòng Kinh tế", "Phòng Quản lý đô thị", "Phòng Văn hóa và Thông tin", "Ban Chỉ huy Quân sự thành phố");
    }

    @Test
    void keeps_generic_mentions_as_written_and_marks_unknown_units() {
        assertThat(directory.leading("các cơ quan, đơn vị căn cứ chức năng")).singleElement()
                .satisfies(u -> {
                    assertThat(u.display()).isEqualTo("các cơ quan, đơn vị");
                    assertThat(u.kind()).isEqualTo(UnitMention.Kind.GENERIC);
                });
        List<UnitMention> units = directory.leading("Sở Y tế và Trung tâm Kiểm soát bệnh tật tỉnh chủ trì");
        assertThat(units).extracting(UnitMention::display).containsExactly("Sở Y tế", "Trung tâm Kiểm soát bệnh tật tỉnh");
        assertThat(units.get(1).kind()).isEqualTo(UnitMention.Kind.UNKNOWN);
    }

    @Test
    void a_shorthand_list_without_a_colon_names_each_body_and_ends_where_the_names_do() {
        List<UnitMention> units = directory.leading("các Sở Tư pháp, Nội vụ và Tài chính, UBND các huyện kiểm tra");
        assertThat(directory.members(units.get(0))).containsExactly("Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính");
        assertThat(units).extracting(UnitMention::display).last().isEqualTo("UBND các huyện");
        assertThat(directory.leading("các Bộ, ngành liên quan")).extracting(UnitMention::kind).containsExactly(UnitMention.Kind.GENERIC);
    }

    @Test
    void does_not_take_so_the_number_word_for_so_the_department() {
        assertThat(directory.leading("số 415/UBND-VP ngày 02/3/2021")).isEmpty();
    }

    @Test
    void knows_the_ministries_the_provinces_and_their_departments_of_the_whole_country() {
        assertThat(directory.resolve("Bộ NN&MT")).map(Unit::name).contains("Bộ Nông nghiệp và Môi trường");
        assertThat(directory.resolve("Sở KH&ĐT")).map(Unit::name).contains("Sở Kế hoạch và Đầu tư");
        assertThat(directory.resolve("Sở Nông nghiệp và Môi trường tỉnh Lào Cai")).map(Unit::name).contains("Sở Nông nghiệp và Môi trường");
        assertThat(directory.resolve("Ủy ban nhân dân tỉnh Vĩnh Phúc")).map(Unit::name).contains("UBND tỉnh Vĩnh Phúc");
        assertThat(directory.resolve("Ủy ban nhân dân Thành phố Hồ Chí Minh")).map(Unit::name).contains("UBND thành phố Hồ Chí Minh");
        assertThat(directory.leading("UBND huyện Bình Xuyên chỉ đạo UBND xã Quất Lưu"))
                .extracting(UnitMention::kind).containsExactly(UnitMention.Kind.KNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Phòng Tài chính - Kế hoạch giải thích các khoản chi vượt dự toán      | Phòng Tài chính - Kế hoạch
            Sở Tư pháp giải đáp vướng mắc của người dân về hộ tịch                | Sở Tư pháp
            Phòng Quản lý đô thị giải tỏa hành lang an toàn giao thông            | Phòng Quản lý đô thị
            Công an tỉnh xác minh nguồn gốc số tiền được chuyển                   | Công an tỉnh
            Sở Tài nguyên và Môi trường xác định lại ranh giới khu đất            | Sở Tài nguyên và Môi trường
            Trung tâm Phát triển quỹ đất kiểm đếm tài sản trên đất bị thu hồi     | Trung tâm Phát triển quỹ đất
            Sở Xây dựng thu hồi giấy phép đã cấp không đúng quy định              | Sở Xây dựng
            Phòng Kinh tế cưỡng chế tháo dỡ các quầy hàng lấn chiếm               | Phòng Kinh tế
            Sở Tài chính cân đối nguồn ngân sách còn lại của năm                  | Sở Tài chính
            Sở Nội vụ kiện toàn tổ chức bộ máy của các phòng chuyên môn           | Sở Nội vụ
            Thanh tra tỉnh tiến hành thanh tra việc quản lý đất công              | Thanh tra tỉnh
            Sở Giao thông vận tải yêu cầu nhà thầu đẩy nhanh tiến độ thi công     | Sở Giao thông vận tải
            Sở Y tế nộp hồ sơ đề nghị thanh toán kinh phí chống dịch              | Sở Y tế
            Bộ Tài chính tạm ứng kinh phí cho các địa phương bị thiệt hại          | Bộ Tài chính
            Sở Công Thương kiến nghị điều chỉnh giá điện sinh hoạt                | Sở Công Thương
            Phòng Tài nguyên và Môi trường nghiệm thu kết quả đo đạc lại          | Phòng Tài nguyên và Môi trường
            """)
    void a_unit_of_the_directory_ends_where_the_verb_opening_its_task_begins(String sentence, String unit) {
        assertThat(directory.leading(sentence)).extracting(UnitMention::written, UnitMention::kind)
                .containsExactly(tuple(unit, UnitMention.Kind.KNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Sở Xây dựng giải tỏa hành lang an toàn giao thông", "Sở Xây dựng giải toả hành lang an toàn giao thông"})
    void a_verb_ends_the_unit_name_whichever_vowel_carries_its_tone_mark(String sentence) {
        assertThat(directory.leading(sentence)).extracting(UnitMention::written, UnitMention::kind)
                .containsExactly(tuple("Sở Xây dựng", UnitMention.Kind.KNOWN));
    }

    @Test
    void the_verbs_that_end_a_unit_name_are_listed_once_whichever_vowel_carries_the_tone_mark() {
        List<String> verbs = Words.list("verbsAfterUnit");
        assertThat(verbs.stream().map(Words::spelling).distinct().toList()).hasSameSizeAs(verbs);
        assertThat(Words.spelling("giải toả")).isEqualTo(Words.spelling("giải tỏa"));
        assertThat(Words.spelling("thuỷ lợi")).isEqualTo("thủy lợi");
        // Only where the syllable ends: "hoàn" has one spelling, and it is kept.
        assertThat(Words.spelling("hoàn thành")).isEqualTo("hoàn thành");
    }

    @Test
    void a_unit_name_holding_a_verb_phrase_runs_on_to_its_level() {
        assertThat(directory.leading("Ban Quản lý dự án đầu tư xây dựng tỉnh khẩn trương hoàn thành hồ sơ"))
                .extracting(UnitMention::written).containsExactly("Ban Quản lý dự án đầu tư xây dựng tỉnh");
    }

    @Test
    void loads_a_directory_the_office_edits() throws Exception {
        String json = """
                {"units": [{"name": "Phòng Dân tộc", "aliases": ["PDT"]}], "generic": ["các xóm"]}
                """;
        UnitDirectory custom = UnitDirectory.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(custom.all()).extracting(Unit::name).containsExactly("Phòng Dân tộc");
        assertThat(custom.resolve("phòng PDT")).map(Unit::name).contains("Phòng Dân tộc");
        assertThat(custom.isGeneric("các xóm")).isTrue();
    }

    @Test
    void the_bundled_directory_has_city_provincial_and_central_units() {
        assertThat(directory.all()).extracting(Unit::name)
                .contains("Phòng Tài chính - Kế hoạch", "Sở Xây dựng", "Bộ Tài chính", "Văn phòng Chính phủ")
                .doesNotHaveDuplicates();
    }
}
