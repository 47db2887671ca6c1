package vn.docket.app.demo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.docket.command.assignment.AssignmentCommands.Approve;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.assignment.AssignmentCommands.Issue;
import vn.docket.command.assignment.AssignmentCommands.RequestRevision;
import vn.docket.command.assignment.AssignmentCommands.SubmitDraft;
import vn.docket.command.dispatch.CommandDispatcher;
import vn.docket.events.DeliverableKind;
import vn.docket.events.NoticeSource;
import vn.docket.platform.security.DemoUsers;

/**
 * The demo set-up's history: the items of the two real notices in ../shared/notices, moved to today so
 * that the dashboard shows every timeliness class. Played once through the ordinary commands, by the
 * demo users, so that the audit log reads like a real office's.
 */
@Component
@ConditionalOnProperty(name = "docket.demo.data", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String LEADERS = "Lãnh đạo UBND thành phố";
    private static final String SHA = "5e".repeat(32);

    private final CommandDispatcher commands;
    private final MongoDatabase database;
    private final Clock clock;

    DemoData(CommandDispatcher commands, MongoDatabase database, Clock clock) {
        this.commands = commands;
        this.database = database;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void seedOnce() {
        try {
            database.getCollection("demo").insertOne(new Document("_id", "seeded"));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return; // an earlier start already played the demo history
            }
            throw e;
        }
        LocalDate t = LocalDate.now(clock);
        String tckh = "Phòng Tài chính - Kế hoạch";
        String qldt = "Phòng Quản lý đô thị";

        UUID plan = assign("Dự thảo Kế hoạch thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố "
                + "thực hiện Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ XXIII, nhiệm kỳ 2020-2025",
                DeliverableKind.PLAN, tckh, t.minusDays(10), List.of(LEADERS), "311/TB-UBND", 1, t.minusDays(30));
        draft(plan, "tckh", t.minusDays(30));
        commands.sendAs(DemoUsers.actor("chair"), new RequestRevision(plan, List.of(
                "Chỉnh sửa bố cục gồm 04 mục chính: Mục đích, yêu cầu; Mục tiêu tổng quát và mục tiêu cụ thể; "
                        + "Nhiệm vụ và giải pháp; Tổ chức thực hiện",
                "Đề ra lộ trình cụ thể và gắn trách nhiệm của các cơ quan tham mưu, thực hiện"), null, t.minusDays(30)));
        draft(plan, "tckh", t.minusDays(12));
        commands.sendAs(DemoUsers.actor("chair"), new Approve(plan, "Đồng ý ban hành", null, t.minusDays(8)));
        commands.sendAs(DemoUsers.actor("clerk"), new Issue(plan, "95/KH-UBND", t.minusDays(6)));

        assign("Dự thảo Kế hoạch thực hiện vận hành thí điểm Trung tâm điều hành đô thị thông minh (IOC) giai đoạn "
                + "2021-2022", DeliverableKind.PLAN, "Phòng Văn hóa và Thông tin", t.plusDays(10), List.of(LEADERS),
                "311/TB-UBND", 2, t.minusDays(30));

        UUID school = assign("Dự thảo Đề án Trường mầm non Hoàng Đồng theo mô hình tự chủ một phần tài chính",
                DeliverableKind.SCHEME, "Phòng Giáo dục và Đào tạo", t.plusDays(5),
                List.of(LEADERS, "Ban Thường vụ Thành ủy"), "311/TB-UBND", 3, t.minusDays(30));
        draft(school, "clerk", t.minusDays(20));
        commands.sendAs(DemoUsers.actor("pct"), new Approve(school, "Trình Ban Thường vụ Thành ủy", null, t.minusDays(15)));

        assign("Dự thảo triển khai công tác xây dựng khu căn cứ chiến đấu giai đoạn 2020 - 2025, định hướng đến năm 2030",
                DeliverableKind.PLAN, "Ban Chỉ huy Quân sự thành phố", t.minusDays(5), List.of(LEADERS),
                "311/TB-UBND", 4, t.minusDays(30));

        UUID camera = assign("Dự thảo báo cáo kết quả thực hiện Đề án lắp đặt camera an ninh giai đoạn 2017 - 2020",
                DeliverableKind.REPORT, qldt, t.minusDays(20), List.of(LEADERS), null, null, t.minusDays(40));
        draft(camera, "qldt", t.minusDays(15));
        commands.sendAs(DemoUsers.actor("pct"), new Approve(camera, null, null, t.minusDays(10)));

        UUID led = assign("Dự thảo Báo cáo đề xuất chủ trương thay thế hệ thống đèn chiếu sáng công cộng bằng đèn Led",
                DeliverableKind.REPORT, qldt, t.plusDays(20), List.of(LEADERS), null, null, t.minusDays(5));
        draft(led, "qldt", t.minusDays(2));

        assign("Báo cáo kết quả thực hiện các nhiệm vụ trọng tâm Thành ủy giao năm 2020", DeliverableKind.REPORT, tckh,
                t.plusDays(3), List.of("Ban Thường vụ Thành ủy"), null, null, t.minusDays(12));
        log.info("Demo history played: 7 assignments from the notices in ../shared/notices, dated around today.");
    }

    private UUID assign(String title, DeliverableKind kind, String lead, LocalDate deadline, List<String> route,
                        String notice, Integer item, LocalDate on) {
        UUID id = UUID.randomUUID();
        commands.sendAs(DemoUsers.actor("clerk"), new AssignTask(id, title, kind, lead, List.of(), deadline, route,
                notice == null ? null : new NoticeSource(notice, item), null, on));
        return id;
    }

    private void draft(UUID id, String user, LocalDate on) {
        commands.sendAs(DemoUsers.actor(user), new SubmitDraft(id, "Dự thảo.docx", SHA, null, null, on));
    }
}
