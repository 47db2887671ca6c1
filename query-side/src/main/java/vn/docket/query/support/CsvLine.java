package vn.docket.query.support;

import java.util.List;

/**
 * One line of a CSV file Excel opens: cells separated by commas, quoted when they hold a comma, a quote or a line
 * break, the line ended by CRLF. A file starts with {@link #BOM}, so that Excel reads it as UTF-8 (Vietnamese).
 */
public final class CsvLine {

    public static final String BOM = "\uFEFF";

    private CsvLine() {
    }

    public static String of(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = cells.get(i);
            String s = v == null ? "" : v.toString();
            // Text someone typed: one starting like a formula would run as one in Excel (CSV injection), so it is
            // marked as text with a leading apostrophe. Figures are numbers and are left alone.
            if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            out.append(s);
        }
        return out.append("\r\n").toString();
    }
}
