package vn.docket.query.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.docket.query.drafts.DraftChanges.Kind;
import vn.docket.query.drafts.DraftChanges.Op;
import vn.docket.query.drafts.DraftChanges.Paragraph;
import vn.docket.query.drafts.DraftChanges.Segment;

class DraftChangesTest {

    static final List<String> V1 = List.of(
            "KẾ HOẠCH",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Cụ thể hóa các mục tiêu của Nghị quyết Đại hội lần thứ XXIII.",
            "II. NHIỆM VỤ",
            "Tổ chức hội nghị quán triệt trong tháng 5.");

    static final List<String> V2 = List.of(
            "KẾ HOẠCH",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Cụ thể hóa các mục tiêu, nhiệm vụ và giải pháp của Nghị quyết Đại hội lần thứ XXIII.",
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            "III. LỘ TRÌNH THỰC HIỆN",
            "Giao Phòng Tài chính - Kế hoạch chủ trì theo dõi, đôn đốc.");

    @Test
    void an_edited_paragraph_shows_the_words_removed_and_added_and_an_unrelated_one_counts_as_removed_and_added() {
        DraftChanges.Changes changes = DraftChanges.between(1, V1, 2, V2);

        assertThat(changes.paragraphs()).extracting(Paragraph::kind).containsExactly(Kind.SAME, Kind.SAME,
                Kind.CHANGED, Kind.CHANGED, Kind.REMOVED, Kind.ADDED, Kind.ADDED);
        assertThat(changes.paragraphs().get(2).segments()).containsExactly(
                new Segment(Op.SAME, "Cụ thể hóa các mục tiêu"),
                new Segment(Op.ADDED, ", nhiệm vụ và giải pháp"),
                new Segment(Op.SAME, "của Nghị quyết Đại hội lần thứ XXIII."));
        assertThat(changes.paragraphs().get(3).segments()).containsExactly(
                new Segment(Op.SAME, "II. NHIỆM VỤ"), new Segment(Op.ADDED, "VÀ GIẢI PHÁP"));
        // Words: 5 added, 3 added, 9 in the removed paragraph, 5 and 12 in the added ones (a lone "-" is no word).
        assertThat(changes.figures()).isEqualTo(new DraftChanges.Figures(2, 1, 2, 2, 5 + 3 + 9 + 5 + 12));
    }

    @Test
    void a_changed_punctuation_mark_is_shown_alone_and_the_word_beside_it_as_kept() {
        DraftChanges.Changes changes = DraftChanges.between(1,
                List.of("Hoàn thành trong năm. Báo cáo UBND thành phố (qua Văn phòng) trước ngày 30/12/2026."), 2,
                List.of("Hoàn thành trong năm; báo cáo UBND thành phố (qua Văn phòng) trước ngày 15/12/2026."));

        assertThat(changes.paragraphs().get(0).segments()).containsExactly(
                new Segment(Op.SAME, "Hoàn thành trong năm"),
                new Segment(Op.REMOVED, ". Báo"),
                new Segment(Op.ADDED, "; báo"),
                new Segment(Op.SAME, "cáo UBND thành phố (qua Văn phòng) trước ngày"),
                new Segment(Op.REMOVED, "30/12/2026"),
                new Segment(Op.ADDED, "15/12/2026"),
                new Segment(Op.SAME, "."));
        // "Báo" and "báo", and the dates: the marks are no words.
        assertThat(changes.figures().wordsChanged()).isEqualTo(4);
    }

    @Test
    void the_same_text_has_no_changes() {
        DraftChanges.Changes changes = DraftChanges.between(1, V1, 2, V1);
        assertThat(changes.figures()).isEqualTo(new DraftChanges.Figures(0, 0, 0, 5, 0));
    }
}
