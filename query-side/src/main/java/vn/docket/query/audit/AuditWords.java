package vn.docket.query.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The log's words for each kind of event, each role, each event's field and the values its details write in words, in
 * Vietnamese and English, for the CSV export: the same as the page's (js/i18n.js, "event.", "role.", "audit.field." and
 * "field.", and those audit.js readable uses for values), which only the browser reads. AuditWordsTest holds each table
 * equal to the page's, and checks every kind of {@link AuditIndex#TYPES} has a name: it would be exported nameless.
 */
final class AuditWords {

    private AuditWords() {
    }

    /** One language's words for the CSV, as the page's (js/i18n.js) in that language. */
    record Words(List<String> header, Map<String, String> kinds, Map<String, String> roles, Map<String, String> fields,
                 Map<String, String> values, Map<String, String> lapsed, Map<String, String> reminderKinds,
                 Map<String, String> problems,
                 Map<String, String> fileKinds, String yes, String no, String leaderGaveNone,
                 Map<String, String> documentTypes, String noticeTitle, String noticeUnnumbered) {
    }

    /** The page's columns, "who" as its four parts and the task as its title and id. */
    static final List<String> HEADER_VI = List.of("Ghi nhận lúc", "Ngày thực hiện", "Người thực hiện", "Mã người dùng",
            "Đơn vị", "Vai trò", "Việc", "Nhiệm vụ / văn bản", "Mã nhiệm vụ", "Mã thao tác", "Chi tiết");
    static final List<String> HEADER_EN = List.of("Recorded", "Effective", "Who", "User id", "Unit", "Role", "What",
            "Assignment / document", "Assignment id", "Command", "Details");

    /** "DeadlineSet" is a DeadlineExtended that gave a task without a deadline its first one, as the page names it. */
    static final Map<String, String> KINDS_VI = Map.ofEntries(
            Map.entry("TaskAssigned", "Giao nhiệm vụ"),
            Map.entry("DraftSubmitted", "Nộp dự thảo"),
            Map.entry("RevisionRequested", "Yêu cầu chỉnh sửa"),
            Map.entry("RevisionPointsAnswered", "Giải trình, tiếp thu ý kiến"),
            Map.entry("DraftApproved", "Phê duyệt"),
            Map.entry("DocumentIssued", "Ban hành"),
            Map.entry("DeadlineExtended", "Gia hạn"),
            Map.entry("DeadlineSet", "Đặt hạn"),
            Map.entry("TaskReassigned", "Giao lại"),
            Map.entry("TaskCancelled", "Hủy nhiệm vụ"),
            Map.entry("MeetingConcluded", "Kết luận cuộc họp"),
            Map.entry("ReminderSent", "Đôn đốc"),
            Map.entry("DeadlineMissed", "Quá hạn"),
            Map.entry("ExtensionRequested", "Đề nghị gia hạn"),
            Map.entry("ExtensionRejected", "Không đồng ý gia hạn"),
            Map.entry("ExtensionRequestLapsed", "Đề nghị gia hạn hết hiệu lực"),
            Map.entry("NoticeRegistered", "Đăng ký văn bản"),
            Map.entry("NoticeNumbered", "Ghi số văn bản"),
            Map.entry("NoticeNumberCorrected", "Sửa số văn bản"),
            Map.entry("AccessDenied", "Bị từ chối quyền"),
            Map.entry("UserRegistered", "Thêm người dùng"),
            Map.entry("UserRoleChanged", "Đổi vai trò"),
            Map.entry("UserUnitChanged", "Đổi đơn vị"),
            Map.entry("ApprovalLevelGranted", "Cấp quyền phê duyệt"),
            Map.entry("ApprovalLevelWithdrawn", "Thu hồi quyền phê duyệt"),
            Map.entry("UserDisabled", "Khóa tài khoản"),
            Map.entry("UserEnabled", "Mở khóa tài khoản"),
            Map.entry("PasswordReset", "Đặt lại mật khẩu"),
            Map.entry("AccessTokenIssued", "Cấp mã truy cập"),
            Map.entry("AccessTokenRevoked", "Thu hồi mã truy cập"));

    static final Map<String, String> KINDS_EN = Map.ofEntries(
            Map.entry("TaskAssigned", "Assigned"),
            Map.entry("DraftSubmitted", "Draft submitted"),
            Map.entry("RevisionRequested", "Revision requested"),
            Map.entry("RevisionPointsAnswered", "Revision points answered"),
            Map.entry("DraftApproved", "Approved"),
            Map.entry("DocumentIssued", "Issued"),
            Map.entry("DeadlineExtended", "Deadline extended"),
            Map.entry("DeadlineSet", "Deadline set"),
            Map.entry("TaskReassigned", "Reassigned"),
            Map.entry("TaskCancelled", "Cancelled"),
            Map.entry("MeetingConcluded", "Meeting concluded"),
            Map.entry("ReminderSent", "Reminder sent"),
            Map.entry("DeadlineMissed", "Deadline missed"),
            Map.entry("ExtensionRequested", "Extension requested"),
            Map.entry("ExtensionRejected", "Extension refused"),
            Map.entry("ExtensionRequestLapsed", "Extension request lapsed"),
            Map.entry("NoticeRegistered", "Document registered"),
            Map.entry("NoticeNumbered", "Document number recorded"),
            Map.entry("NoticeNumberCorrected", "Document number corrected"),
            Map.entry("AccessDenied", "Access denied"),
            Map.entry("UserRegistered", "User added"),
            Map.entry("UserRoleChanged", "Role changed"),
            Map.entry("UserUnitChanged", "Unit changed"),
            Map.entry("ApprovalLevelGranted", "Approval level granted"),
            Map.entry("ApprovalLevelWithdrawn", "Approval level withdrawn"),
            Map.entry("UserDisabled", "User disabled"),
            Map.entry("UserEnabled", "User enabled"),
            Map.entry("PasswordReset", "Password reset"),
            Map.entry("AccessTokenIssued", "Access token issued"),
            Map.entry("AccessTokenRevoked", "Access token revoked"));

    static final Map<String, String> ROLES_VI = Map.ofEntries(
            Map.entry("CLERK", "Chuyên viên Văn phòng"),
            Map.entry("UNIT_STAFF", "Cán bộ đơn vị"),
            Map.entry("UNIT_HEAD", "Lãnh đạo đơn vị"),
            Map.entry("VICE_CHAIR", "Phó Chủ tịch"),
            Map.entry("CHAIR", "Chủ tịch"),
            Map.entry("AUDITOR", "Thanh tra"),
            Map.entry("ADMIN", "Quản trị hệ thống"),
            Map.entry("SYSTEM", "Hệ thống"));

    static final Map<String, String> ROLES_EN = Map.ofEntries(
            Map.entry("CLERK", "Office clerk"),
            Map.entry("UNIT_STAFF", "Unit staff"),
            Map.entry("UNIT_HEAD", "Unit head"),
            Map.entry("VICE_CHAIR", "Vice-chair"),
            Map.entry("CHAIR", "Chair"),
            Map.entry("AUDITOR", "Auditor"),
            Map.entry("ADMIN", "Administrator"),
            Map.entry("SYSTEM", "System"));


    /**
     * The details' names for an event's fields, as the page's (audit.js fieldName): its "audit.field." label, else the
     * form's "field." label. A field the page has no label for is not here: it keeps its own name, as on the page.
     * "requestReason" names a reason a leader took from the unit's request (DeadlineExtended.reasonFromRequest).
     */
    static final Map<String, String> FIELDS_VI = Map.ofEntries(
            Map.entry("answer", "Cách trả lời"),
            Map.entry("answers", "Trả lời"),
            Map.entry("approvalRoute", "Cấp trình"),
            Map.entry("chair", "Chủ trì cuộc họp"),
            Map.entry("chasedUnit", "Đơn vị được đôn đốc"),
            Map.entry("coordinatingUnits", "Đơn vị phối hợp"),
            Map.entry("currentDeadline", "Hạn hiện tại"),
            Map.entry("date", "Ngày"),
            Map.entry("deadline", "Hạn hoàn thành"),
            Map.entry("decision", "Văn bản quyết định"),
            Map.entry("documentName", "Tên tệp dự thảo"),
            Map.entry("documentNumber", "Số văn bản ban hành"),
            Map.entry("documentSha256", "Mã SHA-256 của tệp"),
            Map.entry("documentUrl", "Hoặc đường dẫn đến văn bản"),
            Map.entry("dueDate", "Hạn nộp lại (nếu có)"),
            Map.entry("effectiveDate", "Ngày thực hiện"),
            Map.entry("file", "Tệp"),
            Map.entry("finalApproval", "Phê duyệt cuối cùng"),
            Map.entry("from", "Trước"),
            Map.entry("id", "Mã"),
            Map.entry("invitation", "Giấy mời"),
            Map.entry("issuedMonth", "Tháng ban hành"),
            Map.entry("issuedOn", "Ngày ban hành"),
            Map.entry("issuer", "Cơ quan ban hành"),
            Map.entry("item", "Mục số"),
            Map.entry("items", "Các mục"),
            Map.entry("kind", "Loại"),
            Map.entry("label", "Tên gọi"),
            Map.entry("leadUnit", "Đơn vị chủ trì"),
            Map.entry("level", "Cấp trình"),
            Map.entry("mediaType", "Loại tệp"),
            Map.entry("meetingOn", "Ngày họp"),
            Map.entry("method", "Phương thức"),
            Map.entry("name", "Họ tên"),
            Map.entry("newDeadline", "Hạn mới"),
            Map.entry("newLeadUnit", "Đơn vị chủ trì mới"),
            Map.entry("note", "Ghi chú"),
            Map.entry("notice", "Văn bản"),
            Map.entry("noticeId", "Mã văn bản"),
            Map.entry("number", "Số"),
            Map.entry("origin", "Nguồn tạo"),
            Map.entry("pageCount", "Số trang"),
            Map.entry("parentId", "Nhiệm vụ chính"),
            Map.entry("path", "Đường dẫn"),
            Map.entry("place", "Địa điểm"),
            Map.entry("point", "Ý kiến"),
            Map.entry("points", "Ý kiến"),
            Map.entry("previousDeadline", "Hạn trước"),
            Map.entry("previousLeadUnit", "Đơn vị chủ trì trước"),
            Map.entry("previousNumber", "Số trước"),
            Map.entry("reason", "Lý do"),
            Map.entry("reopenedPoints", "Ý kiến mở lại"),
            Map.entry("requestReason", "Lý do đơn vị nêu khi đề nghị"),
            Map.entry("requestedDeadline", "Hạn đề nghị"),
            Map.entry("requestingUnit", "Đơn vị đề nghị"),
            Map.entry("requirements", "Yêu cầu"),
            Map.entry("role", "Vai trò"),
            Map.entry("rule", "Quy tắc"),
            Map.entry("signer", "Người ký"),
            Map.entry("size", "Dung lượng (byte)"),
            Map.entry("source", "Nguồn"),
            Map.entry("sourceSha256", "Mã SHA-256 của tệp gốc"),
            Map.entry("text", "Nội dung"),
            Map.entry("textLayer", "Có lớp văn bản"),
            Map.entry("title", "Tên nhiệm vụ"),
            Map.entry("to", "Sau"),
            Map.entry("tokenId", "Mã truy cập"),
            Map.entry("unit", "Đơn vị"),
            Map.entry("userId", "Tên đăng nhập"),
            Map.entry("verdict", "Kết luận"),
            Map.entry("version", "Phiên bản"),
            Map.entry("why", "Lý do"),
            Map.entry("wordCount", "Số từ"),
            Map.entry("workingDaysLeft", "Số ngày làm việc còn lại"));

    static final Map<String, String> FIELDS_EN = Map.ofEntries(
            Map.entry("answer", "Answer"),
            Map.entry("answers", "Answers"),
            Map.entry("approvalRoute", "Approval route"),
            Map.entry("chair", "Meeting chaired by"),
            Map.entry("chasedUnit", "Unit chased"),
            Map.entry("coordinatingUnits", "Coordinating units"),
            Map.entry("currentDeadline", "Current deadline"),
            Map.entry("date", "Date"),
            Map.entry("deadline", "Deadline"),
            Map.entry("decision", "Decision cited"),
            Map.entry("documentName", "Draft file name"),
            Map.entry("documentNumber", "Number of the issued document"),
            Map.entry("documentSha256", "SHA-256 of the file"),
            Map.entry("documentUrl", "Or a link to the document"),
            Map.entry("dueDate", "Due date for the revision (optional)"),
            Map.entry("effectiveDate", "Date it happened"),
            Map.entry("file", "File"),
            Map.entry("finalApproval", "Final approval"),
            Map.entry("from", "Before"),
            Map.entry("id", "Id"),
            Map.entry("invitation", "Invitation"),
            Map.entry("issuedMonth", "Month issued"),
            Map.entry("issuedOn", "Date of issue"),
            Map.entry("issuer", "Issuer"),
            Map.entry("item", "Item number"),
            Map.entry("items", "Items"),
            Map.entry("kind", "Kind"),
            Map.entry("label", "Label"),
            Map.entry("leadUnit", "Lead unit"),
            Map.entry("level", "Approval level"),
            Map.entry("mediaType", "File type"),
            Map.entry("meetingOn", "Meeting date"),
            Map.entry("method", "Method"),
            Map.entry("name", "Name"),
            Map.entry("newDeadline", "New deadline"),
            Map.entry("newLeadUnit", "New lead unit"),
            Map.entry("note", "Note"),
            Map.entry("notice", "Document"),
            Map.entry("noticeId", "Document id"),
            Map.entry("number", "Number"),
            Map.entry("origin", "Origin"),
            Map.entry("pageCount", "Pages"),
            Map.entry("parentId", "Main assignment"),
            Map.entry("path", "Path"),
            Map.entry("place", "Place"),
            Map.entry("point", "Point"),
            Map.entry("points", "Points"),
            Map.entry("previousDeadline", "Previous deadline"),
            Map.entry("previousLeadUnit", "Previous lead unit"),
            Map.entry("previousNumber", "Previous number"),
            Map.entry("reason", "Reason"),
            Map.entry("reopenedPoints", "Points reopened"),
            Map.entry("requestReason", "The unit’s reason when asking"),
            Map.entry("requestedDeadline", "Deadline asked for"),
            Map.entry("requestingUnit", "Requesting unit"),
            Map.entry("requirements", "Requirements"),
            Map.entry("role", "Role"),
            Map.entry("rule", "Rule"),
            Map.entry("signer", "Signer"),
            Map.entry("size", "Size (bytes)"),
            Map.entry("source", "Source"),
            Map.entry("sourceSha256", "SHA-256 of the source file"),
            Map.entry("text", "Text"),
            Map.entry("textLayer", "Has a text layer"),
            Map.entry("title", "Title"),
            Map.entry("to", "After"),
            Map.entry("tokenId", "Access token"),
            Map.entry("unit", "Unit"),
            Map.entry("userId", "Login"),
            Map.entry("verdict", "Verdict"),
            Map.entry("version", "Version"),
            Map.entry("why", "Why"),
            Map.entry("wordCount", "Words"),
            Map.entry("workingDaysLeft", "Working days left"));

    /**
     * Docket's upper-case codes an event carries (a deliverable's kind, a role, a meeting's verdict, a point's answer), as
     * the page's details name them (audit.js readable: the first of VALUE_NAMES' prefixes that has the code). A code the
     * page has no name for is not here: it shows as stored, on the page as in the CSV.
     */
    static final Map<String, String> VALUES_VI = withRoles(ROLES_VI,
            Map.entry("PLAN", "Kế hoạch"),
            Map.entry("REPORT", "Báo cáo"),
            Map.entry("SCHEME", "Đề án"),
            Map.entry("PROGRAMME", "Chương trình"),
            Map.entry("OTHER", "Khác"),
            Map.entry("TAKEN_IN", "Tiếp thu"),
            Map.entry("EXPLAINED", "Giải trình"),
            Map.entry("APPROVED_IN_PRINCIPLE", "Cơ bản nhất trí"),
            Map.entry("REVISION_REQUIRED", "Yêu cầu chỉnh sửa"));

    static final Map<String, String> VALUES_EN = withRoles(ROLES_EN,
            Map.entry("PLAN", "Plan"),
            Map.entry("REPORT", "Report"),
            Map.entry("SCHEME", "Scheme"),
            Map.entry("PROGRAMME", "Programme"),
            Map.entry("OTHER", "Other"),
            Map.entry("TAKEN_IN", "Taken in"),
            Map.entry("EXPLAINED", "Explained"),
            Map.entry("APPROVED_IN_PRINCIPLE", "Agreed in principle"),
            Map.entry("REVISION_REQUIRED", "Revision required"));

    /** A role inside a detail (the actor a step names) is named as the log's column names it. */
    @SafeVarargs
    private static Map<String, String> withRoles(Map<String, String> roles, Map.Entry<String, String>... codes) {
        Map<String, String> all = new HashMap<>(roles);
        for (Map.Entry<String, String> code : codes) {
            all.put(code.getKey(), code.getValue());
        }
        return Map.copyOf(all);
    }

    /** Why an extension request lapsed (ExtensionRequestLapsed.why), as the page and the plan path say it. */
    static final Map<String, String> LAPSED_VI = Map.of(
            "REASSIGNED", "nhiệm vụ đã giao cho đơn vị khác chủ trì",
            "SUPERSEDED_BY_DUE_DATE", "yêu cầu chỉnh sửa đã cho hạn nộp lại không sớm hơn ngày đề nghị",
            "APPROVED", "dự thảo đã được phê duyệt, nhiệm vụ đã hoàn thành",
            "CANCELLED", "nhiệm vụ đã bị hủy");

    static final Map<String, String> LAPSED_EN = Map.of(
            "REASSIGNED", "the assignment now has another lead unit",
            "SUPERSEDED_BY_DUE_DATE", "a revision request set a resubmission date no earlier than the date asked for",
            "APPROVED", "the draft was approved and the work is done",
            "CANCELLED", "the assignment was cancelled");

    /** Who sent a reminder (ReminderSent.kind), as the page says it ("reminder.kind."). */
    static final Map<String, String> REMINDER_KINDS_VI = Map.of(
            "MANUAL", "Văn phòng đôn đốc", "BEFORE_DEADLINE", "Docket tự nhắc trước hạn");
    static final Map<String, String> REMINDER_KINDS_EN = Map.of(
            "MANUAL", "Sent by the office", "BEFORE_DEADLINE", "Docket’s own reminder before the deadline");

    /**
     * The rules a refusal of access is recorded under (AccessDenied.rule, every NotAllowed's), in the page's words: the
     * page shows them for the rule and leaves out the server's English reason.
     */
    static final Map<String, String> PROBLEMS_VI = Map.of(
            "admins-only", "Chỉ quản trị viên được quản lý người dùng.",
            "approval-level", "Bạn không được xem xét ở cấp trình này.",
            "auditors-only", "Chỉ thanh tra, quản trị viên và chuyên viên Văn phòng được kiểm tra tính toàn vẹn.",
            "clerks-only", "Chỉ chuyên viên Văn phòng được làm việc này.",
            "compiling-unit-only", "Chỉ đơn vị chủ trì tổng hợp (đơn vị nhận phần đóng góp này) được tiếp thu hoặc trả lại.",
            "leaders-only", "Chỉ Chủ tịch hoặc Phó Chủ tịch được quyết định gia hạn.",
            "own-draft", "Không ai được tự phê duyệt dự thảo do chính mình nộp.",
            "own-unit-only", "Chỉ cán bộ của đơn vị chủ trì (hoặc Văn phòng) được nộp dự thảo.");

    static final Map<String, String> PROBLEMS_EN = Map.of(
            "admins-only", "Only an administrator may manage users.",
            "approval-level", "You may not decide at this approval level.",
            "auditors-only", "Only auditors, administrators and clerks may verify the record.",
            "clerks-only", "Only the office’s clerks may do this.",
            "compiling-unit-only", "Only the lead unit this contribution feeds may take it in or send it back.",
            "leaders-only", "Only the chair or a vice-chair may decide on an extension.",
            "own-draft", "Nobody may approve a draft they submitted.",
            "own-unit-only", "Only the lead unit’s staff (or the office) may submit drafts.");

    /** A draft's file kind as the draft's page names it (i18n.js fmtFileKind, "draft.type."), not its media type. */
    static final Map<String, String> FILE_KINDS_VI = Map.of(
            "pdf", "PDF", "docx", "Word (.docx)", "odt", "OpenDocument (.odt)", "txt", "Văn bản thuần (.txt)");
    static final Map<String, String> FILE_KINDS_EN = Map.of(
            "pdf", "PDF", "docx", "Word (.docx)", "odt", "OpenDocument (.odt)", "txt", "Plain text (.txt)");

    /**
     * A registered document's type (DocumentType, "NONE" for a number that names none) as the page names it
     * ("documentType."), for the task column of a notice's own steps: "Công văn số 9387/UBND-KT", as audit.js noticeOf.
     */
    static final Map<String, String> DOCUMENT_TYPES_VI = Map.ofEntries(
            Map.entry("NOTICE", "Thông báo"),
            Map.entry("CONCLUSION", "Kết luận"),
            Map.entry("LETTER", "Công văn"),
            Map.entry("TELEGRAM", "Công điện"),
            Map.entry("DECISION", "Quyết định"),
            Map.entry("DIRECTIVE", "Chỉ thị"),
            Map.entry("RESOLUTION", "Nghị quyết"),
            Map.entry("PLAN", "Kế hoạch"),
            Map.entry("REPORT", "Báo cáo"),
            Map.entry("GUIDANCE", "Hướng dẫn"),
            Map.entry("PROGRAMME", "Chương trình"),
            Map.entry("SCHEME", "Đề án"),
            Map.entry("DECREE", "Nghị định"),
            Map.entry("CIRCULAR", "Thông tư"),
            Map.entry("MINUTES", "Biên bản"),
            Map.entry("NONE", "Văn bản"));
    static final Map<String, String> DOCUMENT_TYPES_EN = Map.ofEntries(
            Map.entry("NOTICE", "Notice"),
            Map.entry("CONCLUSION", "Conclusion"),
            Map.entry("LETTER", "Letter"),
            Map.entry("TELEGRAM", "Official telegram"),
            Map.entry("DECISION", "Decision"),
            Map.entry("DIRECTIVE", "Directive"),
            Map.entry("RESOLUTION", "Resolution"),
            Map.entry("PLAN", "Plan"),
            Map.entry("REPORT", "Report"),
            Map.entry("GUIDANCE", "Guidance"),
            Map.entry("PROGRAMME", "Programme"),
            Map.entry("SCHEME", "Scheme"),
            Map.entry("DECREE", "Decree"),
            Map.entry("CIRCULAR", "Circular"),
            Map.entry("MINUTES", "Minutes"),
            Map.entry("NONE", "Document"));

    /** "notice.title" ({type} and {number}) and "notice.titleUnnumbered" of each language. */
    static final List<String> NOTICE_NAMES_VI = List.of("{type} số {number}", "Văn bản (chưa có số)");
    static final List<String> NOTICE_NAMES_EN = List.of("{type} {number}", "Document (no number yet)");

    /** "audit.yes", "audit.no" and "audit.leaderGaveNone" of each language. */
    static final List<String> OTHERS_VI = List.of("Có", "Không", "(lãnh đạo không nêu lý do riêng)");
    static final List<String> OTHERS_EN = List.of("Yes", "No", "(the leader gave none of their own)");

    static final Words VI = new Words(HEADER_VI, KINDS_VI, ROLES_VI, FIELDS_VI, VALUES_VI, LAPSED_VI, REMINDER_KINDS_VI,
            PROBLEMS_VI, FILE_KINDS_VI, OTHERS_VI.get(0), OTHERS_VI.get(1), OTHERS_VI.get(2), DOCUMENT_TYPES_VI,
            NOTICE_NAMES_VI.get(0), NOTICE_NAMES_VI.get(1));
    static final Words EN = new Words(HEADER_EN, KINDS_EN, ROLES_EN, FIELDS_EN, VALUES_EN, LAPSED_EN, REMINDER_KINDS_EN,
            PROBLEMS_EN, FILE_KINDS_EN, OTHERS_EN.get(0), OTHERS_EN.get(1), OTHERS_EN.get(2), DOCUMENT_TYPES_EN,
            NOTICE_NAMES_EN.get(0), NOTICE_NAMES_EN.get(1));
}
