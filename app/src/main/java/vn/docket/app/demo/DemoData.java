package vn.docket.app.demo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
import vn.docket.command.notice.NoticeReadOut;
import vn.docket.command.notice.NoticeRegistrar;
import vn.docket.command.notice.reading.NoticeReader;
import vn.docket.events.DecisionRef;
import vn.docket.events.DeliverableKind;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.RevisionPointsAnswered.Answer;
import vn.docket.events.RevisionPointsAnswered.PointAnswer;
import vn.docket.events.TaskAssigned;
import vn.docket.platform.Sha256;
import vn.docket.platform.eventstore.EventDocuments;
import vn.docket.platform.mongo.Inserts;
import vn.docket.platform.security.DemoUsers;

/**
 * The demo set-up's history, moved to today so that the dashboard shows every timeliness class: notice
 * 311/TB-UBND from ../shared/notices, read and registered as a clerk does it (its items become assignments,
 * item 1's contributions their own), then what the units and leaders did after the meeting; and three
 * assignments from outside the notice. Played once through the ordinary commands, by the demo users, so that
 * the audit log reads like a real office's. The plan's v2 and v3 and the draft awaiting a leader are real .docx
 * files, so that a newcomer can read a draft, compare v2 with v3 and see how each answered the notice's points.
 */
@Component
@ConditionalOnProperty(name = "docket.demo.data", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String LEADERS = "Lãnh đạo UBND thành phố";
    private static final String SHA = "5e".repeat(32);
    /** Thông báo 311/TB-UBND, under the shared folder's notices/. */
    private static final String NOTICE_311 = "000_3625d3d5715c8dde.txt";

    /** The plan's first revision after the meeting: three parts, no road map yet. */
    private static final List<String> PLAN_THREE_PARTS = List.of(
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

    /** The plan after the chair reopened two points: four parts, and a road map with the agency answerable for each step. */
    private static final List<String> PLAN_FOUR_PARTS = List.of(
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
    private final NoticeReader reader;
    private final NoticeRegistrar registrar;
    private final Path sharedDir;

    DemoData(CommandDispatcher commands, DraftFiles files, MongoDatabase database, Clock clock, NoticeReader reader,
             NoticeRegistrar registrar, @Value("${docket.shared-dir:../shared}") String sharedDir) {
        this.commands = commands;
        this.files = files;
        this.database = database;
        this.clock = clock;
        this.reader = reader;
        this.registrar = registrar;
        this.sharedDir = Path.of(sharedDir);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void seedOnce() {
        if (database.getCollection("demo").find(Filters.eq("_id", "seeded")).first() == null
                && database.getCollection(EventDocuments.EVENTS)
                .find(Filters.eq("payloadType", TaskAssigned.class.getName())).first() != null) {
            // A working database (or one restored from a backup) started with `demo`: its record is kept for good, and
            // a dozen made-up assignments in it could never be taken out again.
            log.warn("Demo history not played: this database already holds assignments recorded without the demo. Give"
                    + " the demo a data directory of its own (--docket.mongo.embedded.data-dir=...).");
            return;
        }
        if (!Inserts.ifAbsent(database.getCollection("demo"), new Document("_id", "seeded"))) {
            return; // an earlier start already played the demo history
        }
        LocalDate t = LocalDate.now(clock);
        String tckh = "Phòng Tài chính - Kế hoạch";
        String qldt = "Phòng Quản lý đô thị";

        Path file = sharedDir.resolve("notices").resolve(NOTICE_311).toAbsolutePath().normalize();
        int registered = 0;
        if (Files.isReadable(file)) {
            registered = notice311(file, t);
        } else {
            log.warn("Demo history without notice 311/TB-UBND: {} is not there (set docket.shared-dir to the folder "
                    + "that holds notices/)", file);
        }

        UUID camera = assign("Dự thảo báo cáo kết quả thực hiện Đề án lắp đặt camera an ninh giai đoạn 2017 - 2020",
                DeliverableKind.REPORT, qldt, t.minusDays(20), List.of(LEADERS), t.minusDays(40));
        draft(camera, "qldt", t.minusDays(15));
        commands.sendAs(DemoUsers.actor("pct"), new Approve(camera, null, null, t.minusDays(10)));

        UUID led = assign("Dự thảo Báo cáo đề xuất chủ trương thay thế hệ thống đèn chiếu sáng công cộng bằng đèn Led",
                DeliverableKind.REPORT, qldt, t.plusDays(20), List.of(LEADERS), t.minusDays(5));
        draft(led, "qldt", "Báo cáo thay thế đèn chiếu sáng bằng đèn Led.docx", LED_REPORT, List.of(), t.minusDays(2));

        assign("Báo cáo kết quả thực hiện các nhiệm vụ trọng tâm Thành ủy giao năm 2020", DeliverableKind.REPORT, tckh,
                t.plusDays(3), List.of("Ban Thường vụ Thành ủy"), t.minusDays(12));
        log.info("Demo history played, dated around today: {}3 assignments outside any notice.", registered == 0 ? ""
                : registered + " assignments from notice 311/TB-UBND as registered from " + file + ", and ");
    }

    /**
     * Notice 311 read by the notice reader and registered as a clerk confirms the preview, its dates moved so
     * that the deadline of items 1 and 4 (25/4/2021) falls five days before today; then what the units and
     * leaders did after the meeting. Returns how many assignments the notice made.
     */
    private int notice311(Path file, LocalDate t) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NoticeReadOut read = NoticeReadOut.asRead(reader.read(content, file.getFileName().toString()),
                Sha256.hex(content));
        LocalDate latest = read.items().stream().map(NoticeReadOut.Item::deadline).filter(d -> d != null)
                .max(LocalDate::compareTo).orElseThrow();
        long shift = ChronoUnit.DAYS.between(latest, t.minusDays(5));
        NoticeRegistrar.Registered notice = registrar.register(shifted(read, shift), DemoUsers.actor("clerk"));
        LocalDate meeting = read.notice().meetingOn().plusDays(shift);
        String tckh = "Phòng Tài chính - Kế hoạch";

        // Item 1: the units that owe Phòng TC-KH their parts send them (one late), and TC-KH takes each in.
        String[][] parts = {{"Phòng Quản lý đô thị", "qldt", "5"}, {"Phòng Kinh tế", "clerk", "6"},
                {"Phòng Văn hóa và Thông tin", "clerk", "6"}, {"Ban Chỉ huy Quân sự thành phố", "clerk", "9"}};
        for (String[] part : parts) {
            UUID contribution = registered(notice, 1, part[0]);
            LocalDate on = meeting.plusDays(Integer.parseInt(part[2]));
            commands.sendAs(DemoUsers.actor(part[1]), new SubmitDraft(contribution, "Nội dung gửi Phòng TC-KH - "
                    + part[0] + ".docx", SHA, null, null, on));
            commands.sendAs(DemoUsers.actor("tckh"), new Approve(contribution, "Đã tiếp thu vào dự thảo Kế hoạch", null, on));
        }
        // The plan: v1 was presented at the meeting and sent back with the notice's three points. v2 (a .docx)
        // regroups the parts but keeps three sections and leaves the road map for later; the chair reopens those
        // two points, v3 answers them, and the plan is approved and issued.
        UUID plan = registered(notice, 1, tckh);
        draft(plan, "tckh", "Kế hoạch thực hiện Chương trình hành động - dự thảo 2.docx", PLAN_THREE_PARTS, List.of(
                new PointAnswer("1.1", Answer.EXPLAINED, "Giữ bố cục 03 mục như các kế hoạch trước; mục tiêu nêu tại mục I."),
                new PointAnswer("1.2", Answer.EXPLAINED, "Lộ trình và trách nhiệm từng cơ quan bổ sung khi đủ nội dung "
                        + "các phòng gửi."),
                new PointAnswer("1.3", Answer.TAKEN_IN, "Đã tổng hợp nội dung của Phòng Kinh tế, Phòng Quản lý đô thị, "
                        + "Phòng Văn hóa và Thông tin vào mục II.")), meeting.plusDays(7));
        commands.sendAs(DemoUsers.actor("chair"), new RequestRevision(plan, List.of(), null, meeting.plusDays(8),
                List.of("1.1", "1.2"), null, null));
        draft(plan, "tckh", "Kế hoạch thực hiện Chương trình hành động - dự thảo 3.docx", PLAN_FOUR_PARTS, List.of(
                new PointAnswer("1.1", Answer.TAKEN_IN, "Bố cục lại thành 04 mục I-IV; bổ sung mục II về mục tiêu."),
                new PointAnswer("1.2", Answer.TAKEN_IN, "Mục IV: lộ trình 2021-2025 và cơ quan chủ trì từng phần việc.")),
                meeting.plusDays(10));
        commands.sendAs(DemoUsers.actor("chair"), new Approve(plan, "Đồng ý ban hành", null, meeting.plusDays(11)));
        commands.sendAs(DemoUsers.actor("clerk"), new Issue(plan, "95/KH-UBND", meeting.plusDays(13)));

        // Item 3: the finished scheme, handed in on paper, goes on from the vice-chair to the Party's Standing Committee.
        UUID school = registered(notice, 3, "Phòng Giáo dục và Đào tạo");
        draft(school, "clerk", meeting.plusDays(4));
        commands.sendAs(DemoUsers.actor("pct"), new Approve(school, "Trình Ban Thường vụ Thành ủy", null, meeting.plusDays(7)));
        // Items 2 (no deadline) and 4 (past its deadline) stay with their units.
        return notice.assignments().size();
    }

    private static UUID registered(NoticeRegistrar.Registered notice, int item, String lead) {
        return notice.assignments().stream().filter(a -> a.item() == item && a.leadUnit().equals(lead))
                .map(NoticeRegistrar.RegisteredAssignment::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("notice 311 has no item " + item + " led by " + lead));
    }

    /**
     * Every date of the read-out moved by {@code days}. A deadline's words ("xong trước ngày 25/4/2021") go with
     * the old date, so they are left out where the date itself is kept.
     */
    private static NoticeReadOut shifted(NoticeReadOut read, long days) {
        NoticeParticulars f = read.notice();
        NoticeParticulars facts = new NoticeParticulars(f.number(), f.issuer(), f.place(), plus(f.issuedOn(), days),
                f.issuedMonth(), plus(f.meetingOn(), days), f.chair(), f.invitation() == null ? null
                : new DecisionRef(f.invitation().number(), plus(f.invitation().date(), days)), f.signer());
        List<NoticeReadOut.Item> items = read.items().stream().map(i -> new NoticeReadOut.Item(i.ordinal(), i.kind(),
                i.title(), i.presentedBy(), i.verdict(), i.requirements(), i.lead(), i.leads(), i.coordinators(),
                i.contributions().stream().map(c -> new NoticeReadOut.Contribution(c.units(), c.deliverTo(),
                        plus(c.deadline(), days), c.deadline() == null ? c.deadlineText() : null)).toList(),
                plus(i.deadline(), days), i.deadline() == null ? i.deadlineText() : null, i.submitTo(), i.keptLeads(),
                i.keptContributors(), i.keptCoordinators()))
                .toList();
        return new NoticeReadOut(facts, items, read.sourceSha256());
    }

    private static LocalDate plus(LocalDate date, long days) {
        return date == null ? null : date.plusDays(days);
    }

    private UUID assign(String title, DeliverableKind kind, String lead, LocalDate deadline, List<String> route,
                        LocalDate on) {
        UUID id = UUID.randomUUID();
        commands.sendAs(DemoUsers.actor("clerk"), new AssignTask(id, title, kind, lead, List.of(), deadline, route,
                null, null, on));
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
