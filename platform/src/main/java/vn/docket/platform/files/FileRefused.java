package vn.docket.platform.files;

import java.util.Map;
import org.springframework.http.HttpStatus;
import vn.docket.platform.refusal.Refusal;

/** An uploaded file Docket will not store (too large, not a document, unreadable, hostile): a 4xx naming the rule. */
public class FileRefused extends Refusal {

    private final HttpStatus status;
    /** The figures a client words the refusal with in its own language (a limit, the name a file should have). */
    private final Map<String, Object> facts;

    public FileRefused(HttpStatus status, String rule, String detail) {
        this(status, rule, detail, Map.of());
    }

    private FileRefused(HttpStatus status, String rule, String detail, Map<String, Object> facts) {
        super(rule, detail);
        this.status = status;
        this.facts = facts;
    }

    /** 413 for a file (or a form carrying one) over {@code maxBytes}; the answer says the limit, as {@code maxMb}. */
    public static FileRefused tooLarge(String rule, String detail, long maxBytes) {
        return new FileRefused(HttpStatus.PAYLOAD_TOO_LARGE, rule, detail, Map.of("maxMb", maxBytes / (1024 * 1024)));
    }

    /** 422 naming {@code facts} for the client's own words (each becomes a property of the problem). */
    public static FileRefused with(String rule, String detail, Map<String, Object> facts) {
        return new FileRefused(HttpStatus.UNPROCESSABLE_ENTITY, rule, detail, Map.copyOf(facts));
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
