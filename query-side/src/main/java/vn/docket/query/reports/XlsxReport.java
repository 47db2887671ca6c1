package vn.docket.query.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as the office prints it: issuing body and national motto at the top, the title, the period,
 * what the figures rest on, the table with Vietnamese headers grouped as in a follow-up report, a totals
 * row, then the place and date above the signature.
 */
final class XlsxReport {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final int FIRST_FIGURE = 2;

    private XlsxReport() {
    }

    static byte[] write(FollowUpReport report, ZoneId zone, LocalDate today) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Báo cáo");
            Styles s = new Styles(book);
            int lastColumn = FIRST_FIGURE + ReportColumns.FIGURES.size() - 1;
            int half = 4;

            text(sheet, 0, 0, half, report.issuingBody(), s.plainCentered);
            text(sheet, 0, half + 1, lastColumn, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.boldCentered);
            text(sheet, 1, 0, half, report.issuer(), s.boldCentered);
            text(sheet, 1, half + 1, lastColumn, "Độc lập - Tự do - Hạnh phúc", s.boldCentered);
            text(sheet, 2, half + 1, lastColumn, report.place() + ", " + Vietnamese.longDate(today), s.italicCentered);

            text(sheet, 4, 0, lastColumn, report.title(), s.title);
            text(sheet, 5, 0, lastColumn, "Kỳ báo cáo: từ ngày " + Vietnamese.date(report.from()) + " đến ngày "
                    + Vietnamese.date(report.to()) + (report.unit() == null ? "" : " - Đơn vị: " + report.unit())
                    + (report.seenBy() == null ? "" : " - Chỉ gồm nhiệm vụ " + report.seenBy() + " chủ trì, phối hợp hoặc góp phần"),
                    s.italicCentered);
            text(sheet, 6, 0, lastColumn, "Số liệu theo lịch sử được ghi nhận đến " + MOMENT.format(report.asOf().atZone(zone))
                    + ". " + report.timelinessRule()
                    + (report.judgedOn().isBefore(report.to()) ? "; trong hạn, quá hạn tính đến ngày "
                            + Vietnamese.date(report.judgedOn()) : "") + ".", s.italicCentered);

            // Two header rows: groups above, columns below; STT and the unit span both.
            int top = 8;
            Row groups = sheet.createRow(top);
            Row heads = sheet.createRow(top + 1);
            heads.setHeightInPoints(48);
            header(sheet, groups, heads, 0, 0, ReportColumns.NUMBER, s);
            header(sheet, groups, heads, 1, 1, ReportColumns.UNIT, s);
            header(sheet, groups, heads, FIRST_FIGURE, FIRST_FIGURE + 2, "Số nhiệm vụ", s);
            header(sheet, groups, heads, FIRST_FIGURE + 3, FIRST_FIGURE + 4, "Đã hoàn thành", s);
            header(sheet, groups, heads, FIRST_FIGURE + 5, FIRST_FIGURE + 9, "Đang thực hiện", s);
            header(sheet, groups, heads, FIRST_FIGURE + 10, FIRST_FIGURE + 11, "Chất lượng, tiến độ", s);
            header(sheet, groups, heads, FIRST_FIGURE + 12, FIRST_FIGURE + 12, "Ghi chú", s);
            for (int i = 0; i < ReportColumns.FIGURES.size(); i++) {
                cell(heads, FIRST_FIGURE + i, ReportColumns.FIGURES.get(i).header(), s.header);
            }

            int r = top + 2;
            int n = 0;
            for (FollowUpReport.Row row : report.units()) {
                figures(sheet.createRow(r++), String.valueOf(++n), row.unit(), row, s.cell, s.number, s.decimal);
            }
            figures(sheet.createRow(r++), "", ReportColumns.TOTAL, report.total(), s.boldCell, s.boldNumber, s.boldDecimal);

            // The signers as the printed report has them: who drew the table up, and the head of the office who signs.
            text(sheet, r + 1, 0, half, "NGƯỜI LẬP BIỂU", s.boldCentered);
            text(sheet, r + 1, half + 1, lastColumn, "CHÁNH VĂN PHÒNG", s.boldCentered);
            text(sheet, r + 2, 0, half, "(Ký, ghi rõ họ tên)", s.italicCentered);
            text(sheet, r + 2, half + 1, lastColumn, "(Ký, ghi rõ họ tên)", s.italicCentered);
            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 42 * 256);
            for (int c = FIRST_FIGURE; c <= lastColumn; c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            sheet.createFreezePane(2, top + 2);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report as XLSX", e);
        }
    }

    private static void figures(Row row, String number, String unit, FollowUpReport.Row figures,
                                CellStyle text, CellStyle whole, CellStyle decimal) {
        cell(row, 0, number, text);
        cell(row, 1, unit, text);
        for (int i = 0; i < ReportColumns.FIGURES.size(); i++) {
            Object v = ReportColumns.FIGURES.get(i).value().apply(figures);
            Cell c = row.createCell(FIRST_FIGURE + i);
            if (v instanceof Integer k) {
                c.setCellValue(k);
                c.setCellStyle(whole);
            } else if (v instanceof Double d) {
                c.setCellValue(d);
                c.setCellStyle(decimal);
            } else {
                c.setCellValue("-");
                c.setCellStyle(whole);
            }
        }
    }

    private static void header(Sheet sheet, Row groups, Row heads, int first, int last, String label, Styles s) {
        for (int c = first; c <= last; c++) {
            cell(groups, c, c == first ? label : "", s.header);
            if (heads.getCell(c) == null) {
                cell(heads, c, "", s.header);
            }
        }
        boolean spansBothRows = first == last && (first < FIRST_FIGURE);
        if (spansBothRows) {
            sheet.addMergedRegion(new CellRangeAddress(groups.getRowNum(), heads.getRowNum(), first, last));
        } else if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(groups.getRowNum(), groups.getRowNum(), first, last));
        }
    }

    private static void text(Sheet sheet, int row, int first, int last, String value, CellStyle style) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        cell(r, first, value, style);
        if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, first, last));
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** Times New Roman, as official documents use (Nghị định 30/2020/NĐ-CP). */
    private static final class Styles {
        final CellStyle plainCentered;
        final CellStyle boldCentered;
        final CellStyle italicCentered;
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle number;
        final CellStyle decimal;
        final CellStyle boldCell;
        final CellStyle boldNumber;
        final CellStyle boldDecimal;

        Styles(XSSFWorkbook book) {
            plainCentered = centered(book, font(book, false, false, 12));
            boldCentered = centered(book, font(book, true, false, 12));
            italicCentered = centered(book, font(book, false, true, 12));
            title = centered(book, font(book, true, false, 14));
            header = bordered(book, font(book, true, false, 11), HorizontalAlignment.CENTER);
            header.setWrapText(true);
            cell = bordered(book, font(book, false, false, 11), HorizontalAlignment.LEFT);
            cell.setWrapText(true);
            number = bordered(book, font(book, false, false, 11), HorizontalAlignment.CENTER);
            decimal = bordered(book, font(book, false, false, 11), HorizontalAlignment.CENTER);
            decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
            boldCell = bordered(book, font(book, true, false, 11), HorizontalAlignment.LEFT);
            boldNumber = bordered(book, font(book, true, false, 11), HorizontalAlignment.CENTER);
            boldDecimal = bordered(book, font(book, true, false, 11), HorizontalAlignment.CENTER);
            boldDecimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
        }

        private static Font font(XSSFWorkbook book, boolean bold, boolean italic, int points) {
            Font f = book.createFont();
            f.setFontName("Times New Roman");
            f.setBold(bold);
            f.setItalic(italic);
            f.setFontHeightInPoints((short) points);
            return f;
        }

        private static CellStyle centered(XSSFWorkbook book, Font font) {
            CellStyle style = book.createCellStyle();
            style.setFont(font);
            style.setAlignment(HorizontalAlignment.CENTER);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }

        private static CellStyle bordered(XSSFWorkbook book, Font font, HorizontalAlignment alignment) {
            CellStyle style = book.createCellStyle();
            style.setFont(font);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
