package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A clerk types a unit's short name into the list's search ("QLĐT", or "qldt" without tone marks) and expects
 * that unit's tasks: the unit picker found the unit by that name, the list found nothing.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class UnitSearchTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void a_units_abbreviation_with_or_without_tone_marks_finds_the_tasks_it_leads_and_no_other_units_alone_or_among_other_words() {
        DocketClient docket = new DocketClient(http);
        List<String> route = List.of("Lãnh đạo UBND thành phố");
        String sidewalks = Walks.assign(docket, "Kế hoạch chỉnh trang vỉa hè Lũng Cú", "Phòng Quản lý đô thị",
                "2030-05-30", route);
        String budget = Walks.assign(docket, "Báo cáo dự toán Lũng Cú", "Phòng Tài chính - Kế hoạch", "2030-05-30", route);
        docket.await("clerk", "/api/assignments?size=200&q=Lung Cu", list -> ids(list).containsAll(List.of(sidewalks, budget)));

        for (String q : List.of("QLĐT", "qldt", "Phòng QLĐT")) {
            assertThat(ids(docket.getOk("clerk", "/api/assignments?size=200&q=" + q))).as(q)
                    .contains(sidewalks).doesNotContain(budget);
        }
        // Several words, in any order: each must be found, in the title or a unit's names.
        for (String q : List.of("qldt vỉa hè", "via he QLĐT", "chỉnh trang Lũng Cú")) {
            assertThat(ids(docket.getOk("clerk", "/api/assignments?size=200&q=" + q))).as(q)
                    .contains(sidewalks).doesNotContain(budget);
        }
        // The other unit by its own short name, as the directory writes it (TC-KH) and run together (TCKH).
        for (String q : List.of("TC-KH", "tckh")) {
            assertThat(ids(docket.getOk("clerk", "/api/assignments?size=200&q=" + q))).as(q)
                    .contains(budget).doesNotContain(sidewalks);
        }
    }

    @Test
    void a_task_assigned_or_reassigned_to_a_unit_by_its_short_name_is_its_units_and_its_staff_see_it() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", "Báo cáo thu ngân sách quý III");
        body.put("kind", "REPORT");
        body.put("leadUnit", "TC-KH");
        body.put("coordinatingUnits", List.of("Phòng QLĐT", "Ban Quản lý chợ Đồng Xoài"));
        body.put("deadline", "2030-05-30");
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        String id = (String) docket.ok("clerk", "/api/assignments", body).get("id");

        // The unit's staff see it (their unit is Phòng Tài chính - Kế hoạch), under the name the directory gives it.
        Map<String, Object> seen = docket.await("tckh", "/api/assignments/" + id, a -> a.get("title") != null);
        assertThat(seen).containsEntry("leadUnit", "Phòng Tài chính - Kế hoạch");
        assertThat(seen.get("coordinatingUnits")).isEqualTo(List.of("Phòng Quản lý đô thị", "Ban Quản lý chợ Đồng Xoài"));

        // An integration filtering by the short name gets the unit's tasks and figures, as the web app does.
        docket.await("clerk", "/api/assignments?size=200&unit=TC-KH", list -> ids(list).contains(id));
        assertThat(docket.getOk("clerk", "/api/assignments?size=200&unit=TC-KH").get("total"))
                .isEqualTo(docket.getOk("clerk", "/api/assignments?size=200&unit=Phòng Tài chính - Kế hoạch").get("total"));
        assertThat(docket.getOk("clerk", "/api/reports/follow-up?period=this-year&unit=tc-kh"))
                .containsEntry("unit", "Phòng Tài chính - Kế hoạch");

        docket.ok("clerk", "/api/assignments/" + id + "/reassignment", Map.of("leadUnit", "QLĐT", "reason", "Đúng chức năng"));
        assertThat(docket.await("qldt", "/api/assignments/" + id, a -> "Phòng Quản lý đô thị".equals(a.get("leadUnit"))))
                .containsEntry("leadUnit", "Phòng Quản lý đô thị");
    }

    private static List<Object> ids(Map<String, Object> list) {
        return ((List<?>) list.get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("id")).toList();
    }
}
