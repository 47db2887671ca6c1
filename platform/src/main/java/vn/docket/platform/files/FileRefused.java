package vn.docket.platform.files;

import org.springframework.http.HttpStatus;
import vn.docket.platform.refusal.Refusal;

/** An uploaded file Docket will not store (too large, not a document, unreadable, hostile): a 4xx naming the rule. */
public class FileRefused extends Refusal {

    private final HttpStatus status;

    public FileRefused(HttpStatus status, String rule, String detail) {
        super(rule, detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
