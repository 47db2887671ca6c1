package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The requirements of a "revise" conclusion become revision points: only the things to revise or add. */
class RequirementReadingTest {

    private final NoticeReader reader = new NoticeReader();

    private List<String> requirementsOf(String item) {
        NoticeReading reading = reader.readText("""
                Số: 311/TB-UBND
                TP. Lạng Sơn, ngày 15 tháng 4 năm 2021
                THÔNG BÁO
                Ngày 13/4/2021, đồng chí Nguyễn Văn Hạnh - Chủ tịch UBND thành phố chủ trì cuộc họp, kết luận như sau:
                """ + item + """

                Trên đây là kết luận của Chủ tịch UBND thành phố.
                Lăng Thị Trịnh
                """);
        return reading.items().get(0).requirements();
    }

    @Test
    void praise_for_the_unit_in_item_one_of_notice_311_is_not_a_point_to_revise() throws IOException {
        String text = Files.readString(NoticeCorpus.sharedNotices().resolve("000_3625d3d5715c8dde.txt"));
        List<String> requirements = reader.readText(text).items().get(0).requirements();
        assertThat(requirements).noneMatch(r -> r.contains("đánh giá cao"));
        assertThat(requirements.get(0)).startsWith("Yêu cầu chỉnh sửa bố cục của dự thảo Kế hoạch gồm 04 mục chính");
    }

    @Test
    void the_chairs_approval_in_principle_is_not_a_point_to_revise_in_either_real_notice() throws IOException {
        for (String notice : List.of("000_3625d3d5715c8dde.txt", "001_d33d67fc94cd4e07.txt")) {
            String text = Files.readString(NoticeCorpus.sharedNotices().resolve(notice));
            List<String> requirements = reader.readText(text).items().stream()
                    .flatMap(item -> item.requirements().stream()).toList();
            assertThat(requirements).as(notice).isNotEmpty().noneMatch(r -> r.contains("nhất trí"));
        }
        // Item 3 of 311/TB-UBND: "UBND thành phố cơ bản nhất trí với nội dung dự thảo Đề án." opens the conclusion.
        String text = Files.readString(NoticeCorpus.sharedNotices().resolve("000_3625d3d5715c8dde.txt"));
        assertThat(reader.readText(text).items().get(2).requirements()).first().asString()
                .startsWith("chủ trì, phối hợp các cơ quan liên quan rà soát lại quy trình thành lập trường");
    }

    @Test
    void an_approval_in_principle_followed_by_a_demand_keeps_the_demand() {
        List<String> requirements = requirementsOf("""
                1. Dự thảo Báo cáo tình hình kinh tế - xã hội (Phòng Tài chính - Kế hoạch trình)
                UBND thành phố cơ bản nhất trí với dự thảo báo cáo, tuy nhiên cần bổ sung số liệu thu ngân sách 4 tháng đầu năm. Giao phòng TC-KH hoàn thiện, trình Lãnh đạo UBND thành phố.
                """);
        assertThat(requirements).noneMatch(r -> r.contains("nhất trí"))
                .anyMatch(r -> r.startsWith("cần bổ sung số liệu thu ngân sách"));
    }

    @Test
    void a_commendation_followed_by_a_demand_in_the_same_sentence_keeps_the_demand() {
        List<String> requirements = requirementsOf("""
                1. Dự thảo Báo cáo tình hình kinh tế - xã hội (Phòng Tài chính - Kế hoạch trình)
                UBND thành phố ghi nhận cố gắng của phòng TC-KH, tuy nhiên cần bổ sung số liệu thu ngân sách 4 tháng đầu năm. Giao phòng TC-KH hoàn thiện, trình Lãnh đạo UBND thành phố.
                """);
        assertThat(requirements).anyMatch(r -> r.contains("bổ sung số liệu thu ngân sách"));
    }
}
