package vn.docket.command.draftfiles;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import vn.docket.platform.files.FileRefused;
import vn.docket.platform.files.FileStore;

/**
 * Takes a draft's file (or the issued document's) in: {@link #receive}s the form straight from the request as it
 * arrives (the file part hashed as its bytes come, within the size limit; nothing spooled to disk and read back),
 * checks its name, reads it (on a worker of its own, within a time limit, so one hostile file cannot hold a request
 * thread), and stores it. The caller {@link #keep}s it once the draft's event is stored, or {@link #discard}s it
 * when the command is refused, so nothing is left half-written.
 */
@Component
public class DraftFiles {

    /** What was stored: the SHA-256 the server computed and what the event records. */
    public record Stored(String sha256, String name, DocumentFile file) {
    }

    /**
     * A form as received: its fields (the first value of each), the {@code file} part's name, bytes and SHA-256,
     * and a fingerprint of all its parts for {@code Idempotency-Key} (name, file name and SHA-256 of each, in
     * name order, so the same form sent again with another boundary or order is the same request).
     */
    public record Received(Map<String, String> fields, String name, byte[] content, String sha256, String fingerprint) {
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

    DraftFiles(FileStore store, @Value("${docket.files.max-size:50MB}") DataSize maxSize,
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
     * The file's bytes go once through SHA-256 into memory (at most the size limit, counted while they arrive, also
     * for a body sent without a length). A body cut off, malformed or too large is refused; nothing is stored yet.
     */
    public Received receive(HttpServletRequest request) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        String name = null;
        byte[] content = null;
        String sha = null;
        try {
            MultipartParts form = new MultipartParts(request.getInputStream(), request.getContentType(),
                    request.getContentLengthLong(), maxRequestBytes, maxBytes);
            for (MultipartParts.Part part = form.next(); part != null; part = form.next()) {
                MessageDigest digest = sha256();
                String fileName = part.formField() ? null : fileName(part);
                if (part.formField()) {
                    byte[] value = read(form, digest, 1024);
                    fields.putIfAbsent(part.fieldName(), new String(value, StandardCharsets.UTF_8));
                } else if ("file".equals(part.fieldName()) && content == null) {
                    name = name(fileName);
                    // Sized by the declared length (within the limit), so a large file is not copied as it grows.
                    content = read(form, digest, (int) Math.max(64 * 1024, Math.min(request.getContentLengthLong(), maxBytes)));
                } else {
                    read(form, digest, 0); // another file part: only its fingerprint counts
                }
                String hash = HexFormat.of().formatHex(digest.digest());
                if (content != null && sha == null) {
                    sha = hash;
                }
                parts.add(part.fieldName() + "\u0000" + fileName + "\u0000" + hash);
            }
        } catch (MultipartParts.TooLarge e) {
            drainRest(request);
            if (e.part) {
                throw tooLarge();
            }
            throw new FileRefused(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", "Dữ liệu gửi lên quá lớn: Docket nhận tệp tối đa "
                    + maxBytes / (1024 * 1024) + " MB cùng các trường của biểu mẫu.");
        } catch (IOException e) {
            // Malformed, or cut off: the client went away mid-upload (nobody may read this answer).
            throw new FileRefused(HttpStatus.BAD_REQUEST, "malformed-request",
                    "Biểu mẫu gửi lên bị hỏng hoặc bị cắt giữa chừng: hãy gửi lại.");
        }
        if (content == null) {
            throw new FileRefused(HttpStatus.BAD_REQUEST, "malformed-request", "Biểu mẫu không có phần file (tệp dự thảo).");
        }
        parts.sort(null);
        return new Received(fields, name, content, sha,
                HexFormat.of().formatHex(sha256().digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8))));
    }

    /** A part's bytes through the digest into memory, in a buffer of {@code capacity} to start; none kept if 0. */
    private static byte[] read(MultipartParts form, MessageDigest digest, int capacity) throws IOException {
        ByteArrayOutputStream out = capacity == 0 ? null : new ByteArrayOutputStream(capacity);
        byte[] buffer = new byte[64 * 1024];
        for (int n = form.read(buffer, 0, buffer.length); n != -1; n = form.read(buffer, 0, buffer.length)) {
            digest.update(buffer, 0, n);
            if (out != null) {
                out.write(buffer, 0, n);
            }
        }
        return out == null ? null : out.toByteArray();
    }

    /** The part's file name as sent; one with a NUL in it, which the library refused to give, stands as a NUL. */
    private static String fileName(MultipartParts.Part part) {
        return part.fileName().indexOf('\u0000') >= 0 ? "\u0000" : part.fileName();
    }

    /** A file that came without a form (the demo data's drafts). */
    public Stored store(String originalName, byte[] content) {
        return store(new Received(Map.of(), name(originalName), content, FileStore.sha256(content), null));
    }

    /** Reads and stores a received file; the content was hashed as it arrived. */
    public Stored store(Received received) {
        byte[] content = received.content();
        if (content.length == 0) {
            throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-empty", "Tệp rỗng: không có nội dung để lưu.");
        }
        if (content.length > maxBytes) {
            throw tooLarge();
        }
        String sha = received.sha256();
        Future<DocumentReader.Read> reading = readers.submit(() -> DocumentReader.read(content, imagesAccepted));
        // The chunks are written while the reader reads; the description, which needs what it read, last.
        store.put(sha, content, () -> {
            DocumentReader.Read read = within(reading);
            return new Document("mediaType", read.mediaType()).append("text", read.text())
                    .append("pageCount", read.pageCount()).append("wordCount", read.wordCount())
                    .append("textLayer", read.textLayer());
        });
        DocumentReader.Read read;
        try {
            read = within(reading); // read already, unless the same bytes were stored before
        } catch (RuntimeException e) {
            store.discard(sha);
            throw e;
        }
        return new Stored(sha, received.name(), new DocumentFile(read.mediaType(), content.length, read.pageCount(),
                read.wordCount(), read.textLayer()));
    }

    /**
     * Reads and drops what is left of a body refused for its size (at most max-request-size more), so that a client
     * still sending reads the 413 and its rule: Tomcat closes the connection after a 413 without reading on, and a
     * client still writing then sees a broken pipe instead of the answer (DraftFilesTest, now and then).
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
        return new FileRefused(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large",
                "Tệp quá lớn; Docket nhận tệp dự thảo tối đa " + maxBytes / (1024 * 1024) + " MB.");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void keep(Stored stored) {
        store.keep(stored.sha256());
    }

    /** Ends this request's hold; the file goes only if no other request holds it and no draft kept it. */
    public void discard(Stored stored) {
        store.discard(stored.sha256());
    }

    /** A name is shown and sent back as the download's name: no folders, no control characters. */
    static String name(String original) {
        String name = original == null ? "" : Normalizer.normalize(original.strip(), Normalizer.Form.NFC);
        if (name.isEmpty() || name.length() > 255 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-name-invalid",
                    "Tên tệp không hợp lệ (rỗng, quá 255 ký tự, chứa dấu / hoặc \\ hay ký tự điều khiển): hãy đổi tên tệp.");
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
