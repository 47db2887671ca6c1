package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The audit log downloads as CSV: every entry its filters select, as the page shows them, and only what the reader may see. */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class AuditCsvTest {

    static final String TCKH = "Phòng Tài chính - Kế hoạch";
    static final String STRANGER = "Phòng Dân tộc";

    @Autowired
    TestRestTemplate http;

    String assign(DocketClient docket, String unit, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", "PLAN");
        body.put("leadUnit", unit);
        body.put("deadline", "2021-03-15");
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        body.put("effectiveDate", "2021-01-12");
        String id = (String) docket.ok("clerk", "/api/assignments", body).get("id");
        docket.await("clerk", "/api/audit?assignment=" + id, r -> ((Number) r.get("total")).intValue() > 0);
        return id;
    }

    ResponseEntity<byte[]> csv(String user, String query) {
        return http.withBasicAuth(user, "demo").getForEntity("/api/audit.csv" + query, byte[].class);
    }

    static List<String> lines(ResponseEntity<byte[]> csv) {
        return Arrays.asList(new String(csv.getBody(), StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void the_log_as_filtered_downloads_as_csv_with_a_bom_vietnamese_names_and_dates_and_a_units_staff_get_only_theirs() {
        DocketClient docket = new DocketClient(http);
        String ours = assign(docket, TCKH, "Kế hoạch thu, chi ngân sách năm 2021");
        String theirs = assign(docket, STRANGER, "Kế hoạch công tác dân tộc năm 2021");

        ResponseEntity<byte[]> assigned = csv("clerk", "?type=TaskAssigned&assignment=" + ours);
        assertThat(assigned.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(assigned.getHeaders().getContentDisposition().getFilename()).isEqualTo("nhat-ky.csv");
        byte[] bytes = assigned.getBody();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(lines(assigned)).hasSize(2);
        assertThat(lines(assigned).get(0)).isEqualTo("\uFEFFGhi nhận lúc,Ngày thực hiện,Người thực hiện,Mã người dùng,"
                + "Đơn vị,Vai trò,Việc,Nhiệm vụ / văn bản,Mã nhiệm vụ,Mã thao tác,Chi tiết");
        assertThat(lines(assigned).get(1)).matches("(?s)\\d{1,2}/\\d{1,2}/\\d{4} \\d{2}:\\d{2}:\\d{2},12/1/2021,.*,clerk,.*,"
                + "Chuyên viên Văn phòng,Giao nhiệm vụ,\"Kế hoạch thu, chi ngân sách năm 2021\"," + ours + ",.*")
                .contains("Đơn vị chủ trì: " + TCKH + "\n").contains("Cấp trình: Lãnh đạo UBND thành phố")
                // Days as the page writes them; a list with nothing in it (no coordinating unit) is not a detail.
                .contains("Hạn hoàn thành: 15/3/2021").doesNotContain("2021-03-15").doesNotContain("Đơn vị phối hợp");
        // A filter that selects nothing leaves the header alone.
        assertThat(lines(csv("clerk", "?type=DocumentIssued&assignment=" + ours))).hasSize(1);

        String unitStaff = new String(csv("tckh", "?type=TaskAssigned").getBody(), StandardCharsets.UTF_8);
        assertThat(unitStaff).contains(ours).doesNotContain(theirs);
        assertThat(new String(csv("clerk", "?type=TaskAssigned").getBody(), StandardCharsets.UTF_8)).contains(ours, theirs);
        assertThat(lines(csv("clerk", "?lang=en&type=TaskAssigned&assignment=" + ours)).get(1)).contains(",Office clerk,Assigned,");
    }

    /**
     * A notice's own steps left the CSV's task column empty, where the page names the document by its type and number
     * ("Công văn số 9387/UBND-KT"): which document was registered or renumbered was only an id among the details. The
     * type is the one each step's number gives: a letter corrected to a decision's number is a decision from then on.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_documents_own_steps_name_it_in_the_csv_by_its_type_and_number_as_the_audit_page_does() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> registered = docket.ok("clerk", "/api/notices", Map.of(
                "notice", Map.of("number", "2817/UBND-KT", "issuedOn", "2021-03-02"),
                "items", List.of(Map.of("ordinal", 1, "kind", "REPORT", "title", "Báo cáo tình hình giải ngân vốn đầu tư công",
                        "lead", TCKH, "deadline", "2021-03-30", "submitTo", List.of("Lãnh đạo UBND thành phố")))));
        String id = (String) registered.get("id");
        assertThat(docket.post("clerk", "/api/notices/" + id + "/number-correction",
                Map.of("number", "2817/QĐ-UBND", "reason", "Là quyết định, không phải công văn")).getStatusCode().value())
                .isEqualTo(204);
        docket.await("clerk", "/api/audit?type=NoticeNumberCorrected&size=100", log -> ((List<Map<String, Object>>) log.get("items"))
                .stream().anyMatch(e -> id.equals(((Map<String, Object>) e.get("payload")).get("noticeId"))));

        List<String> vi = lines(csv("clerk", "?type=NoticeRegistered,NoticeNumberCorrected")).stream()
                .filter(line -> line.contains(id)).toList();
        assertThat(vi).hasSize(2);
        assertThat(vi.get(0)).contains(",Sửa số văn bản,Quyết định số 2817/QĐ-UBND,,");
        assertThat(vi.get(1)).contains(",Đăng ký văn bản,Công văn số 2817/UBND-KT,,");
        List<String> en = lines(csv("clerk", "?lang=en&type=NoticeRegistered,NoticeNumberCorrected")).stream()
                .filter(line -> line.contains(id)).toList();
        assertThat(en).hasSize(2);
        assertThat(en.get(0)).contains(",Document number corrected,Decision 2817/QĐ-UBND,,");
        assertThat(en.get(1)).contains(",Document registered,Letter 2817/UBND-KT,,");
    }

    /**
     * An inspector reading the CSV in Vietnamese met "deadline", "coordinatingUnits", "reasonFromRequest": the names the
     * event gives its fields, where the page says "Hạn hoàn thành", "Đơn vị phối hợp" and whose reason it was.
     */
    @Test
    void the_csvs_details_name_each_field_as_the_audit_page_does_in_vietnamese_and_in_english() {
        DocketClient docket = new DocketClient(http);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Kế hoạch chuyển đổi số năm 2021");
        body.put("kind", "PLAN");
        body.put("leadUnit", TCKH);
        body.put("coordinatingUnits", List.of(STRANGER, "Phòng Tư pháp"));
        body.put("deadline", "2021-05-20");
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        body.put("effectiveDate", "2021-01-12");
        String id = (String) docket.ok("clerk", "/api/assignments", body).get("id");
        // Granted without a reason of the leader's own: the reason recorded is the one the unit gave when asking.
        docket.ok("tckh", "/api/assignments/" + id + "/extension-requests",
                Map.of("newDeadline", "2021-06-04", "reason", "Chờ số liệu quyết toán"));
        docket.ok("chair", "/api/assignments/" + id + "/extension-requests/decision", Map.of("approve", true));
        docket.await("clerk", "/api/audit?type=DeadlineExtended&assignment=" + id, r -> ((Number) r.get("total")).intValue() > 0);

        String vi = lines(csv("clerk", "?type=TaskAssigned&assignment=" + id)).get(1);
        assertThat(vi).contains("Đơn vị chủ trì: " + TCKH + "\n", "Đơn vị phối hợp: " + STRANGER + "; Phòng Tư pháp\n",
                "Hạn hoàn thành: 20/5/2021", "Cấp trình: Lãnh đạo UBND thành phố", "Ngày thực hiện: 12/1/2021")
                .doesNotContain("leadUnit", "coordinatingUnits", "deadline", "approvalRoute", "effectiveDate");
        String en = lines(csv("clerk", "?lang=en&type=TaskAssigned&assignment=" + id)).get(1);
        assertThat(en).contains("Lead unit: " + TCKH + "\n", "Coordinating units: " + STRANGER + "; Phòng Tư pháp\n",
                "Deadline: 20/5/2021", "Approval route: Lãnh đạo UBND thành phố")
                .doesNotContain("leadUnit", "coordinatingUnits", "approvalRoute");

        String extendedVi = lines(csv("clerk", "?type=DeadlineExtended&assignment=" + id)).get(1);
        assertThat(extendedVi).contains("Hạn trước: 20/5/2021", "Hạn mới: 4/6/2021",
                "Lý do đơn vị nêu khi đề nghị: Chờ số liệu quyết toán (lãnh đạo không nêu lý do riêng)")
                .doesNotContain("reasonFromRequest", "Lý do:");
        assertThat(lines(csv("clerk", "?lang=en&type=DeadlineExtended&assignment=" + id)).get(1))
                .contains("The unit’s reason when asking: Chờ số liệu quyết toán (the leader gave none of their own)")
                .doesNotContain("reasonFromRequest");
    }

    /**
     * The CSV wrote what the event stores where the page writes words: "kind: PLAN", "finalApproval: true", a file's
     * media type, a revision point as "(id: 1.1, number: 1, text: …)", a refusal's rule as its code beside the server's
     * English. It writes each as the page's details do, each field on a line of its own as the page lists them.
     */
    @Test
    void the_csvs_details_write_codes_yes_or_no_revision_points_file_kinds_and_rules_as_the_audit_page_does() {
        DocketClient docket = new DocketClient(http);
        String id = assign(docket, TCKH, "Kế hoạch phát triển du lịch năm 2021");
        String at = "/api/assignments/" + id;
        ResponseEntity<Map<String, Object>> handedIn = http.withBasicAuth("tckh", "demo").exchange(at + "/drafts",
                HttpMethod.POST, FileForm.of(DraftFilesTest.docx(List.of("Kế hoạch phát triển du lịch", "I. Mục tiêu")),
                        "Dự thảo KH du lịch.docx", Map.of("effectiveDate", "2021-02-01")), new ParameterizedTypeReference<>() {
                });
        assertThat(handedIn.getStatusCode().value()).as("%s", handedIn.getBody()).isEqualTo(201);
        docket.ok("chair", at + "/revision-requests", Map.of("draftVersion", 1, "effectiveDate", "2021-02-05",
                "reasons", List.of("Bổ sung lộ trình, kinh phí thực hiện", "Rút gọn phần đánh giá thực trạng")));
        docket.ok("tckh", at + "/drafts", Map.of("documentName", "KH du lịch v2.docx", "effectiveDate", "2021-02-10",
                "documentUrl", "https://vanban.example.vn/kh-du-lich-v2",
                "answers", List.of(Map.of("point", "1.1", "answer", "TAKEN_IN", "note", "Mục IV"),
                        Map.of("point", "1.2", "answer", "EXPLAINED", "note", "Thực trạng là căn cứ"))));
        docket.await("chair", at, a -> Integer.valueOf(2).equals(a.get("currentVersion")));
        docket.ok("chair", at + "/approvals", Map.of("draftVersion", 2, "effectiveDate", "2021-02-12"));
        ResponseEntity<Map<String, Object>> refused = docket.post("tckh", at + "/cancellation", Map.of("reason", "Trùng"));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).containsEntry("rule", "clerks-only");
        docket.await("clerk", "/api/audit?type=AccessDenied&assignment=" + id, r -> ((Number) r.get("total")).intValue() > 0);
        docket.await("clerk", "/api/audit?type=DraftApproved&assignment=" + id, r -> ((Number) r.get("total")).intValue() > 0);

        assertThat(row("", "TaskAssigned", id)).contains("\nLoại: Kế hoạch\n").doesNotContain("PLAN");
        assertThat(row("lang=en&", "TaskAssigned", id)).contains("\nKind: Plan\n").doesNotContain("PLAN");
        assertThat(row("", "DraftSubmitted", id))
                .contains("Tên tệp dự thảo: Dự thảo KH du lịch.docx\n", "Loại tệp: Word (.docx)", " · Có lớp văn bản: Có")
                .doesNotContain("wordprocessingml", "true", "(Loại tệp");
        assertThat(row("lang=en&", "DraftSubmitted", id)).contains("File type: Word (.docx)", " · Has a text layer: Yes")
                .doesNotContain("wordprocessingml", "true");
        // The points as the pages write them, one after the other; a point's own comma is no separator.
        assertThat(row("", "RevisionRequested", id))
                .contains("Ý kiến: 1.1 Bổ sung lộ trình, kinh phí thực hiện; 1.2 Rút gọn phần đánh giá thực trạng\n")
                .doesNotContain("Mã:", "number", "(Mã");
        assertThat(row("", "RevisionPointsAnswered", id)).contains("Trả lời: Ý kiến: 1.1 · Cách trả lời: Tiếp thu · Ghi chú: "
                + "Mục IV; Ý kiến: 1.2 · Cách trả lời: Giải trình · Ghi chú: Thực trạng là căn cứ").doesNotContain("TAKEN_IN");
        assertThat(row("lang=en&", "RevisionPointsAnswered", id)).contains("Answer: Taken in", "Answer: Explained");
        assertThat(row("", "DraftApproved", id)).contains("Phê duyệt cuối cùng: Có").doesNotContain("true");
        assertThat(row("lang=en&", "DraftApproved", id)).contains("Final approval: Yes").doesNotContain("true");
        // A refusal reads as the rule the page names, not as its code beside the server's English.
        assertThat(row("", "AccessDenied", id)).contains("Quy tắc: Chỉ chuyên viên Văn phòng được làm việc này.")
                .doesNotContain("clerks-only", "Only the office", "Lý do:");
        assertThat(row("lang=en&", "AccessDenied", id)).contains("Rule: Only the office’s clerks may do this.")
                .doesNotContain("clerks-only", "office's", "Reason:");
    }

    /** The entries of a kind the task's log holds (two drafts: both), in the CSV's language ("lang=en&" or ""). */
    String row(String lang, String type, String id) {
        List<String> rows = lines(csv("clerk", "?" + lang + "type=" + type + "&assignment=" + id));
        assertThat(rows).hasSizeGreaterThan(1);
        return String.join("\r\n", rows.subList(1, rows.size()));
    }

    @Test
    void a_csv_asked_for_with_an_unknown_kind_or_reversed_dates_is_refused_with_the_pages_rule() {
        DocketClient docket = new DocketClient(http);
        ResponseEntity<Map<String, Object>> kind = docket.get("clerk", "/api/audit.csv?type=Bogus");
        assertThat(kind.getStatusCode().value()).isEqualTo(422);
        assertThat(kind.getBody()).containsEntry("rule", "event-type-filter");
        ResponseEntity<Map<String, Object>> dates = docket.get("clerk", "/api/audit.csv?from=2021-03-01&to=2021-02-01");
        assertThat(dates.getStatusCode().value()).isEqualTo(422);
        assertThat(dates.getBody()).containsEntry("rule", "range-reversed");
    }
}
