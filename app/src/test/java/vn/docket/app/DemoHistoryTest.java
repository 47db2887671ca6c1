package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.platform.Sha256;
import vn.docket.platform.testing.MutableClock;

/**
 * What a newcomer finds in the demo: notice 311/TB-UBND registered from its file as a clerk does it, its
 * dates moved so that its deadline fell five days ago, and its items' progress after the meeting.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"docket.demo.data=true", "docket.test.context=demo-history"})
@ActiveProfiles("test")
// A clock that stands still: the history is dated from the day it is played, and judged (days overdue) on the day it
// is read, which on the real clock are two days when a run passes midnight in Vietnam.
@Import(TestClockConfiguration.class)
class DemoHistoryTest {

    static final String NOTICE_311 = "000_3625d3d5715c8dde.txt";

    @Autowired
    TestRestTemplate http;

    @Autowired
    MutableClock clock;

    @Test
    void the_demo_registers_notice_311_from_its_file_and_its_items_show_each_kind_of_progress() {
        DocketClient docket = new DocketClient(http);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> notices = docket.await("clerk", "/api/notices", n -> ((Number) n.get("total")).intValue() == 1);
        Map<String, Object> listed = NoticeImportTest.list(notices.get("items")).get(0);
        assertThat(listed).containsEntry("number", "311/TB-UBND").containsEntry("items", 4)
                .containsEntry("sourceSha256", Sha256.hex(SharedNotices.bytes(NOTICE_311)))
                .containsEntry("meetingOn", today.minusDays(17).toString());

        // Items with their assignments, once the last step played (the plan's issuance) is projected.
        Map<String, Object> notice = docket.await("auditor", "/api/notices/" + listed.get("id"),
                n -> "ISSUED".equals(NoticeImportTest.list(byOrdinal(n, 1).get("assignments")).get(0).get("status")));
        List<Map<String, Object>> one = NoticeImportTest.list(byOrdinal(notice, 1).get("assignments"));
        assertThat(one).hasSize(5);
        assertThat(one.get(0)).containsEntry("leadUnit", "Phòng Tài chính - Kế hoạch").containsEntry("currentVersion", 3)
                .containsEntry("timeliness", "DONE_ON_TIME").containsEntry("deadline", today.minusDays(5).toString());
        // The military command sent its part two days after the date the notice set.
        assertThat(one.stream().filter(a -> "Ban Chỉ huy Quân sự thành phố".equals(a.get("leadUnit"))).findFirst()
                .orElseThrow()).containsEntry("timeliness", "DONE_LATE").containsEntry("daysOverdue", 2);
        assertThat(only(notice, 2)).containsEntry("status", "REVISION_REQUESTED").containsEntry("deadline", null);
        assertThat(only(notice, 3)).containsEntry("status", "DRAFT_SUBMITTED")
                .containsEntry("approvedLevels", List.of("Lãnh đạo UBND thành phố"));
        assertThat(only(notice, 4)).containsEntry("timeliness", "OVERDUE").containsEntry("daysOverdue", 5);
    }

    @Test
    void previewing_the_file_of_notice_311_says_the_demo_registered_it() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> notices = docket.await("clerk", "/api/notices", n -> ((Number) n.get("total")).intValue() == 1);
        String id = (String) NoticeImportTest.list(notices.get("items")).get(0).get("id");
        Map<String, Object> preview = docket.previewNotice("clerk", SharedNotices.bytes(NOTICE_311), NOTICE_311).getBody();
        assertThat(preview).containsEntry("registeredBefore", "/api/notices/" + id);
    }

    private static Map<String, Object> byOrdinal(Map<String, Object> notice, int ordinal) {
        return NoticeImportTest.list(notice.get("itemsWithProgress")).stream()
                .filter(i -> ((Number) i.get("ordinal")).intValue() == ordinal).findFirst().orElseThrow();
    }

    private static Map<String, Object> only(Map<String, Object> notice, int ordinal) {
        List<Map<String, Object>> assignments = NoticeImportTest.list(byOrdinal(notice, ordinal).get("assignments"));
        assertThat(assignments).hasSize(1);
        return assignments.get(0);
    }
}
