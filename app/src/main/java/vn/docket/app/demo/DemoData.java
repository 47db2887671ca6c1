package vn.docket.app.demo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
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
import vn.docket.command.draftfiles.DraftFiles;
import vn.docket.events.DeliverableKind;
import vn.docket.events.NoticeSource;
import vn.docket.events.RevisionPointsAnswered.Answer;
import vn.docket.events.RevisionPointsAnswered.PointAnswer;
import vn.docket.platform.security.DemoUsers;

/**
 * The demo set-up's history: the items of the two real notices in ../shared/notices, moved to today so
 * that the dashboard shows every timeliness class. Played once through the ordinary commands, by the
 * demo users, so that the audit log reads like a real office's. The plan's two drafts and the draft awaiting
 * a leader are real .docx files, so that a newcomer can read a draft, compare v1 with v2 and see how v2
 * answered the chair's two points.
 */
@Component
@ConditionalOnProperty(name = "docket.demo.data", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String LEADERS = "Lãnh đạo UBND thành phố";
    private static final String SHA = "5e".repeat(32);

    /** The plan as first handed in: three parts, no road map. */
    private static final List<String> PLAN_V1 = List.of(
            "KẾ HOẠCH",
            "Thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố thực hiện Nghị quyết Đại hội đại biểu"
                    + " Đảng bộ thành phố lần thứ XXIII, nhiệm kỳ 2020-2025",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Cụ thể hóa các nhiệm vụ, giải pháp của Chương trình hành động thành các nhiệm vụ của Ủy ban nhân dân thành phố.",
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            "Tập trung phát triển kinh tế đô thị, thương mại, dịch vụ; đẩy mạnh cải cách hành chính và chuyển đổi số.",
            "Huy động các nguồn lực đầu tư xây dựng kết cấu hạ tầng đô thị đồng bộ, hiện đại.",
            "III. TỔ CHỨC THỰC HIỆN",
            "Các phòng, ban, đơn vị căn cứ Kế hoạch này triển khai thực hiện.");

    /** The plan after the chair's two points: four parts, and a road map with the agency answerable for each step. */
    private static final List<String> PLAN_V2 = List.of(
            "KẾ HOẠCH",
            "Thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ thành phố thực hiện Nghị quyết Đại hội đại biểu"
                    + " Đảng bộ thành phố lần thứ XXIII, nhiệm kỳ 2020-2025",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Cụ thể hóa các nhiệm vụ, giải pháp của Chương trình hành động thành các nhiệm vụ của Ủy ban nhân dân thành phố.",
            "II. MỤC TIÊU TỔNG QUÁT VÀ MỤC TIÊU CỤ THỂ",
            "Đến năm 2025, tốc độ tăng trưởng kinh tế bình quân đạt 7% trở lên; tỷ lệ hồ sơ thủ tục hành chính giải quyết"
                    + " trực tuyến đạt 80%.",
            "III. NHIỆM VỤ VÀ GIẢI PHÁP",
            "Tập trung phát triển kinh tế đô thị, thương mại, dịch vụ; đẩy mạnh cải cách hành chính và chuyển đổi số.",
            "Huy động các nguồn lực đầu tư xây dựng kết cấu hạ tầng đô thị đồng bộ, hiện đại, ưu tiên giao thông và thoát nước.",
            "IV. TỔ CHỨC THỰC HIỆN",
            "Lộ trình: năm 2021 ban hành các đề án thành phần; năm 2022-2024 triển khai; năm 2025 tổng kết.",
            "Phòng Tài chính - Kế hoạch chủ trì tham mưu, theo dõi, đôn đốc; Phòng Nội vụ phụ trách cải cách hành chính;"
                    + " Phòng Quản lý đô thị phụ trách hạ tầng; báo cáo Ủy ban nhân dân thành phố trước ngày 15 tháng 12 hằng năm.");

    private static final List<String> LED_REPORT = List.of(
            "BÁO CÁO",
            "Đề xuất chủ trương thay thế hệ thống đèn chiếu sáng công cộng bằng đèn Led",
            "I. HIỆN TRẠNG",
            "Thành phố có 12.450 bộ đèn chiếu sáng công cộng, trong đó 9.800 bộ dùng bóng cao áp sodium đã xuống cấp.",
            "II. ĐỀ XUẤT",
            "Thay thế dần bằng đèn Led có điều khiển thông minh trong giai đoạn 2026-2028, ưu tiên các tuyến đường chính.",
            "Dự kiến tiết kiệm 45% điện năng tiêu thụ mỗi năm.");

    private final CommandDispatcher commands;
    private final DraftFiles files;
    private final MongoDatabase database;
    private final Clock clock;

    DemoData(CommandDispatcher commands, DraftFiles files, MongoDatabase database, Clock clock) {
        this.commands = commands;
        this.files = files;
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
        draft(plan, "tckh", "Kế hoạch thực hiện Chương trình hành động - dự thảo 1.docx", PLAN_V1, List.of(), t.minusDays(30));
        commands.sendAs(DemoUsers.actor("chair"), new RequestRevision(plan, List.of(
                "Chỉnh sửa bố cục gồm 04 mục chính: Mục đích, yêu cầu; Mục tiêu tổng quát và mục tiêu cụ thể; "
                        + "Nhiệm vụ và giải pháp; Tổ chức thực hiện",
                "Đề ra lộ trình cụ thể và gắn trách nhiệm của các cơ quan tham mưu, thực hiện"), null, t.minusDays(30)));
        draft(plan, "tckh", "Kế hoạch thực hiện Chương trình hành động - dự thảo 2.docx", PLAN_V2, List.of(
                new PointAnswer("1.1", Answer.TAKEN_IN, "Bố cục lại thành 04 mục I-IV; bổ sung mục II về mục tiêu."),
                new PointAnswer("1.2", Answer.TAKEN_IN, "Mục IV: lộ trình 2021-2025 và cơ quan chủ trì từng phần việc.")),
                t.minusDays(12));
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
        draft(led, "qldt", "Báo cáo thay thế đèn chiếu sáng bằng đèn Led.docx", LED_REPORT, List.of(), t.minusDays(2));

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

    /** A draft handed in by name and SHA-256 only, as a unit whose file is kept elsewhere does. */
    private void draft(UUID id, String user, LocalDate on) {
        commands.sendAs(DemoUsers.actor(user), new SubmitDraft(id, "Dự thảo.docx", SHA, null, null, on));
    }

    /** A draft handed in as a stored .docx file, with its answers to the open revision points. */
    private void draft(UUID id, String user, String name, List<String> paragraphs, List<PointAnswer> answers, LocalDate on) {
        DraftFiles.Stored stored = files.store(name, docx(paragraphs));
        commands.sendAs(DemoUsers.actor(user), new SubmitDraft(id, stored.name(), stored.sha256(), null, null, on,
                answers, stored.file()));
        files.keep(stored);
    }

    /** Headings (the lines in capitals) bold, as a drafting unit writes them. */
    private static byte[] docx(List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : paragraphs) {
                XWPFRun run = document.createParagraph().createRun();
                run.setText(text);
                run.setBold(text.equals(text.toUpperCase(Locale.ROOT)));
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
