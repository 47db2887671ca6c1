package vn.docket.command.draftfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Docket's multipart reader against the parser it replaced (commons-fileupload's streaming API, as the hand-in used
 * it): on generated forms, cut short, with bytes changed, inserted or dropped, with and without a declared length,
 * under small limits, fed in random pieces, both must read the same parts with the same bytes, or refuse alike
 * (a part over its limit, the request over its limit, or malformed). Where the library failed outright (a nested
 * multipart naming no boundary, an index out of bounds on some cut bodies: a 500 before), there is nothing to compare
 * and Docket's reader only has to answer. Where the library read a header wrongly (see {@link PartHeaders}: a
 * {@code filename*} before a {@code filename}, backslash escapes), the library reads the same form written the way it
 * read right, and the form is not mutated. Docket reads a part's headers up to 8 KB where the library stopped at 512
 * bytes: it is held to the library with the library's limit, and with its own wherever no part's headers passed 512.
 *
 * <p>commons-fileupload is a test dependency for this oracle only: Docket no longer runs it.
 */
class MultipartPartsFuzzTest {

    private static final String BOUNDARY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+_,-./:=? ";
    private static final String[] NAMES = {"file", "note", "effectiveDate", "answers", "tên trường", "a\"b", "", " x "};
    private static final String[] FILE_NAMES = {"Dự thảo v2.docx", "a.pdf", "", "C:\\tmp\\kế hoạch.docx", "x\u0000y.txt",
            "\"quoted\".txt", "Báo cáo tổng hợp giải trình, tiếp thu ý kiến của các sở, ngành.docx", "café; a=b.txt"};
    /** The library's limit on a part's headers, which it cannot be given another of. */
    private static final int LIBRARY_HEADERS_MAX = 512;

    @Test
    void reads_every_form_as_the_library_did_or_refuses_it_alike() throws Exception {
        int rewrittenCompared = 0;
        for (int seed = 0; seed < 4000; seed++) {
            Random random = new Random(seed);
            String boundary = boundary(random);
            Form form = form(random, boundary);
            boolean rewritten = !Arrays.equals(form.sent(), form.forLibrary());
            // Nor is a form with an ext-value mutated: one cut or changed is not used by Docket (PartHeadersTest), the
            // library decoded what it could of it.
            boolean kept = rewritten || new String(form.sent(), StandardCharsets.UTF_8).contains("*=");
            byte[] body = kept ? form.sent() : mutate(random, form.sent());
            boolean lengthDeclared = random.nextInt(4) != 0;
            long maxRequest = random.nextInt(5) == 0 && !rewritten ? Math.max(1, body.length - random.nextInt(50) + 25) : 51L << 20;
            long maxPart = random.nextInt(5) == 0 ? 1 + random.nextInt(400) : 50L << 20;
            String contentType = random.nextInt(30) == 0 ? "multipart/form-data" // no boundary
                    : "multipart/form-data; boundary=" + (boundary.contains(" ") || random.nextBoolean() ? "\"" + boundary + "\"" : boundary);

            String library = library(rewritten ? form.forLibrary() : body, contentType, lengthDeclared, maxRequest, maxPart);
            String docket = docket(body, contentType, lengthDeclared, maxRequest, maxPart, new Random(seed), LIBRARY_HEADERS_MAX);
            String docketOwnLimit = docket(body, contentType, lengthDeclared, maxRequest, maxPart, new Random(seed),
                    MultipartParts.HEADERS_MAX);
            if (library.startsWith("failed: ")) {
                continue; // no answer to compare: Docket's reader answered without failing, which is all to ask
            }
            if (rewritten && library.equals("refused: the request over its limit")) {
                continue; // the form as rewritten for the library has longer headers than the one sent: no answer to compare
            }
            assertThat(docket).as("seed %d (length declared %s, limits %d/%d), body:%n%s", seed, lengthDeclared,
                    maxRequest, maxPart, new String(body, StandardCharsets.ISO_8859_1)).isEqualTo(library);
            if (!library.equals("refused: the request over its limit")) {
                assertThat(docketOwnLimit).as("seed %d with Docket's header limit", seed).isEqualTo(library);
            }
            rewrittenCompared += rewritten ? 1 : 0;
        }
        assertThat(rewrittenCompared).as("forms the library read wrongly, compared as rewritten").isGreaterThan(200);
    }

    @Test
    void a_ten_megabyte_file_among_fields_reads_as_the_library_read_it() throws Exception {
        Random random = new Random(15);
        byte[] file = new byte[10 << 20];
        random.nextBytes(file);
        String boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
        // Near-boundaries inside the file: what a byte-by-byte search and a skip-ahead one must both pass over.
        byte[] near = ("\r\n--" + boundary.substring(0, 30)).getBytes(StandardCharsets.US_ASCII);
        for (int at = 1000; at < file.length - near.length; at += 1_000_003) {
            System.arraycopy(near, 0, file, at, near.length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"note\"\r\n", "Bản sửa theo ý kiến của Chủ tịch".getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"Dự thảo.docx\"\r\n", file);
        part(body, boundary, "Content-Disposition: form-data; name=\"effectiveDate\"\r\n", "2026-12-03".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        String contentType = "multipart/form-data; boundary=" + boundary;

        String docket = docket(body.toByteArray(), contentType, true, 51L << 20, 50L << 20, random, MultipartParts.HEADERS_MAX);
        assertThat(docket).isEqualTo(library(body.toByteArray(), contentType, true, 51L << 20, 50L << 20));
        assertThat(docket).contains("file|Dự thảo.docx|false|" + sha256(file));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** What the parser Docket used before read: each part's name, file name, kind and SHA-256, or why it refused. */
    private static String library(byte[] body, String contentType, boolean lengthDeclared, long maxRequest, long maxPart) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/assignments/x/drafts") {
            @Override
            public int getContentLength() {
                return lengthDeclared ? super.getContentLength() : -1;
            }

            @Override
            public long getContentLengthLong() {
                return getContentLength();
            }
        };
        request.setContentType(contentType);
        request.setContent(body);
        if (lengthDeclared) {
            request.addHeader("Content-Length", body.length);
        }
        JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> upload = new JakartaServletFileUpload<>();
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        upload.setSizeMax(maxRequest);
        upload.setFileSizeMax(maxPart);
        List<String> parts = new ArrayList<>();
        try {
            FileItemInputIterator items = upload.getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                String fileName;
                try {
                    fileName = item.isFormField() ? null : item.getName();
                } catch (RuntimeException e) {
                    fileName = "\u0000";
                }
                try (InputStream in = item.getInputStream()) {
                    parts.add(item.getFieldName() + "|" + fileName + "|" + item.isFormField() + "|" + sha256(in.readAllBytes()));
                }
            }
            return String.join("\n", parts);
        } catch (FileUploadByteCountLimitException e) {
            return "refused: a part over its limit";
        } catch (FileUploadSizeException e) {
            return "refused: the request over its limit";
        } catch (IOException e) {
            return "refused: malformed";
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    /** The same with Docket's reader, the body arriving in random pieces as from a network. */
    private static String docket(byte[] body, String contentType, boolean lengthDeclared, long maxRequest, long maxPart,
                                 Random random, int maxHeaders) {
        InputStream pieces = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 16 : 100_000)));
            }
        };
        List<String> parts = new ArrayList<>();
        try {
            MultipartParts form = new MultipartParts(pieces, contentType, lengthDeclared ? body.length : -1, maxRequest,
                    maxPart, maxHeaders);
            for (MultipartParts.Part part = form.next(); part != null; part = form.next()) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] buffer = new byte[1 + random.nextInt(70_000)];
                for (int n = form.read(buffer, 0, buffer.length); n != -1; n = form.read(buffer, 0, buffer.length)) {
                    content.write(buffer, 0, n);
                }
                String fileName = part.fileName() != null && part.fileName().indexOf('\u0000') >= 0 ? "\u0000" : part.fileName();
                parts.add(part.fieldName() + "|" + fileName + "|" + part.formField() + "|" + sha256(content.toByteArray()));
            }
            return String.join("\n", parts);
        } catch (MultipartParts.TooLarge e) {
            return e.what == MultipartParts.Over.PART ? "refused: a part over its limit" : "refused: the request over its limit";
        } catch (IOException e) {
            return "refused: malformed";
        }
    }

    private static String boundary(Random random) {
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 40);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(BOUNDARY_CHARS.charAt(random.nextInt(BOUNDARY_CHARS.length() - (i == length - 1 ? 1 : 0))));
        }
        return out.toString();
    }

    /** A form as sent, and as the library is given it: the same but where it would read a header wrongly. */
    record Form(byte[] sent, byte[] forLibrary) {
    }

    /** Writes a form twice, the same bytes to both but where {@link #write(String, String)} says otherwise. */
    private static final class Out {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final ByteArrayOutputStream forLibrary = new ByteArrayOutputStream();

        void writeBytes(byte[] bytes) {
            sent.writeBytes(bytes);
            forLibrary.writeBytes(bytes);
        }

        void write(String sentText, String libraryText) {
            sent.writeBytes(sentText.getBytes(StandardCharsets.UTF_8));
            forLibrary.writeBytes(libraryText.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A form as a browser or a script sends it, now and then with a preamble, an epilogue, bare LFs or a nested
     * multipart, its Content-Disposition written in the ways clients write it (see {@link #disposition}).
     */
    private static Form form(Random random, String boundary) {
        Out out = new Out();
        if (random.nextInt(8) == 0) {
            out.writeBytes(bytes(random, boundary, random.nextInt(40)));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            out.writeBytes(("--" + boundary + (random.nextInt(15) == 0 ? "\n" : "\r\n")).getBytes(StandardCharsets.UTF_8));
            String name = NAMES[random.nextInt(NAMES.length)];
            if (random.nextInt(20) == 0) {
                String nested = random.nextBoolean() ? boundary.replace(boundary.charAt(0), boundary.charAt(0) == 'Q' ? 'R' : 'Q') : "n" + boundary;
                out.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: multipart/mixed"
                        + (random.nextInt(4) == 0 ? "" : "; boundary=" + nested) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                int files = random.nextInt(3);
                for (int f = 0; f < files; f++) {
                    out.writeBytes(("--" + nested + "\r\nContent-Disposition: " + (random.nextBoolean() ? "attachment" : "form-data")
                            + "; filename=\"" + FILE_NAMES[random.nextInt(FILE_NAMES.length)] + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bytes(random, nested, random.nextInt(300)));
                    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.writeBytes(("--" + nested + "--\r\n").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            StringBuilder headers = new StringBuilder();
            switch (random.nextInt(10)) {
                case 0 -> headers.append("Content-Disposition: attachment; name=\"").append(name).append("\"\r\n");
                case 1 -> headers.append("X-Other: 1\r\n"); // no name: the part is skipped
                case 2 -> headers.append("content-disposition: FORM-DATA; NAME=").append(name.replace(" ", "")).append("\r\n");
                default -> {
                    String[] disposition = disposition(random, name,
                            random.nextInt(3) == 0 ? FILE_NAMES[random.nextInt(FILE_NAMES.length)] : null);
                    out.write(disposition[0], disposition[1]);
                }
            }
            if (random.nextInt(3) == 0) {
                headers.append("Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n");
            }
            byte[] content = bytes(random, boundary, random.nextInt(12) == 0 ? random.nextInt(200_000) : random.nextInt(600));
            if (random.nextInt(10) == 0) {
                headers.append("Content-Length: ").append(random.nextBoolean() ? content.length : random.nextInt(1000)).append("\r\n");
            }
            if (random.nextInt(25) == 0) {
                headers.append("X-Padding: ").append("đ".repeat(200)).append("\r\n"); // over the library's 512 bytes
            }
            out.writeBytes(headers.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (random.nextInt(10) != 0) {
            out.writeBytes(("--" + boundary + "--").getBytes(StandardCharsets.UTF_8));
            if (random.nextInt(4) == 0) {
                out.writeBytes(("\r\nepilogue --" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Form(out.sent.toByteArray(), out.forLibrary.toByteArray());
    }

    /**
     * A Content-Disposition line naming a field and maybe a file, in any case and order, with {@code filename*}
     * (UTF-8 or ISO-8859-1, quoted or not) alone, after or before a plain {@code filename}, or a quoted name with
     * backslash escapes: as sent, and as the library is to be given it.
     */
    private static String[] disposition(Random random, String name, String fileName) {
        String header = new String[] {"Content-Disposition", "content-disposition", "CONTENT-DISPOSITION"}[random.nextInt(3)];
        String type = random.nextInt(4) == 0 ? "Form-Data" : "form-data";
        String nameParameter = (random.nextInt(4) == 0 ? "Name" : "name") + (random.nextInt(6) == 0 ? " = " : "=") + '"' + name + '"';
        String sent = null;
        String forLibrary = null;
        if (fileName != null) {
            String plain = random.nextInt(4) == 0 ? "FileName" : "filename";
            String extended = plain + "*=" + extValue(random, fileName);
            int variant = random.nextInt(8);
            if (name.contains("\"") && (variant == 2 || variant == 3)) {
                variant = 0; // a name with a bare quote runs to the line's end: rewriting after it would change it too
            }
            switch (variant) {
                case 0 -> sent = extended;
                case 1 -> sent = plain + "=\"Du thao.docx\"; " + extended; // the star last: the library took it too
                case 2 -> { // the star first: the library took the plain one, being the last
                    sent = extended + "; " + plain + "=\"Du thao.docx\"";
                    forLibrary = plain + "=\"Du thao.docx\"; " + extended;
                }
                case 3 -> { // escaped: the library kept the backslashes
                    sent = plain + "=\"" + fileName.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
                    forLibrary = plain + "*=UTF-8''" + percentEncoded(fileName, StandardCharsets.UTF_8);
                }
                default -> sent = plain + "=\"" + fileName + '"';
            }
        }
        String[] parameters = sent == null ? new String[] {nameParameter} : new String[] {nameParameter, sent};
        String[] libraryParameters = forLibrary == null ? parameters : new String[] {nameParameter, forLibrary};
        boolean fileFirst = random.nextInt(5) == 0;
        String separator = random.nextInt(6) == 0 ? " ;" : "; ";
        return new String[] {line(header, type, parameters, fileFirst, separator),
                line(header, type, libraryParameters, fileFirst, separator)};
    }

    private static String line(String header, String type, String[] parameters, boolean reversed, String separator) {
        List<String> ordered = new ArrayList<>(List.of(parameters));
        if (reversed) {
            java.util.Collections.reverse(ordered);
        }
        return header + ": " + type + separator + String.join(separator, ordered) + "\r\n";
    }

    /** An RFC 5987 ext-value: ISO-8859-1 for a name that fits it, now and then; quoted now and then, as some send it. */
    private static String extValue(Random random, String fileName) {
        boolean latin = random.nextBoolean() && StandardCharsets.ISO_8859_1.newEncoder().canEncode(fileName);
        String value = (latin ? (random.nextBoolean() ? "ISO-8859-1" : "iso-8859-1") + "'vi'" : (random.nextBoolean() ? "UTF-8" : "utf-8") + "''")
                + percentEncoded(fileName, latin ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return random.nextInt(5) == 0 ? '"' + value + '"' : value;
    }

    private static String percentEncoded(String text, java.nio.charset.Charset charset) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(charset)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    /** Random bytes with, now and then, near-delimiters in them: CRLF and dashes, the boundary cut short or whole. */
    private static byte[] bytes(Random random, String boundary, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < length) {
            switch (random.nextInt(12)) {
                case 0 -> out.writeBytes(("\r\n--" + boundary.substring(0, random.nextInt(boundary.length())))
                        .getBytes(StandardCharsets.UTF_8));
                case 1 -> out.writeBytes(("--" + boundary).getBytes(StandardCharsets.UTF_8));
                case 2 -> out.writeBytes("\r\n-\r\r\n\r\n--".getBytes(StandardCharsets.US_ASCII));
                default -> {
                    byte[] some = new byte[1 + random.nextInt(Math.max(1, length / 4))];
                    random.nextBytes(some);
                    out.writeBytes(some);
                }
            }
        }
        return out.toByteArray();
    }

    /** Half the forms as they are; the others cut short, or with a byte changed, inserted or dropped here and there. */
    private static byte[] mutate(Random random, byte[] body) {
        if (body.length == 0 || random.nextBoolean()) {
            return body;
        }
        byte[] out = body;
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes && out.length > 0; i++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out = java.util.Arrays.copyOf(out, at);
                case 1 -> {
                    out = out.clone();
                    out[at] = (byte) "\r\n-x\0".charAt(random.nextInt(5));
                }
                case 2 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) "\r\n-".charAt(random.nextInt(3));
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
                default -> {
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                }
            }
        }
        return out;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
