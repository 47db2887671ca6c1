package vn.docket.command.draftfiles;

import java.text.Normalizer;
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
 * Takes a draft's file (or the issued document's) in: checks its name and size, reads it (on a worker of its own, within a time limit, so one
 * hostile file cannot hold a request thread), and stores it. The caller {@link #keep}s it once the draft's event is
 * stored, or {@link #discard}s it when the command is refused, so nothing is left half-written.
 */
@Component
public class DraftFiles {

    /** What was stored: the SHA-256 the server computed and what the event records. */
    public record Stored(String sha256, String name, DocumentFile file) {
    }

    private final FileStore store;
    private final long maxBytes;
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
               @Value("${docket.files.accept-images:false}") boolean imagesAccepted) {
        this.store = store;
        this.maxBytes = maxSize.toBytes();
        this.readSeconds = readSeconds;
        this.imagesAccepted = imagesAccepted;
    }

    public Stored store(String originalName, byte[] content) {
        String name = name(originalName);
        if (content.length == 0) {
            throw new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "file-empty", "Tệp rỗng: không có nội dung để lưu.");
        }
        if (content.length > maxBytes) {
            throw new FileRefused(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "Tệp quá lớn ("
                    + content.length / (1024 * 1024) + " MB); Docket nhận tệp dự thảo tối đa "
                    + maxBytes / (1024 * 1024) + " MB.");
        }
        Future<DocumentReader.Read> reading = readers.submit(() -> DocumentReader.read(content, imagesAccepted));
        // Hashed while the reader reads: on a large file each takes about as long as the other.
        String sha = FileStore.sha256(content);
        DocumentReader.Read read = within(reading);
        store.put(sha, content, new Document("mediaType", read.mediaType())
                .append("text", read.text()).append("pageCount", read.pageCount())
                .append("wordCount", read.wordCount()).append("textLayer", read.textLayer()));
        return new Stored(sha, name, new DocumentFile(read.mediaType(), content.length, read.pageCount(),
                read.wordCount(), read.textLayer()));
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
