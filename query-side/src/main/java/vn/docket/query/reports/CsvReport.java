package vn.docket.query.reports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.docket.query.support.CsvLine;

/**
 * The report's table as CSV: UTF-8 with a byte-order mark, so that Excel shows the Vietnamese correctly; a text cell
 * that would start a formula is prefixed with an apostrophe.
 */
final class CsvReport {

    private CsvReport() {
    }

    static byte[] write(FollowUpReport report) {
        StringBuilder out = new StringBuilder(CsvLine.BOM);
        List<Object> header = new ArrayList<>(List.of(ReportColumns.NUMBER, ReportColumns.UNIT));
        ReportColumns.FIGURES.forEach(c -> header.add(c.header()));
        line(out, header);
        int n = 0;
        for (FollowUpReport.Row row : report.units()) {
            line(out, cells(String.valueOf(++n), row.unit(), row));
        }
        line(out, cells("", ReportColumns.TOTAL, report.total()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> cells(String number, String unit, FollowUpReport.Row row) {
        List<Object> cells = new ArrayList<>(List.of(number, unit));
        ReportColumns.FIGURES.forEach(c -> cells.add(c.value().apply(row)));
        return cells;
    }

    private static void line(StringBuilder out, List<Object> cells) {
        out.append(CsvLine.of(cells));
    }
}
