package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Assignments walked to different states through the API, for tests that need some history. */
final class Walks {

    private Walks() {
    }

    static String assign(DocketClient docket, String title, String lead, String deadline, List<String> route) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", "REPORT");
        body.put("leadUnit", lead);
        body.put("deadline", deadline);
        body.put("approvalRoute", route);
        body.put("effectiveDate", "2021-04-13");
        return (String) docket.ok("clerk", "/api/assignments", body).get("id");
    }

    static void draft(DocketClient docket, String user, String id, String on) {
        docket.ok(user, "/api/assignments/" + id + "/drafts",
                Map.of("documentName", "Dự thảo.docx", "documentUrl", "https://vanban.example.vn/" + id, "effectiveDate", on));
    }

    /** A .docx sent as a form, as the web app sends it (a draft to .../drafts, the issued document to .../issuance). */
    static void handInFile(TestRestTemplate http, String user, String path, String name, Map<String, String> fields) {
        ResponseEntity<String> answer = http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
                FileForm.of(DraftFilesTest.docx(List.of("KẾ HOẠCH", name)), name, fields), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s", path, answer.getBody()).isTrue();
    }

    /** A handful of assignments in every state: assigned, in revision, approved at one level, issued, extended, cancelled. */
    static List<String> variedHistory(DocketClient docket) {
        String tckh = "Phòng Tài chính - Kế hoạch";
        String qldt = "Phòng Quản lý đô thị";
        List<String> leaders = List.of("Lãnh đạo UBND thành phố");
        String open = assign(docket, "Báo cáo kết quả thực hiện nhiệm vụ trọng tâm năm 2020", tckh, "2021-04-25", leaders);
        String revising = assign(docket, "Báo cáo công tác giải phóng mặt bằng", qldt, "2021-04-20", leaders);
        draft(docket, "qldt", revising, "2021-04-14");
        docket.ok("pct", "/api/assignments/" + revising + "/revision-requests",
                Map.of("reasons", List.of("Bổ sung số liệu", "Đánh giá hiệu quả từng phương án"), "effectiveDate", "2021-04-15"));
        String climbing = assign(docket, "Đề án phát triển kinh tế đêm", tckh, "2021-04-30",
                List.of("Lãnh đạo UBND thành phố", "Ban Thường vụ Thành ủy"));
        draft(docket, "tckh", climbing, "2021-04-20");
        docket.ok("chair", "/api/assignments/" + climbing + "/approvals", Map.of("effectiveDate", "2021-04-22"));
        String issued = assign(docket, "Kế hoạch chiếu sáng công cộng", qldt, null, leaders);
        draft(docket, "qldt", issued, "2021-04-16");
        docket.ok("chair", "/api/assignments/" + issued + "/approvals", Map.of("effectiveDate", "2021-04-19"));
        docket.ok("clerk", "/api/assignments/" + issued + "/issuance", Map.of("documentNumber", "12/KH-UBND", "issuedOn", "2021-04-20"));
        docket.ok("clerk", "/api/assignments/" + open + "/deadline-extensions",
                Map.of("newDeadline", "2021-05-15", "reason", "Chờ số liệu quý I", "effectiveDate", "2021-04-24"));
        String cancelled = assign(docket, "Chương trình cây xanh đường phố", qldt, "2021-06-30", leaders);
        docket.ok("clerk", "/api/assignments/" + cancelled + "/cancellation", Map.of("reason", "Trùng nhiệm vụ"));
        return List.of(open, revising, climbing, issued, cancelled);
    }
}
