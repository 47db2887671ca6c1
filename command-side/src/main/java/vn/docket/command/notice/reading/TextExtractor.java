package vn.docket.command.notice.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import vn.docket.command.notice.reading.NoticeReadingException.Problem;

/**
 * Gets normalised text out of an uploaded file: plain text, .docx or .pdf with a text layer.
 * The format is decided by the file's first bytes; the name or content type only breaks ties.
 */
public final class TextExtractor {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private TextExtractor() {
    }

    static String extract(byte[] content, String nameOrContentType) {
        if (content == null || content.length == 0) {
            throw new NoticeReadingException(Problem.EMPTY, "Tệp rỗng: không có nội dung để đọc.");
        }
        if (content.length > MAX_BYTES) {
            throw new NoticeReadingException(Problem.TOO_LARGE,
                    "Tệp quá lớn (" + content.length / (1024 * 1024) + " MB); chỉ nhận thông báo tối đa 20 MB.");
        }
        String hint = nameOrContentType == null ? "" : nameOrContentType.toLowerCase(Locale.ROOT);
        String text;
        boolean visualLines = false;
        if (startsWith(content, "%PDF-")) {
            text = fromPdf(content);
            visualLines = true;
        } else if (startsWith(content, "PK\u0003\u0004")) {
            text = fromDocx(content);
        } else if (startsWith(content, "\u00D0\u00CF\u0011\u00E0")) {
            throw new NoticeReadingException(Problem.UNSUPPORTED_FORMAT,
                    "Tệp Word 97-2003 (.doc) chưa được hỗ trợ: hãy lưu lại thành .docx rồi tải lên.");
        } else if (startsWith(content, "{\\rtf")) {
            throw new NoticeReadingException(Problem.UNSUPPORTED_FORMAT,
                    "Tệp RTF chưa được hỗ trợ: hãy lưu lại thành .docx hoặc .txt rồi tải lên.");
        } else if (hint.endsWith(".pdf") || hint.contains("application/pdf")) {
            throw new NoticeReadingException(Problem.UNREADABLE_PDF, "Tệp PDF bị hỏng hoặc không phải PDF: không đọc được.");
        } else if (hint.endsWith(".docx") || hint.contains("wordprocessingml")) {
            throw new NoticeReadingException(Problem.UNREADABLE_DOCX, "Tệp .docx bị hỏng hoặc không phải .docx: không đọc được.");
        } else {
            text = fromPlainText(content);
        }
        String normalised = TextNormaliser.normalise(text, visualLines);
        if (normalised.isBlank()) {
            throw new NoticeReadingException(Problem.NO_TEXT, "Tệp không chứa chữ nào để đọc.");
        }
        return normalised;
    }

    private static String fromPlainText(byte[] content) {
        if (looksBinary(content)) {
            throw new NoticeReadingException(Problem.BINARY,
                    "Tệp không phải văn bản (dữ liệu nhị phân); hãy tải lên .txt, .docx hoặc .pdf.");
        }
        String text;
        if (startsWith(content, "\u00FF\u00FE")) {
            text = new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(content, "\u00FE\u00FF")) {
            text = new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        } else {
            text = strictUtf8(content);
            if (text == null) {
                LegacyEncodings.Guess guess = LegacyEncodings.guessBytes(content);
                if (guess == LegacyEncodings.Guess.WINDOWS_1258) {
                    return LegacyEncodings.decodeWindows1258(content);
                }
                refuseLegacy(guess);
                throw new NoticeReadingException(Problem.BINARY,
                        "Không nhận ra bảng mã của tệp: hãy lưu lại dưới dạng văn bản Unicode (UTF-8).");
            }
        }
        refuseLegacy(LegacyEncodings.guessDecoded(text));
        return text;
    }

    private static void refuseLegacy(LegacyEncodings.Guess guess) {
        if (guess == LegacyEncodings.Guess.TCVN3 || guess == LegacyEncodings.Guess.VNI) {
            throw new NoticeReadingException(Problem.LEGACY_ENCODING,
                    "Văn bản có vẻ được gõ bằng bảng mã " + LegacyEncodings.describe(guess)
                            + ", không phải Unicode: hãy chuyển mã sang Unicode (ví dụ bằng Unikey) rồi tải lên lại.");
        }
    }

    /** Control bytes other than line breaks and tabs do not occur in typed text. */
    private static boolean looksBinary(byte[] content) {
        int sample = Math.min(content.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                return !(startsWith(content, "\u00FF\u00FE") || startsWith(content, "\u00FE\u00FF"));
            }
            if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') || b == 0x7F) {
                control++;
            }
        }
        return control > sample / 100;
    }

    private static String strictUtf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String fromDocx(byte[] content) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            return bodyText(document);
        } catch (IOException | RuntimeException e) {
            throw new NoticeReadingException(Problem.UNREADABLE_DOCX,
                    "Tệp .docx bị hỏng hoặc không phải .docx: không đọc được.", e);
        }
    }

    /**
     * A .docx body's text, a line per paragraph, tables read cell by cell, row by row (headers of notices often
     * sit in a two-column table). Also how a draft's .docx is read ({@code command.draftfiles.DocumentReader}).
     */
    public static String bodyText(XWPFDocument document) {
        StringBuilder out = new StringBuilder();
        for (IBodyElement element : document.getBodyElements()) {
            appendElement(element, out);
        }
        return out.toString();
    }

    private static void appendElement(IBodyElement element, StringBuilder out) {
        if (element instanceof XWPFParagraph paragraph) {
            out.append(paragraph.getText()).append('\n');
        } else if (element instanceof XWPFTable table) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    for (IBodyElement inner : cell.getBodyElements()) {
                        appendElement(inner, out);
                    }
                }
            }
        }
    }

    private static String fromPdf(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            if (text.codePoints().filter(Character::isLetter).count() < 20) {
                throw new NoticeReadingException(Problem.NO_TEXT,
                        "Tệp PDF không có lớp chữ (bản scan): hãy dùng bản PDF có thể chọn chữ, hoặc tệp .docx.");
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new NoticeReadingException(Problem.UNREADABLE_PDF, "Tệp PDF có mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.", e);
        } catch (IOException e) {
            throw new NoticeReadingException(Problem.UNREADABLE_PDF, "Tệp PDF bị hỏng: không đọc được.", e);
        }
    }

    /** Whether {@code content} begins with the bytes of a file type's signature, written as Latin-1 characters. */
    public static boolean startsWith(byte[] content, String latin1Prefix) {
        if (content.length < latin1Prefix.length()) {
            return false;
        }
        for (int i = 0; i < latin1Prefix.length(); i++) {
            if ((content[i] & 0xFF) != latin1Prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
