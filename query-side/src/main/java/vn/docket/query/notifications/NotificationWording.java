package vn.docket.query.notifications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import vn.docket.platform.Text;

/**
 * The one home of a notification's words, in Vietnamese and English, made from the values the projection kept
 * (dates ISO): the e-mail is the Vietnamese wording, and the bell asks for the reader's language. A notification
 * recorded before values were kept has no wording here and shows the e-mail text it was stored with.
 */
final class NotificationWording {


    record Words(String subject, String text) {
    }

    /** One wording: its key, in Vietnamese and in English, side by side so that neither language can miss a key. */
    private record Both(String key, String vi, String en) {
    }

    private static final List<Both> WORDINGS = List.of(
            new Both("REMINDER_SENT.MANUAL", "Đôn đốc thực hiện nhiệm vụ", "Reminder to act on an assignment"),
            new Both("REMINDER_SENT.BEFORE_DEADLINE", "Sắp đến hạn", "Deadline approaching"),
            new Both("REMINDER_SENT",
                    "Nhiệm vụ \"{title}\" có hạn ngày {deadline}{left}.",
                    "Assignment \"{title}\" is due on {deadline}{left}."),
            new Both("REMINDER_SENT.noDeadline",
                    "Nhiệm vụ \"{title}\" chưa có hạn.",
                    "Assignment \"{title}\" has no deadline."),
            new Both("workingDaysLeft", " (còn {n} ngày làm việc)", " ({n} working days left)"),
            new Both("workingDaysOverdue", " (đã quá hạn {n} ngày làm việc)", " ({n} working days overdue)"),
            // English says one day in the singular; Vietnamese has one form for any number.
            new Both("workingDayLeft", " (còn 1 ngày làm việc)", " (1 working day left)"),
            new Both("workingDayOverdue", " (đã quá hạn 1 ngày làm việc)", " (1 working day overdue)"),
            new Both("DEADLINE_MISSED.subject", "Quá hạn", "Overdue"),
            new Both("DEADLINE_MISSED",
                    "Nhiệm vụ \"{title}\" do {unit} chủ trì đã quá hạn ngày {deadline} mà chưa có dự thảo đúng hạn.",
                    "Assignment \"{title}\", led by \"{unit}\", passed its deadline of {deadline} without a draft on time."),
            new Both("REVISION_REQUESTED.subject", "Yêu cầu chỉnh sửa dự thảo", "Draft revision requested"),
            new Both("REVISION_REQUESTED",
                    "Dự thảo v{version} của nhiệm vụ \"{title}\" cần chỉnh sửa:",
                    "Draft v{version} of assignment \"{title}\" needs revision:"),
            new Both("reopened", "Mở lại ý kiến {point}", "Point {point} reopened"),
            new Both("reopenedText", "Mở lại ý kiến {point}: {text}", "Point {point} reopened: {text}"),
            new Both("dueDate", "Hạn nộp lại: {dueDate}.", "Resubmit by {dueDate}."),
            // A level's name is configuration, in Vietnamese only (ApprovalLevels): English quotes it as a name, the
            // way it quotes a task's title, rather than running it into the sentence as if it were English. So does it
            // a unit's ("Phòng Tài chính - Kế hoạch asks to extend ..." read as broken English).
            new Both("outsideDecision", "Theo văn bản số {decision} ngày {decisionDate} của {level}.",
                    "As decided at the approval level \"{level}\" in document {decision} of {decisionDate}."),
            // A meeting's conclusion sends the draft back to the unit either way (MeetingConcluded).
            new Both("MEETING_CONCLUDED.subject", "Kết luận cuộc họp về dự thảo", "The meeting's conclusion on a draft"),
            new Both("meeting", "Cuộc họp", "The meeting"),
            new Both("meeting.chaired", "Cuộc họp do {chair} chủ trì", "The meeting chaired by {chair}"),
            new Both("MEETING_CONCLUDED.REVISION_REQUIRED",
                    "{meeting} kết luận dự thảo v{version} của nhiệm vụ \"{title}\" cần chỉnh sửa, bổ sung:",
                    "{meeting} concluded that draft v{version} of assignment \"{title}\" needs revision:"),
            new Both("MEETING_CONCLUDED.APPROVED_IN_PRINCIPLE",
                    "{meeting} thống nhất về cơ bản dự thảo v{version} của nhiệm vụ \"{title}\"; đơn vị hoàn thiện theo"
                            + " các ý kiến sau:",
                    "{meeting} approved draft v{version} of assignment \"{title}\" in principle; the unit completes it as"
                            + " follows:"),
            new Both("MEETING_CONCLUDED.APPROVED_IN_PRINCIPLE.plain",
                    "{meeting} thống nhất về cơ bản dự thảo v{version} của nhiệm vụ \"{title}\"; đơn vị hoàn thiện để"
                            + " trình ban hành.",
                    "{meeting} approved draft v{version} of assignment \"{title}\" in principle; the unit completes it"
                            + " for issuance."),
            new Both("noticeRef", "Theo Thông báo kết luận số {notice} ngày {noticeDate}.",
                    "As the conclusion notice {notice} of {noticeDate} records."),
            new Both("settled.MEETING", "Đã xử lý ngày {on}: cuộc họp đã kết luận.",
                    "Settled on {on}: the meeting concluded on it."),
            new Both("settled.MEETING_CHAIRED", "Đã xử lý ngày {on}: cuộc họp do {by} chủ trì đã kết luận.",
                    "Settled on {on}: the meeting chaired by {by} concluded on it."),
            new Both("DRAFT_SUBMITTED.subject", "Dự thảo chờ phê duyệt", "Draft awaiting approval"),
            new Both("DRAFT_SUBMITTED",
                    "{unit} đã nộp dự thảo v{version} của nhiệm vụ \"{title}\" ({document}),"
                            + " chờ {level} xem xét, phê duyệt.",
                    "\"{unit}\" handed in draft v{version} of assignment \"{title}\" ({document}); it awaits review at the"
                            + " approval level \"{level}\"."),
            new Both("taskDeadline", "Hạn nhiệm vụ: ngày {deadline}.", "The assignment is due on {deadline}."),
            new Both("DRAFT_APPROVED.subject", "Dự thảo được phê duyệt", "Draft approved"),
            new Both("DRAFT_APPROVED",
                    "Dự thảo v{version} của nhiệm vụ \"{title}\" đã được {level} phê duyệt.",
                    "Draft v{version} of assignment \"{title}\" was approved at the approval level \"{level}\"."),
            // Before the route's last level: the unit and the next level's judges read the same words.
            new Both("DRAFT_APPROVED.next.subject", "Dự thảo chờ phê duyệt cấp tiếp theo",
                    "Draft awaiting the next approval"),
            new Both("DRAFT_APPROVED.next",
                    "Dự thảo v{version} của nhiệm vụ \"{title}\" do {unit} chủ trì đã được {level} thông qua,"
                            + " chờ {next} xem xét, phê duyệt.",
                    "Draft v{version} of assignment \"{title}\", led by \"{unit}\", was approved at the approval level"
                            + " \"{level}\" and now awaits review at \"{next}\"."),
            // A draft judged at the level it waited for: the bells of those it waited for say so, as for a request.
            new Both("DRAFT_SUBMITTED.settled.subject", "Dự thảo trình phê duyệt (đã xử lý)",
                    "Draft handed in (settled)"),
            new Both("DRAFT_APPROVED.next.settled.subject", "Dự thảo trình cấp tiếp theo (đã xử lý)",
                    "Draft before the next level (settled)"),
            new Both("settled.APPROVED", "Đã xử lý ngày {on}: {by} phê duyệt.", "Settled on {on}: {by} approved it."),
            new Both("settled.SENT_BACK", "Đã xử lý ngày {on}: {by} yêu cầu chỉnh sửa.",
                    "Settled on {on}: {by} sent it back for revision."),
            // Judged by an outside body, whose decision a clerk recorded: named as a level.
            new Both("settled.APPROVED.level", "Đã xử lý ngày {on}: {level} phê duyệt.",
                    "Settled on {on}: approved at the approval level \"{level}\"."),
            new Both("settled.SENT_BACK.level", "Đã xử lý ngày {on}: {level} yêu cầu chỉnh sửa.",
                    "Settled on {on}: sent back for revision at the approval level \"{level}\"."),
            // The task cancelled while a draft waited: nobody will judge it now.
            new Both("settled.CANCELLED", "Đã xử lý ngày {on}: nhiệm vụ đã bị hủy.",
                    "Settled on {on}: the assignment was cancelled."),
            new Both("EXTENSION_REQUESTED.subject", "Đề nghị gia hạn", "Extension requested"),
            new Both("EXTENSION_REQUESTED",
                    "{unit} đề nghị gia hạn nhiệm vụ \"{title}\" từ ngày {from} đến ngày {to}. Lý do: {reason}",
                    "\"{unit}\" asks to extend assignment \"{title}\" from {from} to {to}. Reason: {reason}"),
            // A request settled after it was sent: the leaders' bells say so, lest another leader decide or chase it.
            new Both("EXTENSION_REQUESTED.settled.subject", "Đề nghị gia hạn (đã xử lý)", "Extension requested (settled)"),
            new Both("settled.EXTENDED", "Đã xử lý ngày {on}: {by} đồng ý gia hạn đến ngày {date}.",
                    "Settled on {on}: {by} extended it to {date}."),
            new Both("settled.REJECTED", "Đã xử lý ngày {on}: {by} không đồng ý gia hạn.",
                    "Settled on {on}: {by} refused it."),
            new Both("settled.LAPSED", "Đã xử lý ngày {on}: đề nghị không còn chờ quyết định.",
                    "Settled on {on}: the request no longer awaits a decision."),
            // A request that lapsed says why, as the notification of its lapse does (one stored before says only that).
            new Both("settled.LAPSED.REASSIGNED", "Đã xử lý ngày {on}: nhiệm vụ đã giao lại cho {unit} chủ trì.",
                    "Settled on {on}: the assignment was handed to \"{unit}\" to lead."),
            new Both("settled.LAPSED.CANCELLED", "Đã xử lý ngày {on}: nhiệm vụ đã bị hủy.",
                    "Settled on {on}: the assignment was cancelled."),
            new Both("settled.LAPSED.APPROVED", "Đã xử lý ngày {on}: dự thảo đã được phê duyệt, nhiệm vụ đã hoàn thành.",
                    "Settled on {on}: the draft was approved and the work is done."),
            new Both("settled.LAPSED.SUPERSEDED_BY_DUE_DATE",
                    "Đã xử lý ngày {on}: yêu cầu chỉnh sửa đã cho hạn nộp lại không sớm hơn ngày đề nghị.",
                    "Settled on {on}: a revision request set a resubmission date no earlier."),
            new Both("DEADLINE_EXTENDED.subject", "Gia hạn nhiệm vụ", "Deadline extended"),
            new Both("DEADLINE_EXTENDED",
                    "Nhiệm vụ \"{title}\" được gia hạn đến ngày {date}.",
                    "Assignment \"{title}\" is extended to {date}."),
            // A grant that settles the unit's request says how the date granted stands to the date asked for.
            new Both("DEADLINE_EXTENDED.asAsked",
                    "Nhiệm vụ \"{title}\" được gia hạn đến ngày {date}, đúng ngày đơn vị đề nghị.",
                    "Assignment \"{title}\" is extended to {date}, the day the unit asked for."),
            new Both("DEADLINE_EXTENDED.earlier",
                    "Nhiệm vụ \"{title}\" được gia hạn đến ngày {date}, sớm hơn ngày {asked} đơn vị đề nghị.",
                    "Assignment \"{title}\" is extended to {date}, earlier than the {asked} the unit asked for."),
            new Both("DEADLINE_EXTENDED.later",
                    "Nhiệm vụ \"{title}\" được gia hạn đến ngày {date}, muộn hơn ngày {asked} đơn vị đề nghị.",
                    "Assignment \"{title}\" is extended to {date}, later than the {asked} the unit asked for."),
            new Both("reason", "Lý do: {reason}", "Reason: {reason}"),
            new Both("decidedBy", "Người quyết định: {by}.", "Decided by {by}."),
            new Both("role.CLERK", "Chuyên viên Văn phòng", "Office clerk"),
            new Both("role.UNIT_STAFF", "Cán bộ đơn vị", "Unit staff"),
            new Both("role.UNIT_HEAD", "Lãnh đạo đơn vị", "Unit head"),
            new Both("role.VICE_CHAIR", "Phó Chủ tịch", "Vice-chair"),
            new Both("role.CHAIR", "Chủ tịch", "Chair"),
            new Both("role.AUDITOR", "Thanh tra", "Auditor"),
            new Both("role.ADMIN", "Quản trị hệ thống", "Administrator"),
            new Both("role.SYSTEM", "Hệ thống", "System"),
            new Both("DEADLINE_SET.subject", "Đặt hạn nhiệm vụ", "Deadline set"),
            new Both("DEADLINE_SET",
                    "Nhiệm vụ \"{title}\" có hạn hoàn thành: ngày {date}.",
                    "Assignment \"{title}\" is now due on {date}."),
            new Both("EXTENSION_REJECTED.subject", "Không đồng ý gia hạn", "Extension refused"),
            new Both("EXTENSION_REJECTED",
                    "Đề nghị gia hạn nhiệm vụ \"{title}\" đến ngày {date} không được chấp thuận. Lý do: {reason}",
                    "The request to extend assignment \"{title}\" to {date} was not granted. Reason: {reason}"),
            new Both("deadlineStays", "Hạn vẫn là ngày {deadline}.", "The deadline stays {deadline}."),
            new Both("EXTENSION_LAPSED.subject", "Đề nghị gia hạn hết hiệu lực", "Extension request lapsed"),
            new Both("EXTENSION_LAPSED.REASSIGNED",
                    "Đề nghị gia hạn nhiệm vụ \"{title}\" đến ngày {date} của {unit}"
                            + " không còn chờ quyết định: nhiệm vụ đã được giao cho đơn vị khác chủ trì.",
                    "The request of \"{unit}\" to extend assignment \"{title}\" to {date}"
                            + " no longer awaits a decision: the assignment now has another lead unit."),
            new Both("EXTENSION_LAPSED.SUPERSEDED_BY_DUE_DATE",
                    "Đề nghị gia hạn nhiệm vụ \"{title}\" đến ngày {date}"
                            + " của {unit} không còn chờ quyết định: yêu cầu chỉnh sửa đã cho hạn nộp lại không sớm hơn ngày đề nghị.",
                    "The request of \"{unit}\" to extend assignment \"{title}\""
                            + " to {date} no longer awaits a decision: a revision request set a resubmission date no earlier."),
            new Both("EXTENSION_LAPSED.APPROVED",
                    "Đề nghị gia hạn nhiệm vụ \"{title}\" đến ngày {date} của {unit}"
                            + " không còn chờ quyết định: dự thảo đã được phê duyệt, nhiệm vụ đã hoàn thành.",
                    "The request of \"{unit}\" to extend assignment \"{title}\" to {date}"
                            + " no longer awaits a decision: the draft was approved and the work is done."),
            new Both("EXTENSION_LAPSED.CANCELLED",
                    "Đề nghị gia hạn nhiệm vụ \"{title}\" đến ngày {date} của {unit}"
                            + " không còn chờ quyết định: nhiệm vụ đã bị hủy.",
                    "The request of \"{unit}\" to extend assignment \"{title}\" to {date}"
                            + " no longer awaits a decision: the assignment was cancelled."));

    /** By language ("vi", "en"), each wording by its key. */
    static final Map<String, Map<String, String>> TEXTS = Map.of(
            "vi", WORDINGS.stream().collect(Collectors.toMap(Both::key, Both::vi)),
            "en", WORDINGS.stream().collect(Collectors.toMap(Both::key, Both::en)));

    private NotificationWording() {
    }

    /** {@code lang} "en" or anything else for Vietnamese; null if the type or the values are unknown. */
    static Words of(String type, Document values, String lang) {
        Map<String, String> texts = TEXTS.get("en".equals(lang) ? "en" : "vi");
        if (values == null || type == null
                || !(texts.containsKey(type) || type.equals("REMINDER_SENT") || type.equals("EXTENSION_LAPSED")
                || type.equals("MEETING_CONCLUDED"))) {
            return null;
        }
        Map<String, String> v = new HashMap<>();
        values.forEach((key, value) -> v.put(key, value == null ? "" : String.valueOf(value)));
        for (String date : List.of("deadline", "dueDate", "from", "to", "date", "asked", "decisionDate", "noticeDate")) {
            if (values.getString(date) != null) {
                v.put(date, Text.date(LocalDate.parse(values.getString(date))));
            }
        }
        String subject;
        String text;
        if (type.equals("REMINDER_SENT")) {
            subject = texts.get("REMINDER_SENT." + values.getString("kind"));
            // Negative once the deadline passed (a clerk's reminder of overdue work): said as days overdue, not "còn -3".
            Integer left = values.getInteger("workingDaysLeft");
            String days = left != null && Math.abs(left) == 1 ? "workingDay" : "workingDays";
            v.put("left", left == null ? "" : fill(texts.get(days + (left < 0 ? "Overdue" : "Left")),
                    Map.of("n", String.valueOf(Math.abs(left)))));
            text = fill(texts.get(values.getString("deadline") == null ? "REMINDER_SENT.noDeadline" : "REMINDER_SENT"), v);
        } else if (type.equals("EXTENSION_LAPSED")) {
            subject = texts.get("EXTENSION_LAPSED.subject");
            String why = texts.get("EXTENSION_LAPSED." + values.getString("why"));
            text = why == null ? null : fill(why, v);
        } else if (type.equals("DEADLINE_EXTENDED") && values.getString("asked") != null) {
            subject = texts.get(type + ".subject");
            int granted = LocalDate.parse(values.getString("date")).compareTo(LocalDate.parse(values.getString("asked")));
            text = fill(texts.get(type + (granted == 0 ? ".asAsked" : granted < 0 ? ".earlier" : ".later")), v);
        } else if (type.equals("MEETING_CONCLUDED")) {
            subject = texts.get(type + ".subject");
            v.put("meeting", fill(texts.get(values.getString("chair") == null ? "meeting" : "meeting.chaired"), v));
            String verdict = type + "." + values.getString("verdict");
            boolean conditions = !values.getList("points", String.class, List.of()).isEmpty();
            String said = texts.get(conditions ? verdict : texts.containsKey(verdict + ".plain") ? verdict + ".plain" : verdict);
            text = said == null ? null : fill(said, v);
        } else if (type.equals("DRAFT_APPROVED") && values.getString("next") != null) {
            subject = texts.get(type + ".next.subject");
            text = fill(texts.get(type + ".next"), v);
        } else {
            subject = texts.get(type + ".subject");
            text = fill(texts.get(type), v);
        }
        if (subject == null || text == null) {
            return null; // a kind or a reason this version does not know
        }
        // Settled since it was sent (a request decided, a draft judged): the subject says so, lest it read as waiting.
        Document settled = values.get("settled") instanceof Document d
                && texts.containsKey("settled." + d.getString("how")) ? d : null;
        if (settled != null) {
            String variant = values.getString("next") != null ? type + ".next" : type;
            subject = texts.getOrDefault(variant + ".settled.subject", subject);
        }
        List<String> lines = new ArrayList<>(List.of(text));
        if (type.equals("MEETING_CONCLUDED")) {
            values.getList("points", String.class, List.of()).forEach(p -> lines.add("- " + p));
            if (values.getString("notice") != null) {
                lines.add(fill(texts.get("noticeRef"), v));
            }
        }
        if (type.equals("REVISION_REQUESTED")) {
            values.getList("points", String.class, List.of()).forEach(p -> lines.add("- " + p));
            Map<String, String> said = new HashMap<>();
            values.getList("reopenedTexts", Document.class, List.of()).forEach(p -> said.put(p.getString("id"), p.getString("text")));
            values.getList("reopened", String.class, List.of()).forEach(p -> lines.add("- " + (said.get(p) == null
                    ? fill(texts.get("reopened"), Map.of("point", p))
                    : fill(texts.get("reopenedText"), Map.of("point", p, "text", shortened(said.get(p)))))));
            if (values.getString("dueDate") != null) {
                lines.add(fill(texts.get("dueDate"), v));
            }
        }
        // A send-back or an approval an outside body decided: whose decision it is, as a clerk recorded it.
        if (values.getString("decision") != null) {
            lines.add(fill(texts.get("outsideDecision"), v));
        }
        if ((type.startsWith("DRAFT_") || type.equals("MEETING_CONCLUDED")) && values.getString("deadline") != null) {
            lines.add(fill(texts.get("taskDeadline"), v));
        }
        if (type.equals("EXTENSION_REJECTED") && values.getString("deadline") != null) {
            lines.add(fill(texts.get("deadlineStays"), v));
        }
        if (type.equals("DEADLINE_EXTENDED") && values.getString("reason") != null) {
            lines.add(fill(texts.get("reason"), v));
        }
        if (values.getString("by") != null) {
            lines.add(fill(texts.get("decidedBy"), Map.of("by", byline(values, texts))));
        }
        if (values.getString("note") != null) {
            lines.add(values.getString("note"));
        }
        if (settled != null) {
            lines.add(settledLine(settled, texts));
        }
        return new Words(subject, String.join("\n", lines));
    }

    /**
     * How and when a request or a draft was settled: by whom when someone decided it, at which level when an outside
     * body did, why when nobody did.
     */
    private static String settledLine(Document settled, Map<String, String> texts) {
        Map<String, String> v = new HashMap<>();
        v.put("on", Text.date(LocalDate.parse(settled.getString("on"))));
        if (settled.getString("date") != null) {
            v.put("date", Text.date(LocalDate.parse(settled.getString("date"))));
        }
        if (settled.getString("by") != null) {
            v.put("by", byline(settled, texts));
        }
        String key = "settled." + settled.getString("how");
        if (settled.getString("level") != null) {
            key += ".level";
            v.put("level", settled.getString("level"));
        } else if (texts.containsKey(key + "." + settled.getString("why"))) {
            key += "." + settled.getString("why");
            v.put("unit", settled.getString("unit"));
        }
        return fill(texts.get(key), v);
    }

    /** A decider's name, and their role in the reader's language when it is known. */
    private static String byline(Document values, Map<String, String> texts) {
        String role = texts.get("role." + values.getString("byRole"));
        return values.getString("by") + (role == null ? "" : " (" + role + ")");
    }

    /** A reopened point's text, enough to recognise it: the unit answered it before, and the page has it whole. */
    static final int REOPENED_TEXT_MAX = 200;

    /** Cut at the last space before the limit, so that no word is cut in two, and marked as cut. */
    private static String shortened(String text) {
        if (text.length() <= REOPENED_TEXT_MAX) {
            return text;
        }
        int space = text.lastIndexOf(' ', REOPENED_TEXT_MAX);
        return text.substring(0, space > 0 ? space : REOPENED_TEXT_MAX).replaceAll("[\\s,;:.]+$", "") + "…";
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /**
     * The template's placeholders filled in one pass: a value is text as typed, never searched for placeholders of its
     * own, so a title holding "{reason}" does not take in someone's reason.
     */
    private static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }
}
