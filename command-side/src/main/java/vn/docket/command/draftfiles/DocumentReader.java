package vn.docket.command.draftfiles;

import static vn.docket.command.notice.reading.TextExtractor.startsWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.http.HttpStatus;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import vn.docket.command.notice.reading.TextExtractor;
import vn.docket.platform.files.FileRefused;

/**
 * Decides what an uploaded draft is from its first bytes (never from its name) and reads its text, one paragraph a
 * line: .docx, .odt, .pdf, UTF-8 text; a PDF without a text layer (a scan) is accepted with no text. Whatever is not a
 * document, or is hostile (a zip that inflates far beyond its size, XML declaring entities, a PDF needing a password),
 * is refused with the rule it broke. Memory is bounded here; time by {@link DraftFiles}.
 */
final class DocumentReader {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String PDF = "application/pdf";
    static final String TEXT = "text/plain; charset=utf-8";

    /** What a zip may inflate to in all, and how many times its own size: beyond either it is a bomb. */
    static final long MAX_INFLATED = 200L * 1024 * 1024;
    static final int MAX_RATIO = 100;
    /** Text kept for reading and comparing: a long plan has a few hundred thousand characters. */
    static final int MAX_TEXT = 2_000_000;

    /** @param wordCount counted once, when read: the description and the event both carry it */
    record Read(String mediaType, String text, Integer pageCount, boolean textLayer, int wordCount) {

        Read(String mediaType, String text, Integer pageCount, boolean textLayer) {
            this(mediaType, text, pageCount, textLayer, words(text));
        }

        /** Words as a reader counts them: a dash or a bullet standing alone is not one. */
        private static int words(String text) {
            return (int) java.util.Arrays.stream(text.split("\\s+"))
                    .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).count();
        }
    }

    private DocumentReader() {
    }

    /**
     * Reads a file given as the chunks its upload wrote (each {@code FileStore.CHUNK_BYTES} but the last): a .docx
     * or .odt straight from them; a PDF or a text, which need their bytes in one piece, from a copy.
     */
    static Read read(List<byte[]> chunks, long size, boolean imagesAccepted) {
        byte[] head = chunks.isEmpty() ? new byte[0] : chunks.get(0);
        if (startsWith(head, "PK\u0003\u0004")) {
            return zipped(chunks, size);
        }
        byte[] content = new byte[(int) size];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, content, at, chunk.length);
            at += chunk.length;
        }
        if (startsWith(content, "%PDF-")) {
            return pdf(content);
        }
        String image = image(content);
        if (image != null) {
            if (imagesAccepted) {
                return new Read(image, "", 1, false);
            }
            throw notADocument("Ảnh (" + image + ") không phải văn bản dự thảo; hãy tải lên .docx, .odt, .pdf hoặc .txt.");
        }
        if (startsWith(content, "\u00D0\u00CF\u0011\u00E0")) {
            throw notADocument("Tệp Word 97-2003 (.doc) chưa được hỗ trợ: hãy lưu lại thành .docx rồi tải lên.");
        }
        String text = utf8(content);
        if (text == null || looksBinary(text)) {
            throw notADocument("Tệp không phải văn bản (chương trình, tệp nén hoặc dữ liệu nhị phân); "
                    + "hãy tải lên .docx, .odt, .pdf hoặc .txt.");
        }
        return new Read(TEXT, paragraphs(text), null, true);
    }

    private static Read pdf(byte[] content) {
        try (PDDocument document = Loader.loadPDF(content, "", null, null,
                MemoryUsageSetting.setupMixed(16L * 1024 * 1024).streamCache)) {
            String text = new PDFTextStripper().getText(document);
            boolean layer = text.codePoints().filter(Character::isLetter).count() >= 20;
            return new Read(PDF, layer ? paragraphs(text) : "", document.getNumberOfPages(), layer);
        } catch (InvalidPasswordException e) {
            throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-password-protected",
                    "Tệp PDF có mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.");
        } catch (IOException | RuntimeException e) {
            throw unreadable("Tệp PDF bị hỏng: không đọc được.");
        }
    }

    private static Read zipped(List<byte[]> chunks, long size) {
        Map<String, byte[]> entries = unzip(chunks, size);
        if (entries.containsKey("word/document.xml")) {
            return new Read(DOCX, docx(entries), null, true);
        }
        byte[] mimetype = entries.get("mimetype");
        if (mimetype != null && new String(mimetype, StandardCharsets.US_ASCII).strip().equals(ODT)
                && entries.containsKey("content.xml")) {
            return new Read(ODT, odt(entries.get("content.xml")), null, true);
        }
        throw notADocument("Tệp nén không phải văn bản .docx hay .odt; hãy tải lên chính văn bản dự thảo.");
    }

    /**
     * Inflates every entry, counting: a bomb is refused before it fills memory; XML declaring entities too. Keeps
     * the XML parts (and an ODF's mimetype), what reading the text needs; other parts (pictures, fonts, embedded
     * objects) are counted and left empty, so a large picture is inflated once and never held.
     */
    private static Map<String, byte[]> unzip(List<byte[]> chunks, long size) {
        long limit = Math.min(MAX_INFLATED, size * MAX_RATIO);
        long inflated = 0;
        Map<String, byte[]> entries = new LinkedHashMap<>();
        InputStream bytes = new SequenceInputStream(Collections.enumeration(
                chunks.stream().map(ByteArrayInputStream::new).toList()));
        try (ZipInputStream zip = new ZipInputStream(bytes)) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                boolean kept = xml || name.equals("mimetype");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (inflated > limit) {
                        throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-zip-bomb",
                                "Tệp giải nén ra lớn bất thường (quá " + limit / (1024 * 1024)
                                        + " MB): Docket không mở tệp này.");
                    }
                    if (kept) {
                        out.write(buffer, 0, n);
                    }
                }
                if (xml) {
                    String head = new String(out.toByteArray(), 0, Math.min(out.size(), 4096), StandardCharsets.UTF_8);
                    if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
                        throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-xml-entities",
                                "Tệp chứa khai báo thực thể XML (có thể là tệp độc hại): Docket không mở tệp này.");
                    }
                }
                entries.put(name, out.toByteArray());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable("Tệp nén bị hỏng: không đọc được.");
        }
        return entries;
    }

    /** Opens the package from the parts {@link #unzip} kept, rather than inflating it all again in POI. */
    private static String docx(Map<String, byte[]> entries) {
        try (XWPFDocument document = new XWPFDocument(OPCPackage.open(new Inflated(entries)))) {
            return paragraphs(TextExtractor.bodyText(document));
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            throw unreadable("Tệp .docx bị hỏng: không đọc được.");
        }
    }

    /** A zip's entries already inflated, as POI reads a package. */
    private static final class Inflated implements ZipEntrySource {
        private final Map<String, byte[]> entries;
        private boolean closed;

        Inflated(Map<String, byte[]> entries) {
            this.entries = entries;
        }

        @Override
        public Enumeration<ZipArchiveEntry> getEntries() {
            return Collections.enumeration(entries.keySet().stream().map(this::getEntry).toList());
        }

        @Override
        public ZipArchiveEntry getEntry(String name) {
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                return null;
            }
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setSize(bytes.length);
            return entry;
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) {
            return new ByteArrayInputStream(entries.get(entry.getName()));
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    /** An ODF text document's paragraphs and headings ({@code text:p}, {@code text:h}), one a line. */
    private static String odt(byte[] contentXml) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            SAXParser parser = factory.newSAXParser();
            StringBuilder out = new StringBuilder();
            parser.parse(new ByteArrayInputStream(contentXml), new DefaultHandler() {
                int depth;

                @Override
                public void startElement(String uri, String local, String qName, Attributes attributes) {
                    if (local.equals("p") || local.equals("h")) {
                        depth++;
                    } else if (depth > 0 && (local.equals("s") || local.equals("tab"))) {
                        out.append(' ');
                    } else if (depth > 0 && local.equals("line-break")) {
                        out.append(' ');
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    if ((local.equals("p") || local.equals("h")) && --depth == 0) {
                        out.append('\n');
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (depth > 0) {
                        out.append(ch, start, length);
                    }
                }
            });
            return paragraphs(out.toString());
        } catch (Exception e) {
            throw unreadable("Tệp .odt bị hỏng: không đọc được.");
        }
    }

    /** NFC, one paragraph a line, blank lines and surrounding spaces dropped, at most MAX_TEXT characters. */
    static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : Normalizer.normalize(text, Normalizer.Form.NFC).split("\\R")) {
            String clean = line.replace('\u00A0', ' ').replaceAll("[\\p{Cntrl}&&[^\\t]]", "").strip()
                    .replaceAll("\\s+", " ");
            if (!clean.isEmpty()) {
                if (out.length() + clean.length() > MAX_TEXT) {
                    break;
                }
                out.append(clean).append('\n');
            }
        }
        return out.toString();
    }

    private static String image(byte[] content) {
        if (startsWith(content, "\u0089PNG")) {
            return "image/png";
        }
        if (startsWith(content, "\u00FF\u00D8\u00FF")) {
            return "image/jpeg";
        }
        if (startsWith(content, "GIF8")) {
            return "image/gif";
        }
        return null;
    }

    private static String utf8(byte[] content) {
        try {
            int skip = startsWith(content, "\u00EF\u00BB\u00BF") ? 3 : 0;
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, skip, content.length - skip)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Typed text has no control characters other than line breaks, tabs and form feeds. */
    private static boolean looksBinary(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7F);
    }

    private static FileRefused notADocument(String detail) {
        return new FileRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file-type-not-accepted", detail);
    }

    private static FileRefused unreadable(String detail) {
        return new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-unreadable", detail);
    }
}
