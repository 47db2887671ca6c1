package vn.docket.platform.files;

import org.springframework.http.HttpStatus;

/** An uploaded file Docket will not store (too large, not a document, unreadable, hostile): a 4xx naming the rule. */
public class FileRefused extends RuntimeException {

    private final HttpStatus status;
    private final String rule;

    public FileRefused(HttpStatus status, String rule, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.rule = rule;
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }
}
