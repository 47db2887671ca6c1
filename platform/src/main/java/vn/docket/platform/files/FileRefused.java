package vn.docket.platform.files;

import org.springframework.http.HttpStatus;
import vn.docket.platform.refusal.Refusal;

/** An uploaded file Docket will not store (too large, not a document, unreadable, hostile): a 4xx naming the rule. */
public class FileRefused extends Refusal {

    private final HttpStatus status;
    /** For a file or form over the size limit: the limit in MB, so that a client can word it in its own language. */
    private final Long maxMb;

    public FileRefused(HttpStatus status, String rule, String detail) {
        this(status, rule, detail, null);
    }

    private FileRefused(HttpStatus status, String rule, String detail, Long maxMb) {
        super(rule, detail);
        this.status = status;
        this.maxMb = maxMb;
    }

    /** 413 for a file (or a form carrying one) over {@code maxBytes}; the answer says the limit. */
    public static FileRefused tooLarge(String rule, String detail, long maxBytes) {
        return new FileRefused(HttpStatus.PAYLOAD_TOO_LARGE, rule, detail, maxBytes / (1024 * 1024));
    }

    public HttpStatus status() {
        return status;
    }

    public Long maxMb() {
        return maxMb;
    }
}
