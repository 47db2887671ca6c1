package vn.docket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void folded_text_ignores_case_and_tone_marks_so_a_search_finds_what_was_typed_without_them() {
        assertThat(Text.folded("Kế hoạch Đô thị")).isEqualTo("ke hoach do thi");
        assertThat(Text.folded("Nguyễn Thị Lan")).isEqualTo("nguyen thi lan");
    }

    @Test
    void folded_text_is_the_same_for_composed_and_decomposed_input() {
        String composed = "Phòng Tài chính - Kế hoạch";
        assertThat(Text.folded(Normalizer.normalize(composed, Normalizer.Form.NFD))).isEqualTo(Text.folded(composed));
    }

    @Test
    void clean_text_is_nfc_with_single_spaces() {
        assertThat(Text.clean("  Phòng \u00A0 Kinh tế ")).isEqualTo("Phòng Kinh tế");
        assertThat(Text.clean(Normalizer.normalize("Kế hoạch", Normalizer.Form.NFD))).isEqualTo("Kế hoạch");
        assertThat(Text.clean("   ")).isNull();
    }
}
