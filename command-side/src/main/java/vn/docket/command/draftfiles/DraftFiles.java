package vn.docket.command.draftfiles;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import vn.docket.events.DocumentFile;
import vn.docket.platform.Sha256;
import vn.docket.platform.files.FileRefused;
import vn.docket.platform.files.FileStore;
import vn.docket.platform.files.StoredText;
import vn.docket.platform.web.WellFormedRequest;

/**
 * Takes a draft's file (or the issued document's) in: {@link #receive}s the form straight from the request as it
 * arrives (the file part hashed and its chunks written to the file store as its bytes come, within the size limit;
 * nothing spooled to disk and read back), checks its name, reads it (on a worker of its own, within a time limit, so
 * one hostile file cannot hold a request thread), and describes it in the store. The caller closes what it received
 * (its chunks go unless they were described), {@link #keep}s the file once the draft's event is stored, or
 * {@link #discard}s it when the command is refused, so nothing is left half-written.
 */
@Component
public class DraftFiles {

    /** What was stored: the SHA-256 the server computed and what the event records. */
    public record Stored(String sha256, String name, DocumentFile file) {
    }

    /**
     * A form as received: its fields (each given once, in UTF-8), the {@code file} part's name, bytes (the chunks its
     * upload wrote, the only copy kept), size and SHA-256, and a fingerprint of all its parts for
     * {@code Idempotency-Key} (name, file name and SHA-256 of each, in name order, so the same form sent again with
     * another boundary or order is the same request). Closing it removes the upload's chunks unless
     * {@link #store} described them.
     */
    public record Received(Map<String, String> fields, String name, List<byte[]> content, long size, String sha256,
                           String fingerprint, FileStore.Upload upload) implements AutoCloseable {
        @Override
        public void close() {
            upload.close();
        }
    }

    /**
     * Parts a form may have: a hand-in has half a dozen fields. Each part costs its headers, a digest and a line of the
     * fingerprint, so a form of thousands of tiny parts within the size limit would cost far more than its bytes.
     */
    static final int MAX_PARTS = 100;

    /** The form has more than {@link #MAX_PARTS} parts. */
    private static final class TooManyParts extends IOException {
    }

    private final FileStore store;
    private final long maxBytes;
    /** The whole form: the file and its fields. */
    private final long maxRequestBytes;
    private final long readSeconds;
    private final boolean imagesAccepted;
    /** Two readers at most: hand-ins wait their turn rather than take every core. */
    private final ExecutorService readers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "docket-draft-reader");
        thread.setDaemon(true);
        return thread;
    });

    DraftFiles(FileStore store, @Value("${docket.files.max-size}") DataSize maxSize,
               @Value("${docket.files.read-timeout-seconds:20}") long readSeconds,
               @Value("${docket.files.accept-images:false}") boolean imagesAccepted,
               @Value("${spring.servlet.multipart.max-request-size:51MB}") DataSize maxRequestSize) {
        this.store = store;
        this.maxBytes = maxSize.toBytes();
        this.maxRequestBytes = maxRequestSize.toBytes();
        this.readSeconds = readSeconds;
        this.imagesAccepted = imagesAccepted;
    }

    /**
     * Reads a {@code multipart/form-data} request part by part as it arrives, fields before or after the file alike.
     * The file's bytes go once through SHA-256 into chunks (at most the size limit, counted while they arrive, also
     * for a body sent without a length), each written to the store as soon as it is full. A body cut off, malformed
     * or too large is refused and the chunks written go; nothing is visible before {@link #store}.
     */
    public Received receive(HttpServletRequest request) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        String name = null;
        List<byte[]> content = null;
        FileStore.Upload upload = null;
        String sha = null;
        boolean whole = false;
        try {
            MultipartParts form = new MultipartParts(request.getInputStream(), request.getContentType(),
                    request.getContentLengthLong(), maxRequestBytes, maxBytes);
            for (MultipartParts.Part part = form.next(); part != null; part = form.next()) {
                if (parts.size() == MAX_PARTS) {
                    throw new TooManyParts();
                }
                MessageDigest digest = Sha256.digest();
                String fileName = part.formField() ? null : fileName(part);
                if (fields.containsKey(part.fieldName()) || "file".equals(part.fieldName()) && content != null) {
                    // Which value would count? Keeping one silently records what a proxy or a log may not have seen.
                    drainRest(request);
                    throw new FileRefused(HttpStatus.BAD_REQUEST, "malformed-request", "Biểu mẫu có trường '" + part.fieldName()
                            + "' hai lần (field '" + part.fieldName() + "' is given twice): hãy gửi mỗi trường một lần.");
                }
                if (part.formField()) {
                    byte[] value = read(form, digest);
                    // As a JSON body is: a byte that is not UTF-8 would otherwise be stored as U+FFFD, never typed.
                    if (!WellFormedRequest.isUtf8(value)) {
                        drainRest(request);
                        throw new FileRefused(HttpStatus.BAD_REQUEST, "malformed-text", "Trường '" + part.fieldName()
                                + "' của biểu mẫu không phải văn bản UTF-8.");
                    }
                    fields.put(part.fieldName(), new String(value, StandardCharsets.UTF_8));
                } else if ("file".equals(part.fieldName())) {
                    try {
                        name = name(fileName);
                    } catch (FileRefused refused) {
                        // Refused from the part's headers, before its body: read on, as for a size refusal.
                        drainRest(request);
                        throw refused;
                    }
                    upload = store.upload();
                    content = upload(form, digest, upload);
                } else {
                    // A note or a date sent as a file would be dropped without a word, and the draft recorded without it.
                    drainRest(request);
                    throw new FileRefused(HttpStatus.BAD_REQUEST, "malformed-request", "Phần '" + part.fieldName()
                            + "' của biểu mẫu là một tệp: Docket nhận tệp ở phần 'file', các trường khác là văn bản.");
                }
                String hash = Sha256.finish(digest);
                if (content != null && sha == null) {
                    sha = hash;
                }
                parts.add(part.fieldName() + "\u0000" + fileName + "\u0000" + hash);
            }
            if (!form.closed()) {
                // Cut off after a part: the fields that were to follow (a note, the date) would be missing from the draft.
                throw new EOFException("The form ended without its closing delimiter");
            }
            if (content == null) {
                throw new FileRefused(HttpStatus.BAD_REQUEST, "malformed-request", "Biểu mẫu không có phần file (tệp dự thảo).");
            }
            whole = true;
        } catch (MultipartParts.TooLarge e) {
            drainRest(request);
            throw switch (e.what) {
                case PART -> tooLarge();
                case HEADERS -> new FileRefused(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                        "Phần đầu của một trường trong biểu mẫu (tên tệp, tên trường) dài quá "
                                + MultipartParts.HEADERS_MAX / 1024 + " KB.");
                // A form over the limit on the whole: its file is what makes it so, the fields are short.
                case REQUEST -> FileRefused.tooLarge("request-too-large", "Dữ liệu gửi lên quá lớn: Docket nhận tệp tối đa "
                        + maxBytes / (1024 * 1024) + " MB cùng các trường của biểu mẫu.", maxBytes);
            };
        } catch (TooManyParts e) {
            drainRest(request);
            throw new FileRefused(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "Biểu mẫu gửi lên có quá "
                    + MAX_PARTS + " phần: Docket nhận tệp dự thảo cùng các trường của biểu mẫu nộp dự thảo.");
        } catch (IOException e) {
            // Malformed, or cut off: the client went away mid-upload (nobody may read this answer).
            throw new FileRefused(HttpStatus.BAD_REQUEST, "malformed-request",
                    "Biểu mẫu gửi lên bị hỏng hoặc bị cắt giữa chừng: hãy gửi lại.");
        } finally {
            if (!whole && upload != null) {
                upload.close(); // the chunks written so far go
            }
        }
        parts.sort(null);
        return new Received(fields, name, content, content.stream().mapToLong(c -> c.length).sum(), sha,
                Sha256.hex(String.join("\n", parts)), upload);
    }

    /** The file part's bytes through the digest into chunks, each given to the upload as soon as it is full. */
    private static List<byte[]> upload(MultipartParts form, MessageDigest digest, FileStore.Upload upload) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        byte[] chunk = new byte[FileStore.CHUNK_BYTES];
        int filled = 0;
        for (int n = form.read(chunk, filled, chunk.length - filled); n != -1; n = form.read(chunk, filled, chunk.length - filled)) {
            digest.update(chunk, filled, n);
            filled += n;
            if (filled == chunk.length) {
                upload.write(chunk);
                chunks.add(chunk);
                chunk = new byte[FileStore.CHUNK_BYTES];
                filled = 0;
            }
        }
        if (filled > 0) {
            byte[] last = Arrays.copyOf(chunk, filled);
            upload.write(last);
            chunks.add(last);
        }
        return chunks;
    }

    /** A field's bytes through the digest into memory. */
    private static byte[] read(MultipartParts form, MessageDigest digest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[64 * 1024];
        for (int n = form.read(buffer, 0, buffer.length); n != -1; n = form.read(buffer, 0, buffer.length)) {
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The part's file name as sent; one with a NUL in it, which the library refused to give, stands as a NUL. */
    private static String fileName(MultipartParts.Part part) {
        return part.fileName().indexOf('\u0000') >= 0 ? "\u0000" : part.fileName();
    }

    /** A file that came without a form (the demo data's drafts): stored as an upload of its bytes. */
    public Stored store(String originalName, byte[] content) {
        String name = name(originalName);
        List<byte[]> chunks = FileStore.chunked(content);
        FileStore.Upload upload = store.upload();
        try (Received received = new Received(Map.of(), name, chunks, content.length, Sha256.hex(content), null, upload)) {
            chunks.forEach(upload::write);
            return store(received);
        }
    }

    /**
     * Reads a received file and describes it in the store (its chunks were written as it arrived), or finds the same
     * bytes stored already; refused, it leaves nothing once the caller closes what it received.
     */
    public Stored store(Received received) {
        if (received.size() == 0) {
            throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-empty", "Tệp rỗng: không có nội dung để lưu.");
        }
        if (received.size() > maxBytes) {
            throw tooLarge();
        }
        String sha = received.sha256();
        Future<DocumentReader.Read> reading = readers.submit(() ->
                DocumentReader.read(received.content(), received.size(), imagesAccepted));
        // The reader reads while the writer writes the last chunks; the description, which needs what it read, last.
        received.upload().finish(sha, () -> {
            DocumentReader.Read read = within(reading);
            return StoredText.with(new Document("mediaType", read.mediaType()).append("pageCount", read.pageCount())
                    .append("wordCount", read.wordCount()).append("textLayer", read.textLayer()), read.text());
        });
        DocumentReader.Read read;
        try {
            read = within(reading); // read already, unless the same bytes were stored before
        } catch (RuntimeException e) {
            store.discard(sha);
            throw e;
        }
        return new Stored(sha, received.name(), new DocumentFile(read.mediaType(), received.size(), read.pageCount(),
                read.wordCount(), read.textLayer()));
    }

    /**
     * Reads and drops what is left of a body refused before its end (for its size, its parts or its file's name; at
     * most max-request-size more), so that a client still sending reads the answer and its rule: Tomcat reads on
     * after it at most 2 MB and then closes the connection, and a client still writing then sees a broken pipe
     * instead of the answer (DraftFilesTest).
     */
    private void drainRest(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        long left = maxRequestBytes;
        try {
            InputStream rest = request.getInputStream();
            for (int n = 0; left > 0 && n != -1; n = rest.read(buffer, 0, (int) Math.min(buffer.length, left))) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away: nobody is left to read the answer.
        }
    }

    private FileRefused tooLarge() {
        return FileRefused.tooLarge("file-too-large",
                "Tệp quá lớn; Docket nhận tệp dự thảo tối đa " + maxBytes / (1024 * 1024) + " MB.", maxBytes);
    }

    public void keep(Stored stored) {
        store.keep(stored.sha256());
    }

    /** Ends this request's hold; the file goes only if no other request holds it and no draft kept it. */
    public void discard(Stored stored) {
        store.discard(stored.sha256());
    }

    /** The extensions a file of each type Docket reads may have; the first is the one it is given. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            DocumentReader.DOCX, List.of("docx"), DocumentReader.ODT, List.of("odt"), DocumentReader.PDF, List.of("pdf"),
            DocumentReader.TEXT, List.of("txt", "csv", "md"), "image/png", List.of("png"),
            "image/jpeg", List.of("jpg", "jpeg"), "image/gif", List.of("gif"));
    /** Extensions that name a type of their own: a file of another type under one of them opens in the wrong program. */
    private static final Set<String> TYPED = Set.of("docx", "doc", "odt", "pdf", "txt", "rtf", "xlsx", "xls", "pptx",
            "ppt", "png", "jpg", "jpeg", "gif", "zip", "rar", "7z", "exe");

    /**
     * The name a stored file is recorded and downloaded under: the one typed, else the file's own. A name ending in
     * another type's extension ("Báo cáo.docx" for a PDF) is refused: downloaded, the file would open in the wrong
     * program or not at all. A name without the file's extension gets it ("Kế hoạch 95/KH-UBND" for a .docx is
     * recorded as "Kế hoạch 95/KH-UBND.docx").
     */
    public static String documentName(String typed, Stored stored) {
        String name = typed == null || typed.isBlank() ? stored.name() : Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        List<String> own = EXTENSIONS.get(stored.file().mediaType());
        if (own == null) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String given = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (own.contains(given)) {
            return name;
        }
        if (TYPED.contains(given)) {
            throw FileRefused.with("file-name-type", "Tên tệp “" + name + "” có đuôi ." + given + " nhưng tệp là tệp ."
                    + own.get(0) + ": hãy đặt tên có đuôi ." + own.get(0) + ".", Map.of("given", given, "expected", own.get(0)));
        }
        return name + "." + own.get(0);
    }

    /**
     * A name is shown and sent back as the download's name: no folders, no control characters, and no U+FFFD, which
     * is what a byte that is not UTF-8 in the part's headers (a Latin-1 "café") was read as: a name nobody typed.
     */
    static String name(String original) {
        String name = original == null ? "" : Normalizer.normalize(original.strip(), Normalizer.Form.NFC);
        if (name.isEmpty() || name.length() > 255 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == '\\' || c == '\uFFFD' || Character.isISOControl(c))) {
            throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-name-invalid", "Tên tệp không hợp lệ (rỗng,"
                    + " quá 255 ký tự, chứa dấu / hoặc \\ hay ký tự điều khiển, hoặc không phải UTF-8): hãy đổi tên tệp.");
        }
        return name;
    }

    private <T> T within(Future<T> result) {
        try {
            return result.get(readSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-read-timeout",
                    "Đọc tệp mất quá " + readSeconds + " giây: Docket không nhận tệp này. Hãy lưu lại tệp rồi thử lại.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
