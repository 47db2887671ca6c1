package vn.docket.command.notice.reading;

/**
 * The file cannot be read as a notice. The message is one line meant for the clerk who uploaded
 * it (in Vietnamese); {@link #problem()} lets the HTTP layer choose a status without parsing text.
 */
public class NoticeReadingException extends RuntimeException {

    public enum Problem { EMPTY, TOO_LARGE, BINARY, LEGACY_ENCODING, UNSUPPORTED_FORMAT, UNREADABLE_PDF, UNREADABLE_DOCX, NO_TEXT }

    private final Problem problem;

    public NoticeReadingException(Problem problem, String message) {
        this(problem, message, null);
    }

    public NoticeReadingException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
