package vn.docket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import vn.docket.platform.PlatformConfiguration;

/**
 * Last quarter's report (today is 10/5/2021, so Q1 2021), then a correction recorded afterwards: a draft handed
 * in on paper on 10/3 and its approval on 20/3. The report now counts the plan as done on time; the report as
 * of a moment before the correction still shows it overdue, as it was reported then.
 */
@SpringBootTest(classes = DocketApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "docket.reports.place=Hà Nội")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class FollowUpReportTest {

    static final String VHTT = "Phòng Văn hóa và Thông tin";
    static final String GDDT = "Phòng Giáo dục và Đào tạo";

    @Autowired
    TestRestTemplate http;

    String assign(DocketClient docket, String title, String on, String deadline) {
        return assign(docket, VHTT, title, on, deadline);
    }

    /** Each test reports on a unit of its own: they share one Docket. */
    String assign(DocketClient docket, String unit, String title, String on, String deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", "PLAN");
        body.put("leadUnit", unit);
        body.put("deadline", deadline);
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        body.put("effectiveDate", on);
        return (String) docket.ok("clerk", "/api/assignments", body).get("id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> total(Map<String, Object> report) {
        return (Map<String, Object>) report.get("total");
    }

    @Test
    void a_correction_recorded_after_the_cut_off_changes_the_report_of_now_but_not_the_report_as_of_the_cut_off()
            throws Exception {
        DocketClient docket = new DocketClient(http);
        String plan = assign(docket, "Kế hoạch tổ chức Lễ hội văn hóa du lịch 2021", "2021-02-01", "2021-03-15");
        assign(docket, "Kế hoạch tuyên truyền bầu cử đại biểu Quốc hội", "2021-03-01", "2021-03-31");
        // Events are stamped to the millisecond: what follows must be stamped after the cut-off's.
        Instant cutOff = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Awaitility.await().pollInterval(Duration.ofMillis(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(cutOff));
        docket.ok("clerk", "/api/assignments/" + plan + "/drafts", Map.of("documentName", "KH lễ hội.docx",
                "documentUrl", "https://vanban.example.vn/kh-le-hoi", "effectiveDate", "2021-03-10"));
        docket.ok("chair", "/api/assignments/" + plan + "/approvals", Map.of("effectiveDate", "2021-03-20"));

        String q = "/api/reports/follow-up?period=last-quarter&unit=" + VHTT;
        // Reports read a projection: wait until it has taken in the approval.
        Map<String, Object> now = docket.await("auditor", q, r -> Integer.valueOf(1).equals(total(r).get("doneOnTime")));
        Map<String, Object> then = docket.getOk("auditor", q + "&asOf=" + cutOff);

        assertThat(now).containsEntry("from", "2021-01-01").containsEntry("to", "2021-03-31")
                .containsEntry("timelinessAgainst", "EXTENDED");
        assertThat(total(now)).containsEntry("assigned", 2).containsEntry("doneOnTime", 1)
                .containsEntry("openWithinDeadline", 1).containsEntry("openOverdue", 0)
                .containsEntry("meanDaysToApproval", 47.0).containsEntry("meanRevisionRounds", 0.0);
        assertThat(total(then)).containsEntry("assigned", 2).containsEntry("doneOnTime", 0)
                .containsEntry("openWithinDeadline", 1).containsEntry("openOverdue", 1)
                .containsEntry("openOverdueUnder30Days", 1).containsEntry("meanDaysToApproval", null);
        assertThat(Instant.parse((String) then.get("asOf"))).isEqualTo(cutOff);
    }

    @Test
    void the_report_downloads_as_a_spreadsheet_laid_out_like_the_offices_report_and_as_csv() throws Exception {
        DocketClient docket = new DocketClient(http);
        assign(docket, GDDT, "Kế hoạch phát triển văn hóa đọc trong trường học", "2021-01-04", "2021-01-29");
        docket.await("clerk", "/api/reports/follow-up?period=2021-Q1&unit=" + GDDT,
                r -> Integer.valueOf(1).equals(total(r).get("assigned")));

        ResponseEntity<byte[]> xlsx = http.withBasicAuth("clerk", "demo")
                .getForEntity("/api/reports/follow-up.xlsx?period=2021-Q1", byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("bao-cao-theo-doi-2021-01-01_2021-03-31.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).isEqualTo("ỦY BAN NHÂN DÂN THÀNH PHỐ");
            assertThat(text(sheet, 0, 5)).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(text(sheet, 2, 5)).isEqualTo("Hà Nội, ngày 10 tháng 5 năm 2021");
            assertThat(text(sheet, 4, 0)).isEqualTo("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO");
            assertThat(text(sheet, 5, 0)).isEqualTo("Kỳ báo cáo: từ ngày 01/01/2021 đến ngày 31/03/2021");
            assertThat(text(sheet, 6, 0)).contains("Thời hạn tính theo hạn đã được gia hạn");
            assertThat(text(sheet, 8, 0)).isEqualTo("STT");
            assertThat(text(sheet, 8, 1)).isEqualTo("Đơn vị chủ trì");
            assertThat(text(sheet, 8, 5)).isEqualTo("Đã hoàn thành");
            assertThat(text(sheet, 9, 5)).isEqualTo("Hoàn thành đúng hạn");
            assertThat(text(sheet, 9, 11)).isEqualTo("Quá hạn trên 90 ngày");
            Row totals = sheet.getRow(sheet.getLastRowNum() - 3);
            assertThat(totals.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
            assertThat(totals.getCell(4).getNumericCellValue()).isGreaterThanOrEqualTo(1);
            // Signed as the printed report is: who drew it up, and the head of the office.
            int signers = sheet.getLastRowNum() - 1;
            assertThat(text(sheet, signers, 0)).isEqualTo("NGƯỜI LẬP BIỂU");
            assertThat(text(sheet, signers, 5)).isEqualTo("CHÁNH VĂN PHÒNG");
            assertThat(text(sheet, signers + 1, 0)).isEqualTo("(Ký, ghi rõ họ tên)");
        }

        ResponseEntity<byte[]> csv = http.withBasicAuth("clerk", "demo")
                .getForEntity("/api/reports/follow-up.csv?from=2021-01-01&to=2021-03-31&unit=" + GDDT, byte[].class);
        String[] lines = new String(csv.getBody(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFSTT,Đơn vị chủ trì,Giao trong kỳ,Kỳ trước chuyển sang,Tổng số,");
        assertThat(lines[1]).startsWith("1," + GDDT + ",1,0,1,0,0,0,1,0,1,0,,,0");
        assertThat(lines[lines.length - 1]).startsWith(",Tổng cộng,");
    }

    /** A unit is typed by a clerk or read from a notice: in a spreadsheet it must stay text, never a formula. */
    @Test
    void a_unit_named_like_a_formula_stays_text_in_the_csv_and_the_spreadsheet() throws Exception {
        String formula = "=HYPERLINK(\"https://evil.example/x\",\"Phòng Nội vụ\")";
        DocketClient docket = new DocketClient(http);
        assign(docket, formula, "Kế hoạch cải cách hành chính", "2021-01-05", "2021-02-26");
        docket.await("clerk", "/api/reports/follow-up?period=2021-Q1&unit=" + formula,
                r -> Integer.valueOf(1).equals(total(r).get("assigned")));

        ResponseEntity<byte[]> csv = http.withBasicAuth("clerk", "demo")
                .getForEntity("/api/reports/follow-up.csv?period=2021-Q1&unit=" + formula, byte[].class);
        String[] lines = new String(csv.getBody(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[1]).startsWith("1,\"'=HYPERLINK(\"\"https://evil.example/x\"\",\"\"Phòng Nội vụ\"\")\",1,");

        ResponseEntity<byte[]> xlsx = http.withBasicAuth("clerk", "demo")
                .getForEntity("/api/reports/follow-up.xlsx?period=2021-Q1&unit=" + formula, byte[].class);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Cell unit = book.getSheetAt(0).getRow(10).getCell(1);
            assertThat(unit.getCellType()).isEqualTo(CellType.STRING);
            assertThat(unit.getStringCellValue()).isEqualTo(formula);
        }
    }

    /**
     * A unit's staff read the report of what their unit may see, as their dashboard and list count it: another unit's
     * figures are not theirs, in the JSON, the CSV or the spreadsheet; work their unit coordinates is.
     */
    @SuppressWarnings("unchecked")
    @Test
    void a_units_staff_read_the_report_of_what_their_unit_may_see_and_not_another_units_figures() throws Exception {
        String stranger = "Phòng Dân tộc";
        String coordinated = "Phòng Y tế";
        DocketClient docket = new DocketClient(http);
        assign(docket, stranger, "Kế hoạch phổ biến, giáo dục pháp luật năm 2021", "2021-01-11", "2021-02-26");
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Kế hoạch tiêm chủng mở rộng năm 2021");
        body.put("kind", "PLAN");
        body.put("leadUnit", coordinated);
        body.put("coordinatingUnits", List.of("Phòng Tài chính - Kế hoạch"));
        body.put("deadline", "2021-03-15");
        body.put("approvalRoute", List.of("Lãnh đạo UBND thành phố"));
        body.put("effectiveDate", "2021-01-12");
        docket.ok("clerk", "/api/assignments", body);
        String q = "/api/reports/follow-up?period=2021-Q1";
        docket.await("clerk", q + "&unit=" + stranger, r -> Integer.valueOf(1).equals(total(r).get("assigned")));
        docket.await("clerk", q + "&unit=" + coordinated, r -> Integer.valueOf(1).equals(total(r).get("assigned")));

        assertThat(total(docket.getOk("tckh", q + "&unit=" + stranger))).containsEntry("assigned", 0);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) docket.getOk("tckh", q).get("units");
        assertThat(rows).extracting(r -> r.get("unit")).doesNotContain(stranger).contains(coordinated);
        assertThat(total(docket.getOk("tckh", q + "&unit=" + coordinated))).containsEntry("assigned", 1);
        // The report says whose view it is, so that a unit's copy does not pass for the city's.
        assertThat(docket.getOk("tckh", q)).containsEntry("seenBy", "Phòng Tài chính - Kế hoạch");
        assertThat(docket.getOk("clerk", q)).containsEntry("seenBy", null);

        String csv = new String(http.withBasicAuth("tckh", "demo").getForEntity("/api/reports/follow-up.csv?period=2021-Q1",
                byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains(coordinated).doesNotContain(stranger);
        ResponseEntity<byte[]> xlsx = http.withBasicAuth("tckh", "demo")
                .getForEntity("/api/reports/follow-up.xlsx?period=2021-Q1", byte[].class);
        StringBuilder cells = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell).append('|')));
        }
        assertThat(cells.toString()).contains(coordinated).doesNotContain(stranger)
                .contains("Kỳ báo cáo: từ ngày 01/01/2021 đến ngày 31/03/2021 - Chỉ gồm nhiệm vụ Phòng Tài chính - Kế hoạch"
                        + " chủ trì, phối hợp hoặc góp phần|");
    }

    @Test
    void a_report_without_a_period_or_with_an_unknown_one_or_a_bad_or_future_moment_is_refused_with_the_rule() {
        DocketClient docket = new DocketClient(http);
        assertThat(docket.get("clerk", "/api/reports/follow-up").getBody()).containsEntry("rule", "period-required");
        assertThat(docket.get("clerk", "/api/reports/follow-up?period=quy-truoc").getStatusCode().value()).isEqualTo(422);
        assertThat(docket.get("clerk", "/api/reports/follow-up?period=2021&asOf=hôm qua").getBody())
                .containsEntry("rule", "as-of-format");
        // A day to come: the printed report would claim figures nobody could have recorded yet.
        // Tomorrow in Vietnam by the real clock, which the rule reads (this test's clock is 10/5/2021): asked again
        // if midnight there passed during the request, when "tomorrow" became today.
        ResponseEntity<Map<String, Object>> future;
        LocalDate today;
        do {
            today = LocalDate.now(PlatformConfiguration.ZONE);
            future = docket.get("clerk", "/api/reports/follow-up?period=2021&asOf=" + today.plusDays(1));
        } while (!today.equals(LocalDate.now(PlatformConfiguration.ZONE)));
        assertThat(future.getStatusCode().value()).isEqualTo(422);
        assertThat(future.getBody()).containsEntry("rule", "as-of-in-future");
        assertThat(docket.get("clerk", "/api/reports/follow-up?from=2021-13-01&to=2021-12-31").getStatusCode().value())
                .isEqualTo(400);
        assertThat(docket.get(null, "/api/reports/follow-up?period=2021").getStatusCode().value()).isEqualTo(401);
    }

    static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }
}
