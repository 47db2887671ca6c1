package vn.docket.command.notice.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import vn.docket.command.notice.reading.NoticeReadingException.Problem;
import vn.docket.events.DeliverableKind;

/** File formats, encodings and files that are not notices. */
class NoticeInputTest {

    private static final String NOTICE = """
            ỦY BAN NHÂN DÂN
            THÀNH PHỐ LẠNG SƠN
            Số: 45/TB-UBND
            TP. Lạng Sơn, ngày 05 tháng 3 năm 2022
            THÔNG BÁO
            Kết luận của Chủ tịch UBND thành phố
            Ngày 03/3/2022, đồng chí Nguyễn Văn Hạnh - Chủ tịch UBND thành phố chủ trì cuộc họp. Đồng chí Chủ tịch kết luận như sau:
            1. Dự thảo Kế hoạch phát triển du lịch năm 2022 (Phòng Văn hóa và Thông tin trình)
            UBND thành phố cơ bản nhất trí. Giao phòng VH-TT tiếp thu ý kiến các thành viên, hoàn thiện Kế hoạch xong trước ngày 15/3/2022, trình Lãnh đạo UBND thành phố ban hành.
            Trên đây là kết luận của Chủ tịch UBND thành phố.
            TL. CHỦ TỊCH
            CHÁNH VĂN PHÒNG
            Hoàng Văn Nam
            """;

    private final NoticeReader reader = new NoticeReader();

    private static void assertReadsTheSampleNotice(NoticeReading reading) {
        assertThat(reading.notice().number()).isEqualTo("45/TB-UBND");
        assertThat(reading.notice().issuedOn()).isEqualTo(LocalDate.of(2022, 3, 5));
        assertThat(reading.notice().signer()).isEqualTo("Hoàng Văn Nam");
        assertThat(reading.items()).singleElement().satisfies(item -> {
            assertThat(item.lead()).isEqualTo("Phòng Văn hóa và Thông tin");
            assertThat(item.deadline()).isEqualTo(LocalDate.of(2022, 3, 15));
            assertThat(item.kind()).isEqualTo(DeliverableKind.PLAN);
        });
    }

    @Test
    void reads_utf8_with_and_without_a_byte_order_mark() {
        byte[] plain = NOTICE.getBytes(StandardCharsets.UTF_8);
        assertReadsTheSampleNotice(reader.read(plain, "tb.txt"));
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertReadsTheSampleNotice(reader.read(bom, "tb.txt"));
    }

    @Test
    void reads_decomposed_unicode_as_nfc() {
        String nfd = Normalizer.normalize(NOTICE, Normalizer.Form.NFD);
        NoticeReading reading = reader.read(nfd.getBytes(StandardCharsets.UTF_8), "tb.txt");
        assertReadsTheSampleNotice(reading);
        assertThat(reading.items().get(0).title()).isEqualTo(Normalizer.normalize(reading.items().get(0).title(), Normalizer.Form.NFC));
    }

    @Test
    void reads_utf16_with_a_byte_order_mark() {
        assertReadsTheSampleNotice(reader.read(("\uFEFF" + NOTICE).getBytes(StandardCharsets.UTF_16LE), "tb.txt"));
    }

    @Test
    void converts_windows_1258_text() {
        assertReadsTheSampleNotice(reader.read(windows1258(NOTICE), "tb.txt"));
    }

    @Test
    void refuses_tcvn3_text_and_names_the_encoding() {
        // "Thông báo kết luận của UBND thành phố về việc giao nhiệm vụ" typed with the .VnTime font:
        // TCVN3 puts ô on «, á on ¸, ế on Õ, ậ on Ë, ủ on ñ, à on µ, ố on è, ệ on Ö, ụ on ô.
        String tcvn3 = "Th«ng b¸o kÕt luËn cña UBND thµnh phè vÒ viÖc giao nhiÖm vô cho c¸c phßng, ban. "
                + "Giao phßng Tµi chÝnh - KÕ ho¹ch chñ tr×, phèi hîp víi c¸c ®¬n vÞ liªn quan.";
        for (byte[] bytes : new byte[][] {tcvn3.getBytes(StandardCharsets.ISO_8859_1), tcvn3.getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> reader.read(bytes, "tb.txt"))
                    .isInstanceOfSatisfying(NoticeReadingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.LEGACY_ENCODING))
                    .hasMessageContaining("TCVN3");
        }
    }

    @Test
    void refuses_vni_text_and_names_the_encoding() {
        // The same words typed with VNI-Times: a vowel followed by its mark ("oâ", "aù"), đ as ñ, ư as ö.
        String vni = "Thoâng baùo keát luaän cuûa UBND thaønh phoá veà vieäc giao nhieäm vuï cho caùc phoøng, ban. "
                + "Giao phoøng Taøi chính - Keá hoaïch chuû trì, phoái hôïp vôùi caùc ñôn vò lieân quan.";
        for (byte[] bytes : new byte[][] {vni.getBytes(Charset.forName("windows-1252")), vni.getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> reader.read(bytes, "tb.txt"))
                    .isInstanceOfSatisfying(NoticeReadingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.LEGACY_ENCODING))
                    .hasMessageContaining("VNI");
        }
    }

    @Test
    void reads_a_docx_with_its_heading_in_a_table() throws IOException {
        String[] lines = NOTICE.split("\n");
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // Real notices put "ỦY BAN NHÂN DÂN ... Số:" on the left and the place/date on the right.
            XWPFTable table = doc.createTable(1, 2);
            table.getRow(0).getCell(0).setText(lines[0]);
            table.getRow(0).getCell(0).addParagraph().createRun().setText(lines[1]);
            table.getRow(0).getCell(0).addParagraph().createRun().setText(lines[2]);
            table.getRow(0).getCell(1).setText(lines[3]);
            for (int i = 4; i < lines.length; i++) {
                doc.createParagraph().createRun().setText(lines[i]);
            }
            doc.write(out);
            NoticeReading reading = reader.read(out.toByteArray(), "thong-bao.docx");
            assertReadsTheSampleNotice(reading);
            assertThat(reading.notice().issuer()).isEqualTo("UBND thành phố Lạng Sơn");
        }
    }

    @Test
    void reads_a_pdf_with_a_text_layer() throws IOException {
        Path font = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        // With a Unicode TrueType font the Vietnamese notice itself goes in; without one (the
        // standard PDF fonts have no Vietnamese glyphs) an ASCII-only notice tests the extraction.
        boolean vietnamese = Files.isReadable(font);
        String text = vietnamese ? NOTICE : Normalizer.normalize(NOTICE, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont pdfFont = vietnamese ? PDType0Font.load(doc, font.toFile()) : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(pdfFont, 9);
                content.setLeading(12);
                content.newLineAtOffset(40, 750);
                for (String line : text.split("\n")) {
                    // Long lines are wrapped as a word processor would, mid-sentence.
                    for (String piece : wrap(line, 95)) {
                        content.showText(piece);
                        content.newLine();
                    }
                }
                content.endText();
            }
            doc.save(out);
            NoticeReading reading = reader.read(out.toByteArray(), "application/pdf");
            assertThat(reading.notice().number()).isEqualTo("45/TB-UBND");
            assertThat(reading.items()).singleElement().satisfies(item -> {
                assertThat(item.deadline()).isEqualTo(LocalDate.of(2022, 3, 15));
                assertThat(item.submitTo()).hasSize(1);
            });
            if (vietnamese) {
                assertReadsTheSampleNotice(reading);
            }
        }
    }

    @Test
    void refuses_a_pdf_without_a_text_layer() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            assertThatThrownBy(() -> reader.read(out.toByteArray(), "scan.pdf"))
                    .isInstanceOfSatisfying(NoticeReadingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NO_TEXT))
                    .hasMessageContaining("scan");
        }
    }

    @Test
    void refuses_a_broken_pdf_and_a_broken_docx() {
        assertThatThrownBy(() -> reader.read("%PDF-1.7 garbage".getBytes(StandardCharsets.US_ASCII), "x.pdf"))
                .isInstanceOfSatisfying(NoticeReadingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNREADABLE_PDF));
        assertThatThrownBy(() -> reader.read(new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2}, "x.docx"))
                .isInstanceOfSatisfying(NoticeReadingException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNREADABLE_DOCX));
    }

    @Test
    void refuses_an_empty_file() {
        assertProblem(new byte[0], Problem.EMPTY);
        assertProblem("  \n\n ".getBytes(StandardCharsets.UTF_8), Problem.NO_TEXT);
    }

    @Test
    void refuses_binary_garbage() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        assertProblem(garbage, Problem.BINARY);
    }

    @Test
    void refuses_a_file_over_20_mb() {
        assertProblem(new byte[TextExtractor.MAX_BYTES + 1], Problem.TOO_LARGE);
    }

    @Test
    void refuses_an_old_word_document() {
        byte[] doc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertProblem(doc, Problem.UNSUPPORTED_FORMAT);
    }

    @Test
    void a_text_that_assigns_nothing_is_read_with_a_warning_instead_of_refused() {
        NoticeReading reading = reader.read("Kính gửi các phòng, ban. Đề nghị tham dự hội nghị tổng kết năm.".getBytes(StandardCharsets.UTF_8), "tb.txt");
        assertThat(reading.items()).isEmpty();
        assertThat(reading.warnings()).anySatisfy(w -> {
            assertThat(w.field()).isEqualTo("items");
            assertThat(w.message()).contains("thêm các mục");
        });
    }

    @Test
    void every_refusal_is_one_line_for_the_clerk() {
        for (byte[] bad : new byte[][] {new byte[0], {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                new byte[TextExtractor.MAX_BYTES + 1]}) {
            assertThatThrownBy(() -> reader.read(bad, "x.txt"))
                    .isInstanceOf(NoticeReadingException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").isNotBlank());
        }
    }

    @Test
    void serialises_with_the_field_names_of_the_expected_files() throws Exception {
        String json = NoticeJson.mapper().writeValueAsString(reader.read(NOTICE.getBytes(StandardCharsets.UTF_8), "tb.txt"));
        assertThat(json).contains("\"issuedOn\" : \"2022-03-05\"", "\"meetingOn\" : \"2022-03-03\"", "\"submitTo\"",
                "\"presentedBy\" : \"Phòng Văn hóa và Thông tin\"", "\"verdict\" : \"APPROVED_IN_PRINCIPLE\"", "\"warnings\"");
    }

    private void assertProblem(byte[] content, Problem problem) {
        assertThatThrownBy(() -> reader.read(content, "tb.txt"))
                .isInstanceOfSatisfying(NoticeReadingException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    /** Windows-1258 writes a tone as a combining mark after a base letter that may carry a hat. */
    private static byte[] windows1258(String text) {
        Charset cp1258 = Charset.forName("windows-1258");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            String c = String.valueOf(text.charAt(i));
            if (!cp1258.newEncoder().canEncode(c)) {
                String nfd = Normalizer.normalize(c, Normalizer.Form.NFD);
                String tone = nfd.substring(nfd.length() - 1);
                c = Normalizer.normalize(nfd.substring(0, nfd.length() - 1), Normalizer.Form.NFC) + tone;
            }
            out.writeBytes(c.getBytes(cp1258));
        }
        return out.toByteArray();
    }

    private static java.util.List<String> wrap(String line, int width) {
        java.util.List<String> pieces = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            if (current.length() + word.length() + 1 > width && current.length() > 0) {
                pieces.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        pieces.add(current.toString());
        return pieces;
    }
}
