package vn.docket.query.reports;

/**
 * Which deadline the timeliness classes of a report are judged against; the office chooses it with
 * {@code docket.timeliness.against}. A revision request's due date counts either way: it is a new round's
 * deadline set by the leaders, not an extension the unit asked for.
 */
public enum TimelinessRule {
    /** The deadline as extended (gia hạn): an approved extension excuses the later date. */
    EXTENDED("Thời hạn tính theo hạn đã được gia hạn (nếu có)"),
    /** The deadline before any extension: an extension is recorded but does not change the classes. */
    ORIGINAL("Thời hạn tính theo hạn giao ban đầu, không tính gia hạn");

    private final String vietnamese;

    TimelinessRule(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}
