package vn.docket.query.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class NotificationWordingTest {

    private static final Document REVISION = new Document("title", "Dự thảo Kế hoạch IOC").append("unit", "Phòng Văn hóa và Thông tin")
            .append("version", 2).append("points", List.of("2.1 Bổ sung lộ trình")).append("reopened", List.of("1.2"))
            .append("dueDate", "2026-12-15");

    @Test
    void a_revision_request_is_worded_in_vietnamese_for_the_email_and_the_bell_with_its_points_and_dates_as_people_read_them() {
        NotificationWording.Words words = NotificationWording.of("REVISION_REQUESTED", REVISION, "vi");
        assertThat(words.subject()).isEqualTo("Yêu cầu chỉnh sửa dự thảo");
        assertThat(words.text()).isEqualTo("""
                Dự thảo v2 của nhiệm vụ "Dự thảo Kế hoạch IOC" cần chỉnh sửa:
                - 2.1 Bổ sung lộ trình
                - Mở lại ý kiến 1.2
                Hạn nộp lại: 15/12/2026.""");
    }

    @Test
    void the_same_notification_reads_in_english_when_the_reader_asks_for_it() {
        NotificationWording.Words words = NotificationWording.of("REVISION_REQUESTED", REVISION, "en");
        assertThat(words.subject()).isEqualTo("Draft revision requested");
        assertThat(words.text()).startsWith("Draft v2 of assignment \"Dự thảo Kế hoạch IOC\" needs revision:")
                .contains("- Point 1.2 reopened", "Resubmit by 15/12/2026.");
    }

    /** A reopened point's id alone does not tell the unit what to redo; a long one is cut at a word, marked as cut. */
    @Test
    void a_reopened_point_is_said_with_its_text_and_a_long_one_is_cut_at_a_word() {
        String long12 = "Để tránh trùng lặp các nội dung thực hiện Chương trình hành động của các mảng, lĩnh vực, việc xây dựng"
                + " kế hoạch cần phải có nhiệm vụ trọng tâm và định hướng thực hiện một số nhiệm vụ cụ thể trong 5 năm tới phù"
                + " hợp với các chỉ tiêu phát triển kinh tế xã hội của thành phố; thực hiện các nội dung phải đề ra lộ trình cụ"
                + " thể và gắn trách nhiệm của các cơ quan tham mưu, thực hiện";
        Document values = new Document(REVISION).append("reopened", List.of("1.1", "1.2")).append("reopenedTexts", List.of(
                new Document("id", "1.1").append("text", "Chỉnh sửa bố cục gồm 04 mục chính"),
                new Document("id", "1.2").append("text", long12)));
        assertThat(NotificationWording.of("REVISION_REQUESTED", values, "vi").text()).isEqualTo("""
                Dự thảo v2 của nhiệm vụ "Dự thảo Kế hoạch IOC" cần chỉnh sửa:
                - 2.1 Bổ sung lộ trình
                - Mở lại ý kiến 1.1: Chỉnh sửa bố cục gồm 04 mục chính
                - Mở lại ý kiến 1.2: Để tránh trùng lặp các nội dung thực hiện Chương trình hành động của các mảng, lĩnh\
                 vực, việc xây dựng kế hoạch cần phải có nhiệm vụ trọng tâm và định hướng thực hiện một số nhiệm vụ cụ thể\
                 trong 5…
                Hạn nộp lại: 15/12/2026.""");
        assertThat(NotificationWording.of("REVISION_REQUESTED", values, "en").text())
                .contains("- Point 1.1 reopened: Chỉnh sửa bố cục gồm 04 mục chính\n");
    }

    @Test
    void a_send_back_an_outside_body_decided_names_its_document_in_english_too() {
        Document values = new Document(REVISION).append("level", "Ban Thường vụ Thành ủy").append("decision", "125-TB/TU")
                .append("decisionDate", "2026-12-04");
        assertThat(NotificationWording.of("REVISION_REQUESTED", values, "en").text())
                .endsWith("Resubmit by 15/12/2026.\nAs decided at the approval level \"Ban Thường vụ Thành ủy\" in document"
                        + " 125-TB/TU of 4/12/2026.");
    }

    /**
     * An approval level's name is configuration, in Vietnamese only, and the pages show it as it is: English ran it into
     * the sentence ("it awaits Phó Chủ tịch UBND thành phố phụ trách lĩnh vực."), which read as broken English. It is
     * now said as a name, quoted after "the approval level", as a task's title is; Vietnamese says it as before.
     */
    @Test
    void an_approval_level_is_named_in_english_as_a_quoted_level_and_in_vietnamese_as_it_is() {
        Document handedIn = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch").append("version", 2)
                .append("document", "Bao_cao.docx").append("level", "Phó Chủ tịch UBND thành phố phụ trách lĩnh vực");
        assertThat(NotificationWording.of("DRAFT_SUBMITTED", handedIn, "en").text()).isEqualTo("\"Phòng Tài chính - Kế hoạch\""
                + " handed in draft v2 of assignment \"Báo cáo năm\" (Bao_cao.docx); it awaits review at the approval level"
                + " \"Phó Chủ tịch UBND thành phố phụ trách lĩnh vực\".");
        assertThat(NotificationWording.of("DRAFT_SUBMITTED", handedIn, "vi").text()).isEqualTo("Phòng Tài chính - Kế hoạch"
                + " đã nộp dự thảo v2 của nhiệm vụ \"Báo cáo năm\" (Bao_cao.docx), chờ Phó Chủ tịch UBND thành phố phụ trách"
                + " lĩnh vực xem xét, phê duyệt.");

        Document approved = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch").append("version", 2)
                .append("level", "Phó Chủ tịch UBND thành phố phụ trách lĩnh vực").append("next", "Ban Thường vụ Thành ủy");
        assertThat(NotificationWording.of("DRAFT_APPROVED", approved, "en").text()).isEqualTo("Draft v2 of assignment"
                + " \"Báo cáo năm\", led by \"Phòng Tài chính - Kế hoạch\", was approved at the approval level \"Phó Chủ tịch"
                + " UBND thành phố phụ trách lĩnh vực\" and now awaits review at \"Ban Thường vụ Thành ủy\".");
        assertThat(NotificationWording.of("DRAFT_APPROVED", approved, "vi").text()).isEqualTo("Dự thảo v2 của nhiệm vụ"
                + " \"Báo cáo năm\" do Phòng Tài chính - Kế hoạch chủ trì đã được Phó Chủ tịch UBND thành phố phụ trách lĩnh"
                + " vực thông qua, chờ Ban Thường vụ Thành ủy xem xét, phê duyệt.");
        approved.remove("next");
        assertThat(NotificationWording.of("DRAFT_APPROVED", approved, "en").text()).isEqualTo("Draft v2 of assignment"
                + " \"Báo cáo năm\" was approved at the approval level \"Phó Chủ tịch UBND thành phố phụ trách lĩnh vực\".");

        // Settled by an outside body's decision a clerk recorded: the level, not a person with a role.
        Document settled = new Document(handedIn).append("settled", new Document("how", "SENT_BACK")
                .append("level", "Ban Thường vụ Thành ủy").append("on", "2026-12-06"));
        assertThat(NotificationWording.of("DRAFT_SUBMITTED", settled, "en").text())
                .endsWith("\nSettled on 6/12/2026: sent back for revision at the approval level \"Ban Thường vụ Thành ủy\".");
        assertThat(NotificationWording.of("DRAFT_SUBMITTED", settled, "vi").text())
                .endsWith("\nĐã xử lý ngày 6/12/2026: Ban Thường vụ Thành ủy yêu cầu chỉnh sửa.");
        settled.get("settled", Document.class).put("how", "APPROVED");
        assertThat(NotificationWording.of("DRAFT_SUBMITTED", settled, "en").text())
                .endsWith("\nSettled on 6/12/2026: approved at the approval level \"Ban Thường vụ Thành ủy\".");
    }

    /** The clerks are told of a missed deadline too, and the unit is the one they must chase. */
    @Test
    void a_missed_deadline_names_the_unit_that_missed_it_for_the_clerks_who_chase_it() {
        Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch").append("deadline", "2026-12-02");
        assertThat(NotificationWording.of("DEADLINE_MISSED", values, "vi").text()).isEqualTo("Nhiệm vụ \"Báo cáo năm\" do Phòng"
                + " Tài chính - Kế hoạch chủ trì đã quá hạn ngày 2/12/2026 mà chưa có dự thảo đúng hạn.");
        assertThat(NotificationWording.of("DEADLINE_MISSED", values, "en").text()).isEqualTo("Assignment \"Báo cáo năm\", led by"
                + " \"Phòng Tài chính - Kế hoạch\", passed its deadline of 2/12/2026 without a draft on time.");
    }

    @Test
    void a_reminder_names_its_kind_the_working_days_left_and_the_note() {
        Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch").append("kind", "MANUAL")
                .append("deadline", "2026-12-05").append("workingDaysLeft", 3).append("note", "Đề nghị trình đúng hạn");
        NotificationWording.Words words = NotificationWording.of("REMINDER_SENT", values, "vi");
        assertThat(words.subject()).isEqualTo("Đôn đốc thực hiện nhiệm vụ");
        assertThat(words.text()).isEqualTo("Nhiệm vụ \"Báo cáo năm\" có hạn ngày 5/12/2026 (còn 3 ngày làm việc).\nĐề nghị trình đúng hạn");
    }

    @Test
    void a_reminder_of_work_already_overdue_says_how_many_working_days_overdue_not_a_negative_number_left() {
        Document values = new Document("title", "Kế hoạch khu vực phòng thủ").append("unit", "Ban Chỉ huy Quân sự thành phố")
                .append("kind", "MANUAL").append("deadline", "2026-12-02").append("workingDaysLeft", -3).append("note", "Đề nghị khẩn trương");
        assertThat(NotificationWording.of("REMINDER_SENT", values, "vi").text()).isEqualTo(
                "Nhiệm vụ \"Kế hoạch khu vực phòng thủ\" có hạn ngày 2/12/2026 (đã quá hạn 3 ngày làm việc).\nĐề nghị khẩn trương");
        assertThat(NotificationWording.of("REMINDER_SENT", values, "en").text())
                .startsWith("Assignment \"Kế hoạch khu vực phòng thủ\" is due on 2/12/2026 (3 working days overdue).");
    }

    @Test
    void a_reminder_with_one_working_day_left_or_overdue_says_day_not_days_in_english() {
        Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch").append("kind", "BEFORE_DEADLINE")
                .append("deadline", "2026-12-05").append("workingDaysLeft", 1);
        assertThat(NotificationWording.of("REMINDER_SENT", values, "en").text())
                .isEqualTo("Assignment \"Báo cáo năm\" is due on 5/12/2026 (1 working day left).");
        assertThat(NotificationWording.of("REMINDER_SENT", values, "vi").text())
                .isEqualTo("Nhiệm vụ \"Báo cáo năm\" có hạn ngày 5/12/2026 (còn 1 ngày làm việc).");
        values.put("workingDaysLeft", -1);
        assertThat(NotificationWording.of("REMINDER_SENT", values, "en").text())
                .isEqualTo("Assignment \"Báo cáo năm\" is due on 5/12/2026 (1 working day overdue).");
        values.put("workingDaysLeft", 0);
        assertThat(NotificationWording.of("REMINDER_SENT", values, "en").text())
                .isEqualTo("Assignment \"Báo cáo năm\" is due on 5/12/2026 (0 working days left).");
    }

    /**
     * A value is text as typed: braces in a title, a unit or a reason are not read as the wording's placeholders, whatever
     * order the values are filled in, so a title cannot put a unit's name, a date or someone's reason into the e-mail.
     */
    @Test
    void braces_typed_in_a_title_a_unit_or_a_reason_stay_as_typed_in_the_email_and_the_bell() {
        Document values = new Document("title", "Kế hoạch {unit} {reason} {from}").append("unit", "Phòng {title} {reason}")
                .append("from", "2021-05-30").append("to", "2021-06-30").append("reason", "Chờ {title} {unit} {to}");
        assertThat(NotificationWording.of("EXTENSION_REQUESTED", values, "vi").text()).isEqualTo("Phòng {title} {reason}"
                + " đề nghị gia hạn nhiệm vụ \"Kế hoạch {unit} {reason} {from}\" từ ngày 30/5/2021 đến ngày 30/6/2021."
                + " Lý do: Chờ {title} {unit} {to}");
    }

    @Test
    void a_grant_says_in_either_language_how_the_day_granted_stands_to_the_day_the_unit_asked_for_and_whose_decision_it_was() {
        Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch")
                .append("date", "2026-12-21").append("asked", "2026-12-26").append("by", "Phạm Văn Đức").append("byRole", "VICE_CHAIR");
        assertThat(NotificationWording.of("DEADLINE_EXTENDED", values, "en").text()).isEqualTo("Assignment \"Báo cáo năm\""
                + " is extended to 21/12/2026, earlier than the 26/12/2026 the unit asked for.\nDecided by Phạm Văn Đức (Vice-chair).");
        values.put("asked", "2026-12-21");
        assertThat(NotificationWording.of("DEADLINE_EXTENDED", values, "vi").text())
                .startsWith("Nhiệm vụ \"Báo cáo năm\" được gia hạn đến ngày 21/12/2026, đúng ngày đơn vị đề nghị.");
        values.put("asked", "2026-12-18");
        assertThat(NotificationWording.of("DEADLINE_EXTENDED", values.append("reason", "Cần thêm thời gian lấy ý kiến"), "en").text())
                .isEqualTo("Assignment \"Báo cáo năm\" is extended to 21/12/2026, later than the 18/12/2026 the unit asked for."
                        + "\nReason: Cần thêm thời gian lấy ý kiến\nDecided by Phạm Văn Đức (Vice-chair).");
    }

    @Test
    void a_refusal_says_in_english_too_which_deadline_stays_and_whose_refusal_it_was() {
        Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch")
                .append("date", "2026-12-31").append("reason", "Không đủ căn cứ").append("deadline", "2026-12-21")
                .append("by", "Hoàng Văn Nam").append("byRole", "CHAIR");
        assertThat(NotificationWording.of("EXTENSION_REJECTED", values, "en").text()).isEqualTo("The request to extend"
                + " assignment \"Báo cáo năm\" to 31/12/2026 was not granted. Reason: Không đủ căn cứ\nThe deadline stays 21/12/2026."
                + "\nDecided by Hoàng Văn Nam (Chair).");
    }

    @Test
    void a_notification_stored_before_its_values_were_kept_has_no_wording_here_and_keeps_its_stored_text() {
        assertThat(NotificationWording.of("DEADLINE_MISSED", null, "en")).isNull();
        assertThat(NotificationWording.of("SOMETHING_NEW", new Document("title", "x"), "vi")).isNull();
    }

    @Test
    void a_lapsed_extension_request_names_the_unit_that_asked_and_why_nobody_decides_it_now() {
        Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch")
                .append("date", "2021-06-04").append("why", "REASSIGNED");
        NotificationWording.Words words = NotificationWording.of("EXTENSION_LAPSED", values, "vi");
        assertThat(words.subject()).isEqualTo("Đề nghị gia hạn hết hiệu lực");
        assertThat(words.text()).isEqualTo("Đề nghị gia hạn nhiệm vụ \"Báo cáo năm\" đến ngày 4/6/2021 của Phòng Tài chính - Kế hoạch"
                + " không còn chờ quyết định: nhiệm vụ đã được giao cho đơn vị khác chủ trì.");
        values.put("why", "SUPERSEDED_BY_DUE_DATE");
        assertThat(NotificationWording.of("EXTENSION_LAPSED", values, "en").text())
                .startsWith("The request of \"Phòng Tài chính - Kế hoạch\" to extend assignment \"Báo cáo năm\" to 4/6/2021")
                .endsWith("a revision request set a resubmission date no earlier.");
        assertThat(NotificationWording.of("EXTENSION_LAPSED", values.append("why", "SOMETHING_NEW"), "vi")).isNull();
    }

    /**
     * A unit's name is Vietnamese, as a level's is: "Phòng Tài chính - Kế hoạch asks to extend ...", "Phòng Tài chính -
     * Kế hoạch's request ..." ran it into the English sentence. Every English wording quotes each unit and level it
     * inserts, as it quotes a task's title.
     */
    @Test
    void every_english_wording_quotes_the_vietnamese_name_of_a_unit_or_a_level_it_inserts() {
        Pattern name = Pattern.compile("\\{(unit|level|next)}");
        Map<String, String> english = NotificationWording.TEXTS.get("en");
        List<String> inserting = english.entrySet().stream().filter(e -> name.matcher(e.getValue()).find())
                .map(e -> e.getKey() + ": " + e.getValue()).sorted().toList();
        assertThat(inserting).hasSizeGreaterThan(10);
        assertThat(inserting).filteredOn(text -> name.matcher(text.replaceAll("\"\\{(unit|level|next)}\"", "")).find())
                .isEmpty();
    }

    @Test
    void every_kind_of_notification_has_its_own_subject_and_text_in_vietnamese_and_in_english() {
        Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch")
                .append("deadline", "2026-12-05").append("from", "2026-12-05").append("to", "2026-12-20")
                .append("date", "2026-12-20").append("reason", "Chờ số liệu").append("version", 1);
        List<Document> kinds = List.of(new Document("type", "REMINDER_SENT").append("kind", "MANUAL"),
                new Document("type", "REMINDER_SENT").append("kind", "BEFORE_DEADLINE"),
                new Document("type", "DEADLINE_MISSED"), new Document("type", "REVISION_REQUESTED"),
                new Document("type", "EXTENSION_REQUESTED"), new Document("type", "DEADLINE_EXTENDED"), new Document("type", "DEADLINE_SET"),
                new Document("type", "EXTENSION_REJECTED"), new Document("type", "EXTENSION_LAPSED").append("why", "REASSIGNED"),
                new Document("type", "EXTENSION_LAPSED").append("why", "SUPERSEDED_BY_DUE_DATE"),
                new Document("type", "DRAFT_SUBMITTED").append("document", "Du_thao.docx").append("level", "Lãnh đạo UBND thành phố"),
                new Document("type", "DRAFT_APPROVED").append("level", "Lãnh đạo UBND thành phố"),
                new Document("type", "DRAFT_APPROVED").append("level", "Lãnh đạo UBND thành phố").append("next", "Ban Thường vụ Thành ủy"),
                new Document("type", "MEETING_CONCLUDED").append("verdict", "REVISION_REQUIRED").append("chair", "Hoàng Văn Nam")
                        .append("points", List.of("1.1 Bổ sung số liệu")),
                new Document("type", "MEETING_CONCLUDED").append("verdict", "APPROVED_IN_PRINCIPLE"));
        for (Document kind : kinds) {
            Document these = new Document(values);
            kind.forEach((key, value) -> these.put(key, value));
            NotificationWording.Words vi = NotificationWording.of(kind.getString("type"), these, "vi");
            NotificationWording.Words en = NotificationWording.of(kind.getString("type"), these, "en");
            assertThat(vi).as(kind.toJson()).isNotNull();
            assertThat(en).as(kind.toJson()).isNotNull();
            assertThat(vi.subject()).as(kind.toJson()).isNotEqualTo(en.subject());
            assertThat(vi.text()).as(kind.toJson()).isNotEqualTo(en.text()).contains("Báo cáo năm").doesNotContain("{");
            assertThat(en.text()).as(kind.toJson()).contains("Báo cáo năm").doesNotContain("{");
        }
    }

    @Test
    void every_reason_an_extension_request_lapses_for_has_its_words_in_both_languages() {
        for (vn.docket.events.ExtensionRequestLapsed.Why why : vn.docket.events.ExtensionRequestLapsed.Why.values()) {
            Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch")
                    .append("date", "2021-06-04").append("why", why.name());
            for (String lang : List.of("vi", "en")) {
                assertThat(NotificationWording.of("EXTENSION_LAPSED", values, lang)).as(why + " in " + lang).isNotNull();
            }
        }
    }

    /** A lapsed request's entry in a leader's bell says why it no longer waits, for each reason, in both languages. */
    @Test
    void every_reason_a_request_lapsed_for_is_said_in_the_leaders_settled_entry_in_both_languages() {
        for (vn.docket.events.ExtensionRequestLapsed.Why why : vn.docket.events.ExtensionRequestLapsed.Why.values()) {
            Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch")
                    .append("from", "2021-05-30").append("to", "2021-06-04").append("reason", "Chờ số liệu")
                    .append("settled", new Document("how", "LAPSED").append("why", why.name()).append("unit", "Phòng Kinh tế")
                            .append("on", "2021-05-20"));
            for (String lang : List.of("vi", "en")) {
                String text = NotificationWording.of("EXTENSION_REQUESTED", values, lang).text();
                assertThat(text).as(why + " in " + lang).doesNotContain("{")
                        .doesNotEndWith(lang.equals("vi") ? "đề nghị không còn chờ quyết định." : "no longer awaits a decision.");
            }
        }
    }

    @Test
    void a_request_lapsed_by_the_final_approval_or_a_cancellation_says_so() {
        Document values = new Document("title", "Báo cáo năm").append("unit", "Phòng Tài chính - Kế hoạch")
                .append("date", "2021-06-04").append("why", "APPROVED");
        assertThat(NotificationWording.of("EXTENSION_LAPSED", values, "vi").text()).isEqualTo("Đề nghị gia hạn nhiệm vụ"
                + " \"Báo cáo năm\" đến ngày 4/6/2021 của Phòng Tài chính - Kế hoạch không còn chờ quyết định:"
                + " dự thảo đã được phê duyệt, nhiệm vụ đã hoàn thành.");
        values.put("why", "CANCELLED");
        assertThat(NotificationWording.of("EXTENSION_LAPSED", values, "en").text())
                .endsWith("no longer awaits a decision: the assignment was cancelled.");
    }
}
