package vn.docket.query.audit;

import java.util.List;
import java.util.Map;

/**
 * The log's words for each kind of event and each role, in Vietnamese and English, for the CSV export: the same as
 * the page's (js/i18n.js, "event." and "role."), which only the browser reads. A kind Docket records without a name
 * here would be exported nameless: AuditWordsTest checks every one of {@link AuditIndex#TYPES}.
 */
final class AuditWords {

    private AuditWords() {
    }

    /** The page's columns, "who" as its four parts and the task as its title and id. */
    static final List<String> HEADER_VI = List.of("Ghi nhận lúc", "Ngày thực hiện", "Người thực hiện", "Mã người dùng",
            "Đơn vị", "Vai trò", "Việc", "Nhiệm vụ", "Mã nhiệm vụ", "Mã thao tác", "Chi tiết");
    static final List<String> HEADER_EN = List.of("Recorded", "Effective", "Who", "User id", "Unit", "Role", "What",
            "Assignment", "Assignment id", "Command", "Details");

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
            Map.entry("NoticeRegistered", "Đăng ký thông báo kết luận"),
            Map.entry("NoticeNumbered", "Ghi số thông báo kết luận"),
            Map.entry("NoticeNumberCorrected", "Sửa số thông báo kết luận"),
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
            Map.entry("NoticeRegistered", "Notice registered"),
            Map.entry("NoticeNumbered", "Notice number recorded"),
            Map.entry("NoticeNumberCorrected", "Notice number corrected"),
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
}
